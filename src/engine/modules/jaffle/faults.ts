import type { FieldFault } from '../../quality/faults';
import type { Scenario } from '../../scenario/schema';

const FAULT_OF_ANOMALY = {
  duplicate_orders: { table: 'raw_orders_validation', kind: 'duplicate_row', column: '' },
  null_emails: { table: 'raw_signups_validation', kind: 'null', column: 'customer_email' },
  late_rows: { table: 'raw_orders_validation', kind: 'late_arriving', column: '' },
} as const;

/** Validation anomalies that are data-quality faults, as fault specs (listed in dq_faults like any other). */
export function jaffleFaults(s: Scenario): FieldFault[] {
  if (!s.jaffle) return [];
  return s.jaffle.anomalies.flatMap((a, i) => {
    const f = FAULT_OF_ANOMALY[a.kind as keyof typeof FAULT_OF_ANOMALY];
    return f && s.tables.includes(f.table) ? [{ ...f, ratePct: a.value, field: `jaffle.anomalies.${i}.value` }] : [];
  });
}
