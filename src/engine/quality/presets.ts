import type { FaultSpec, Scenario } from '../scenario/schema';

/**
 * Seed 003's `add_data_quality_issues(corruption_rate)`: half the rate as null ages and
 * half as impossible ages among customers, the full rate as negative amounts among
 * purchases (transactions, or the suite's payments when there are none).
 */
export function corruptionPreset(s: Scenario, ratePct = 2): FaultSpec[] {
  const faults: FaultSpec[] = [];
  if (s.tables.includes('customers')) {
    faults.push({ table: 'customers', kind: 'null', ratePct: ratePct / 2, column: 'age' });
    faults.push({ table: 'customers', kind: 'out_of_range', ratePct: ratePct / 2, column: 'age' });
  }
  if (s.tables.includes('transactions')) faults.push({ table: 'transactions', kind: 'negative_amount', ratePct, column: 'amount' });
  else if (s.tables.includes('payments')) faults.push({ table: 'payments', kind: 'negative_amount', ratePct, column: 'amount' });
  return faults;
}
