import { modulesFor, partitionDays, type PartitionOptions } from '../generate';
import { isPartitioned } from '../modules/module';
import type { Scenario } from '../scenario/schema';

/** A preview covers at most a fifteenth of the calendar (2 days of a 30-day month)… */
const PREVIEW_SHARE = 15;
/** …and about this many rows of day-by-day tables (one day of inventory retail's 25,000). */
const PREVIEW_ROWS = 30_000;

/**
 * A preview is partition 0 of the run: its first days, never a different sample, sized by
 * the modules' own row estimates so that it comes back in a fraction of a second. Whole-run
 * tables (customers, catalog) come with it.
 */
export function previewRange(scenario: Scenario): PartitionOptions {
  const days = scenario.calendar.days;
  const perDay = modulesFor(scenario.tables, scenario)
    .filter((m) => isPartitioned(m, scenario))
    .reduce((n, m) => n + m.estimateRows(scenario), 0) / days;
  const wanted = Math.max(1, Math.min(Math.floor(days / PREVIEW_SHARE), Math.floor(PREVIEW_ROWS / Math.max(1, perDay))));
  return { partitions: Math.max(1, Math.floor(days / wanted)), partition: 0 };
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
