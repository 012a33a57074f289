import { lifecycleChecks } from './checks';
import type { EngineModule } from '../module';
import { simulateLifecycle } from './lifecycleSimulation';

/** Purchases, daily lifecycle counts and churn labels of a scenario with a lifecycle (seed 003). */
export const lifecycleModule: EngineModule = {
  checks: lifecycleChecks,
  id: 'lifecycle',
  dependsOn: ['customers'],
  tables: ['transactions', 'daily_metrics', 'customer_labels'],
  rowBytes: 34,
  partitioned: true,
  // A label per customer, and purchases over the days each is a customer: the base all
  // calendar long, signups from their day on (half the calendar on average), less churn (×0.8).
  estimateRows: (s) => {
    const l = s.lifecycle;
    if (!l) return 0;
    const days = s.calendar.days;
    const customerDays = s.volumes.customers * days + (l.signupsPerDay * days * days) / 2;
    return s.volumes.customers + l.signupsPerDay * days + ((0.8 * l.purchasesPerMonth) / 30) * customerDays;
  },
  *generate(ctx) {
    if (!ctx.scenario.lifecycle) return [];
    const out = yield* simulateLifecycle(ctx.scenario, ctx.dayFrom, ctx.dayTo);
    return out.labels ? [out.transactions, out.daily, out.labels] : [out.transactions, out.daily];
  },
};
