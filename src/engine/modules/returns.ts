import { returnsChecks } from './returns.checks';
import { AliasTable } from '../random/alias';
import { column, type DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import { activeAt, eventWindows, param } from '../model/events';
import { GrowableColumns } from '../model/growable';
import { plannedOrders } from '../model/plan';
import type { EngineModule } from './module';

export const RETURN_REASONS = ['damaged', 'wrong_size', 'not_as_described', 'changed_mind', 'arrived_late'] as const;

/**
 * Returns follow delivered orders: each is returned with the rate in force when it was
 * ordered (a returns wave raises it for orders inside its window and slows processing).
 * At most one return per order, so a return is keyed by its order: return_id = order_id.
 */
export const returnsModule: EngineModule = {
  checks: returnsChecks,
  id: 'returns',
  dependsOn: ['orders'],
  reads: ['orders'],
  tables: ['returns'],
  rowBytes: 64,
  partitioned: true,
  estimateRows: (s) => (plannedOrders(s) * s.service.returnRatePct) / 100,
  *generate(ctx) {
    const { scenario } = ctx;
    const orders = ctx.table('orders');
    const id = column(orders, 'order_id');
    const created = column(orders, 'created_at');
    const promised = column(orders, 'promised_at');
    const delivered = column(orders, 'delivered_at');
    const total = column(orders, 'total');
    if (id.type !== 'int32' || created.type !== 'timestamp' || promised.type !== 'timestamp' || delivered.type !== 'timestamp' || total.type !== 'fixed') {
      throw new Error('unexpected order columns');
    }
    const waves = eventWindows(scenario).filter((w) => w.event.type === 'returns_wave');
    const baseRate = scenario.service.returnRatePct / 100;
    const reasonPick = new AliasTable([20, 30, 25, 25, 0]);
    const lateReasonPick = new AliasTable([15, 20, 20, 15, 30]);
    // return_id, order_id, reason | created_at, processed_at, refund_amount
    const out = new GrowableColumns(3, 3, Math.ceil(orders.rowCount * baseRate * 1.5));

    let day = -1;
    let rng = ctx.stream(0);
    for (let r = 0; r < orders.rowCount; r++) {
      const d = Math.floor(created.values[r] / MS_PER_DAY);
      if (d !== day) {
        day = d;
        rng = ctx.stream(d);
      }
      if (!delivered.valid![r]) continue;
      const t = created.values[r];
      const wave = waves.find((w) => activeAt(w, t));
      const rate = wave ? param(wave.event, 'returnRatePct', 24) / 100 : baseRate;
      if (!rng.bernoulli(rate)) continue;
      const processingDays = wave ? param(wave.event, 'processingDays', 9) : 3;
      const opened = delivered.values[r] + (1 + rng.int(20 * 24 * 3600)) * 1000;
      out.reserve(1);
      const at = out.length++;
      out.ints[0][at] = id.values[r];
      out.ints[1][at] = id.values[r];
      const late = delivered.values[r] > promised.values[r];
      out.ints[2][at] = (late ? lateReasonPick : reasonPick).sample(rng);
      out.floats[0][at] = opened;
      out.floats[1][at] = opened + Math.round(rng.logNormal(Math.log(processingDays * 86400), 0.35)) * 1000;
      out.floats[2][at] = total.values[r];
      if (r % 50_000 === 0) yield r / orders.rowCount;
    }
    const cols = out.finish();
    const table: DataTable = {
      name: 'returns',
      rowCount: out.length,
      columns: [
        { name: 'return_id', type: 'int32', values: cols.ints[0] },
        { name: 'order_id', type: 'int32', values: cols.ints[1] },
        { name: 'created_at', type: 'timestamp', values: cols.floats[0] },
        { name: 'reason', type: 'dict', indices: cols.ints[2], dictionary: RETURN_REASONS },
        { name: 'refund_amount', type: 'fixed', scale: 2, values: cols.floats[2] },
        { name: 'processed_at', type: 'timestamp', values: cols.floats[1] },
      ],
    };
    return [table];
  },
};
