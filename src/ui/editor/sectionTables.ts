import { COMMERCE_TABLES, TABLE_NAMES, type Scenario } from '../../engine/client';

/** Adds a section's tables to a scenario draft, in the canonical order. */
export function chooseTables(d: Scenario, names: readonly string[]): void {
  d.tables = TABLE_NAMES.filter((t) => d.tables.includes(t) || names.includes(t));
}

/**
 * Takes a section's tables out of a scenario draft, with the faults that named them (they
 * would no longer validate); the suite's tables stand in when nothing is left.
 */
export function dropTables(d: Scenario, names: readonly string[]): void {
  d.tables = d.tables.filter((t) => !names.includes(t));
  if (d.tables.length === 0) d.tables = [...COMMERCE_TABLES];
  d.quality.faults = d.quality.faults.filter((f) => d.tables.includes(f.table));
}
