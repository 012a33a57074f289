import { metricsChecks } from './metrics.checks';
import { column, type DataTable } from '../table';
import { MS_PER_HOUR } from '../time';
import { orderHours } from '../model/hourRows';
import type { EngineModule } from './module';
import { hourlyPlan, METRICS } from '../model/plan';

const MS_PER_MINUTE = 60_000;

function countByBucket(times: Float64Array, startMs: number, bucketMs: number, buckets: number): Int32Array {
  const out = new Int32Array(buckets);
  for (let i = 0; i < times.length; i++) {
    const b = Math.floor((times[i] - startMs) / bucketMs);
    if (b >= 0 && b < buckets) out[b]++;
  }
  return out;
}

/**
 * hourly_metrics counts the raw rows of each hour (tickets and carts by created_at,
 * delays by the late orders' created_at) beside the expected curve; system_metrics
 * follows the load minute by minute.
 */
export const metricsModule: EngineModule = {
  checks: metricsChecks,
  id: 'metrics',
  dependsOn: ['orders', 'support', 'carts'],
  reads: ['orders', 'support_tickets', 'cart_abandonment'],
  tables: ['system_metrics', 'hourly_metrics'],
  rowBytes: 48,
  partitioned: true,
  estimateRows: (s) => s.calendar.days * 1464,
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const plan = hourlyPlan(scenario);
    const orders = ctx.table('orders');
    const hours = orderHours(plan, orders, dayFrom * 24);
    const nHours = (dayTo - dayFrom) * 24;
    const startMs = plan.startMs + dayFrom * 24 * MS_PER_HOUR;
    const ticketsAt = column(ctx.table('support_tickets'), 'created_at');
    const cartsAt = column(ctx.table('cart_abandonment'), 'created_at');
    if (ticketsAt.type !== 'timestamp' || cartsAt.type !== 'timestamp') throw new Error('unexpected columns');

    const lateTimes: number[] = [];
    const failedTimes: number[] = [];
    for (let r = 0; r < orders.rowCount; r++) {
      if (hours.isLate(r)) lateTimes.push(hours.created[r]);
      if (hours.isFailed(r)) failedTimes.push(hours.created[r]);
    }
    const counts = [hours.created, ticketsAt.values, Float64Array.from(lateTimes), cartsAt.values].map((t) => countByBucket(t, startMs, MS_PER_HOUR, nHours));
    const expected = Array.from({ length: METRICS }, (_, k) => {
      const out = new Float64Array(nHours);
      for (let i = 0; i < nHours; i++) out[i] = Math.round(plan.expected[k][dayFrom * 24 + i] * 1000);
      return out;
    });
    const hourly: DataTable = {
      name: 'hourly_metrics',
      rowCount: nHours,
      columns: [
        { name: 'hour', type: 'timestamp', values: Float64Array.from({ length: nHours }, (_, i) => startMs + i * MS_PER_HOUR) },
        { name: 'orders', type: 'int32', values: counts[0] },
        { name: 'support_tickets', type: 'int32', values: counts[1] },
        { name: 'delivery_delays', type: 'int32', values: counts[2] },
        { name: 'cart_abandonments', type: 'int32', values: counts[3] },
        { name: 'expected_orders', type: 'fixed', scale: 3, values: expected[0] },
        { name: 'expected_support_tickets', type: 'fixed', scale: 3, values: expected[1] },
        { name: 'expected_delivery_delays', type: 'fixed', scale: 3, values: expected[2] },
        { name: 'expected_cart_abandonments', type: 'fixed', scale: 3, values: expected[3] },
      ],
    };
    yield 0.3;

    const nMinutes = nHours * 60;
    const ordersPerMinute = countByBucket(hours.created, startMs, MS_PER_MINUTE, nMinutes);
    const cartsPerMinute = countByBucket(cartsAt.values, startMs, MS_PER_MINUTE, nMinutes);
    const failuresPerMinute = countByBucket(Float64Array.from(failedTimes), startMs, MS_PER_MINUTE, nMinutes);
    const minute = new Float64Array(nMinutes);
    const requests = new Int32Array(nMinutes);
    const latency = new Int32Array(nMinutes);
    const errorRate = new Float64Array(nMinutes);
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      for (let m = (d - dayFrom) * 1440; m < (d - dayFrom + 1) * 1440; m++) {
        minute[m] = startMs + m * MS_PER_MINUTE;
        // Browsing traffic around the buying: sessions that order or abandon make many requests.
        const load = ordersPerMinute[m] * 35 + cartsPerMinute[m] * 12 + 40;
        const req = Math.max(1, Math.round(load * rng.logNormal(0, 0.08)));
        requests[m] = req;
        const failures = failuresPerMinute[m];
        const errors = failures + rng.poisson(req * 0.002);
        errorRate[m] = Math.round((errors / req) * 10_000);
        latency[m] = Math.round((120 + 2.2 * Math.pow(req, 0.75) + (400 * failures) / (1 + ordersPerMinute[m])) * rng.logNormal(0, 0.06));
      }
    }
    const system: DataTable = {
      name: 'system_metrics',
      rowCount: nMinutes,
      columns: [
        { name: 'minute', type: 'timestamp', values: minute },
        { name: 'requests', type: 'int32', values: requests },
        { name: 'p95_latency_ms', type: 'int32', values: latency },
        { name: 'error_rate', type: 'fixed', scale: 4, values: errorRate },
        { name: 'gateway_failures', type: 'int32', values: failuresPerMinute },
      ],
    };
    return [system, hourly];
  },
};
