import { partitionDays, type PartitionOptions } from '../generate';
import type { Scenario } from '../scenario/schema';

/**
 * A preview is partition 0 of this many: the first days of the run (2 of a 30-day month),
 * never a different sample. Whole-run tables (customers, catalog) come with it.
 */
const PREVIEW_PARTITIONS = 15;

export function previewRange(scenario: Scenario): PartitionOptions {
  return { partitions: Math.min(PREVIEW_PARTITIONS, scenario.calendar.days), partition: 0 };
}

/** Days [from, to) of the calendar a preview covers. */
export function previewDays(scenario: Scenario): [number, number] {
  return partitionDays(scenario.calendar.days, previewRange(scenario));
}

/**
 * Tables of a preview that are not the first rows of the full run's table: dq_faults lists
 * faults by row of the exported part, and with inventory the extra low-stock abandoned carts
 * (and the hourly counts of them) are sized over the whole run and appended after the planned ones (a known gap: sizing
 * them per day would change every inventory run's bytes).
 */
export function previewDiffersIn(scenario: Scenario): string[] {
  return ['dq_faults', ...(scenario.inventory ? ['cart_abandonment', 'hourly_metrics'] : [])];
}
