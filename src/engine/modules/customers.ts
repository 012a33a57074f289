import { customersChecks } from './customers.checks';
import { AliasTable } from '../random/alias';
import { dayNumber } from '../time';
import type { DataTable } from '../table';
import { CustomerRows } from '../model/customerRows';
import { lifecyclePopulation } from './lifecycle/lifecyclePopulation';
import type { EngineModule } from './module';

/** Customers sign up within this many days before the calendar starts. */
const SIGNUP_HISTORY_DAYS = 3 * 365;

/**
 * The suite's customers all exist before the calendar starts (one whole-run table). With
 * a lifecycle, customers also sign up during the calendar, so the table is cut by signup
 * day like any dated table: a run over days [a, b) holds those who signed up in it.
 */
export const customersModule: EngineModule = {
  checks: customersChecks,
  id: 'customers',
  dependsOn: [],
  tables: ['customers'],
  rowBytes: 220,
  partitioned: (s) => s.lifecycle !== null,
  estimateRows: (s) => s.volumes.customers + (s.lifecycle ? s.lifecycle.signupsPerDay * s.calendar.days : 0),
  *generate(ctx) {
    const { scenario } = ctx;
    if (scenario.lifecycle) {
      const pop = lifecyclePopulation(scenario);
      const from = ctx.dayFrom === 0 ? 0 : pop.firstRowOfDay[ctx.dayFrom];
      const to = pop.firstRowOfDay[ctx.dayTo];
      return [{ name: 'customers', rowCount: to - from, columns: pop.rows.columns(from, to) }];
    }
    const n = scenario.volumes.customers;
    const rng = ctx.stream();
    const cohortPick = new AliasTable(scenario.cohorts.map((c) => c.share));
    const start = dayNumber(scenario.calendar.start);
    const rows = new CustomerRows(scenario.cohorts, n);
    const chunk = 50_000;
    for (let i = 0; i < n; i++) {
      rows.fill(i, rng, cohortPick.sample(rng), start - 1 - rng.int(SIGNUP_HISTORY_DAYS));
      if (i % chunk === chunk - 1) yield i / n;
    }
    const table: DataTable = { name: 'customers', rowCount: n, columns: rows.columns(0, n) };
    return [table];
  },
};
