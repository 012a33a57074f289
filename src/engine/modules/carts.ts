import { AliasTable } from '../random/alias';
import { column, type DataTable } from '../table';
import { MS_PER_HOUR } from '../time';
import { activeAt, eventWindows, outageWindow } from '../model/events';
import type { EngineModule } from './module';
import { hourlyPlan, plannedOrders } from '../model/plan';

export const ABANDON_REASONS = ['shipping_cost', 'price_comparison', 'just_browsing', 'checkout_friction', 'payment_failed', 'out_of_stock'] as const;
const BASE_REASON_WEIGHTS = [30, 25, 25, 10, 5, 5];

/** Carts that did not convert: exactly the planned number per hour; outages and shortages shift the reasons. */
export const cartsModule: EngineModule = {
  id: 'carts',
  dependsOn: ['customers', 'catalog'],
  reads: ['customers', 'products'],
  tables: ['cart_abandonment'],
  rowBytes: 56,
  partitioned: true,
  estimateRows: (s) => plannedOrders(s) * s.service.abandonmentsPerOrder,
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const plan = hourlyPlan(scenario);
    const windows = eventWindows(scenario);
    const customers = ctx.table('customers').rowCount;
    const price = column(ctx.table('products'), 'price');
    if (price.type !== 'fixed') throw new Error('unexpected product columns');
    // A viral moment's product is sold only through its allocation, never in a random cart.
    const products = price.values.length - (scenario.events.some((e) => e.type === 'viral_moment') ? 1 : 0);

    const first = plan.firstId[3][dayFrom * 24];
    const n = plan.firstId[3][dayTo * 24] - first;
    const cartId = new Int32Array(n);
    const customerId = new Int32Array(n);
    const createdAt = new Float64Array(n);
    const itemCount = new Int32Array(n);
    const cartValue = new Float64Array(n);
    const reason = new Int32Array(n);

    let row = 0;
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      for (let h = d * 24; h < (d + 1) * 24; h++) {
        const count = plan.counts[3][h];
        if (count === 0) continue;
        const hourStart = plan.startMs + h * MS_PER_HOUR;
        const mid = hourStart + MS_PER_HOUR / 2;
        const weights = [...BASE_REASON_WEIGHTS];
        for (const w of windows) {
          if (w.event.type === 'payment_outage') {
            const [s, e] = outageWindow(w);
            if (mid >= s && mid < e) weights[4] += 250;
          }
          if (w.event.type === 'supply_disruption' && activeAt(w, mid)) weights[5] += 20;
        }
        const reasons = new AliasTable(weights);
        const start = row;
        for (let k = 0; k < count; k++, row++) {
          cartId[row] = first + row;
          customerId[row] = 1 + rng.int(customers);
          createdAt[row] = hourStart + rng.int(3600) * 1000;
          const items = 1 + Math.min(19, rng.poisson(1.2));
          itemCount[row] = items;
          let value = 0;
          for (let i = 0; i < items; i++) value += price.values[rng.int(products)];
          cartValue[row] = value;
          reason[row] = reasons.sample(rng);
        }
        createdAt.subarray(start, row).sort();
      }
      yield (d - dayFrom + 1) / (dayTo - dayFrom);
    }
    const table: DataTable = {
      name: 'cart_abandonment',
      rowCount: n,
      columns: [
        { name: 'cart_id', type: 'int32', values: cartId },
        { name: 'customer_id', type: 'int32', values: customerId },
        { name: 'created_at', type: 'timestamp', values: createdAt },
        { name: 'item_count', type: 'int32', values: itemCount },
        { name: 'cart_value', type: 'fixed', scale: 2, values: cartValue },
        { name: 'reason', type: 'dict', indices: reason, dictionary: ABANDON_REASONS },
      ],
    };
    return [table];
  },
};
