import { AliasTable } from '../random/alias';
import { column, type DataTable } from '../table';
import { MS_PER_HOUR } from '../time';
import { activeAt, eventWindows } from '../model/events';
import { orderHours } from '../model/hourRows';
import type { EngineModule } from './module';
import { hourlyPlan, plannedOrders } from '../model/plan';

export const TICKET_REASONS = ['delivery_delay', 'payment_issue', 'order_status', 'product_question', 'return_request', 'restock_request', 'account'] as const;
const [DELAY, PAYMENT, STATUS, , RETURN, RESTOCK] = [0, 1, 2, 3, 4, 5];
/** Share of tickets never resolved within the data. */
const UNRESOLVED = 0.04;

/**
 * Support tickets, exactly the planned number per hour. Reasons follow what happened in
 * that hour: late deliveries and failed payments bring tickets about those orders; a viral
 * moment brings restock requests. A ticket about an order is opened after the order.
 */
export const supportModule: EngineModule = {
  id: 'support',
  dependsOn: ['orders', 'customers'],
  reads: ['customers', 'orders'],
  tables: ['support_tickets'],
  rowBytes: 72,
  partitioned: true,
  estimateRows: (s) => plannedOrders(s) * s.service.ticketsPerOrder,
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const plan = hourlyPlan(scenario);
    const hours = orderHours(plan, ctx.table('orders'), dayFrom * 24);
    const customers = ctx.table('customers');
    const supportChannel = column(customers, 'support_channel');
    if (supportChannel.type !== 'dict') throw new Error('unexpected customer columns');
    const viral = eventWindows(scenario).filter((w) => w.event.type === 'viral_moment');

    const first = plan.firstId[1][dayFrom * 24];
    const n = plan.firstId[1][dayTo * 24] - first;
    const ticketId = new Int32Array(n);
    const customerId = new Int32Array(n);
    const orderId = new Int32Array(n);
    const hasOrder = new Uint8Array(n);
    const createdAt = new Float64Array(n);
    const channel = new Int32Array(n);
    const reason = new Int32Array(n);
    const resolvedAt = new Float64Array(n);
    const resolved = new Uint8Array(n);

    let row = 0;
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      for (let h = d * 24; h < (d + 1) * 24; h++) {
        const count = plan.counts[1][h];
        if (count === 0) continue;
        const hourStart = plan.startMs + h * MS_PER_HOUR;
        const [a, b] = hours.range(h);
        const late: number[] = [];
        const failed: number[] = [];
        for (let r = a; r < b; r++) {
          if (hours.isLate(r)) late.push(r);
          else if (hours.isFailed(r)) failed.push(r);
        }
        const restock = viral.some((w) => activeAt(w, hourStart + MS_PER_HOUR / 2)) ? 3 : 0;
        const reasons = new AliasTable([late.length * 0.5, failed.length * 0.6, b > a ? 2 : 0, 1.5, b > a ? 1 : 0, restock, 0.5]);
        const times: { t: number; reason: number; order: number; customer: number }[] = [];
        for (let k = 0; k < count; k++) {
          const why = reasons.sample(rng);
          const pool = why === DELAY ? late : why === PAYMENT ? failed : why === STATUS || why === RETURN ? null : undefined;
          let order = -1;
          if (pool) order = pool[rng.int(pool.length)];
          else if (pool === null) order = a + rng.int(b - a);
          const from = order >= 0 ? hours.created[order] : hourStart;
          const t = from + rng.int(Math.max(1, Math.floor((hourStart + MS_PER_HOUR - from) / 1000))) * 1000;
          const customer = order >= 0 ? hours.customer[order] - 1 : rng.int(customers.rowCount);
          times.push({ t, reason: why === RESTOCK && restock === 0 ? STATUS : why, order, customer });
        }
        times.sort((x, y) => x.t - y.t);
        for (const x of times) {
          ticketId[row] = first + row;
          customerId[row] = x.customer + 1;
          if (x.order >= 0) {
            orderId[row] = hours.orderId(x.order);
            hasOrder[row] = 1;
          }
          createdAt[row] = x.t;
          channel[row] = supportChannel.indices[x.customer];
          reason[row] = x.reason;
          if (!rng.bernoulli(UNRESOLVED)) {
            resolved[row] = 1;
            resolvedAt[row] = x.t + Math.round(rng.logNormal(Math.log(6 * 3600), 1)) * 1000;
          }
          row++;
        }
      }
      yield (d - dayFrom + 1) / (dayTo - dayFrom);
    }
    const table: DataTable = {
      name: 'support_tickets',
      rowCount: n,
      columns: [
        { name: 'ticket_id', type: 'int32', values: ticketId },
        { name: 'customer_id', type: 'int32', values: customerId },
        { name: 'order_id', type: 'int32', values: orderId, valid: hasOrder },
        { name: 'created_at', type: 'timestamp', values: createdAt },
        { name: 'channel', type: 'dict', indices: channel, dictionary: supportChannel.dictionary },
        { name: 'reason', type: 'dict', indices: reason, dictionary: TICKET_REASONS },
        { name: 'resolved_at', type: 'timestamp', values: resolvedAt, valid: resolved },
      ],
    };
    return [table];
  },
};
