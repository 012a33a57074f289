import { lifecycleChecks } from './checks';
import type { EngineModule } from '../module';
import { simulateLifecycle } from './lifecycleSimulation';

/** Purchases, daily lifecycle counts and churn labels of a scenario with a lifecycle (seed 003). */
export const lifecycleModule: EngineModule = {
  checks: lifecycleChecks,
  id: 'lifecycle',
  dependsOn: ['customers'],
  tables: ['transactions', 'daily_metrics', 'customer_labels'],
  rowBytes: 48,
  partitioned: true,
  estimateRows: (s) =>
    s.lifecycle ? (s.volumes.customers + s.lifecycle.signupsPerDay * s.calendar.days) * (1 + (s.lifecycle.purchasesPerMonth * s.calendar.days) / 30) : 0,
  *generate(ctx) {
    if (!ctx.scenario.lifecycle) return [];
    const out = yield* simulateLifecycle(ctx.scenario, ctx.dayFrom, ctx.dayTo);
    return out.labels ? [out.transactions, out.daily, out.labels] : [out.transactions, out.daily];
  },
};
