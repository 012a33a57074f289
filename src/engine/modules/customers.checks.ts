import { type Check, shareTolerance, dictShares } from '../analysis/targets';
import { column } from '../table';
import { dayNumber } from '../time';

const cohortShares: Check = (run, table) => {
  const customers = table('customers');
  if (!customers) return [];
  // With a lifecycle, the shares describe those already customers when the calendar starts.
  const since = column(customers, 'customer_since');
  const start = dayNumber(run.scenario.calendar.start);
  const existing = (r: number) => !run.scenario.lifecycle || (since.type === 'date' && since.values[r] < start);
  const { shares, n } = dictShares(customers, 'cohort', existing);
  return run.scenario.cohorts.map((c) => ({
    module: 'customers',
    target: `cohort share: ${c.label}`,
    expected: c.share,
    measured: 100 * (shares.get(c.id) ?? 0),
    tolerance: shareTolerance(c.share / 100, n),
    unit: '%' as const,
  }));
};

/** The customers module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const customersChecks: readonly Check[] = [cohortShares];
