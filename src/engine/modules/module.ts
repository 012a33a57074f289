import type { Check } from '../analysis/targets';
import type { FieldFault } from '../quality/faults';
import type { Rng } from '../random/rng';
import type { Scenario, TableName } from '../scenario/schema';
import type { DataTable } from '../table';

/** What a module sees while it runs. */
export interface ModuleContext {
  scenario: Scenario;
  /** The module's own stream for a partition key (a day number, or 0 for whole-run draws). */
  stream(partition?: number | string): Rng;
  /** Another module's stream, named by its id: to repeat a draw that module made (inventory re-derives the orders' product popularity). */
  streamOf(moduleId: string, partition?: number | string): Rng;
  /** A value derived from the scenario alone, built once and shared by every module and analysis that names the same key (see model/derived.ts). */
  shared<T>(key: string, build: (scenario: Scenario) => T): T;
  /** Tables produced by modules this one depends on. */
  table(name: TableName): DataTable;
  /** A table produced earlier in this run, if any module made it. */
  tableIfMade(name: TableName): DataTable | null;
  /** Day indices [from, to) of the calendar this run covers (partitioned modules only). */
  dayFrom: number;
  dayTo: number;
}

/**
 * A module is a record: adding one means adding a file and registering it in
 * generate.ts; nothing else changes. `generate` yields its own progress (0..1)
 * between chunks so the caller can report progress and stop between them.
 */
export interface EngineModule {
  id: string;
  dependsOn: readonly string[];
  tables: readonly TableName[];
  /** Tables of other modules it reads through ctx.table (generate.ts refuses any other read). */
  reads?: readonly TableName[];
  /** Tables of the modules it depends on that it replaces with its own version (inventory rewrites the orders it could fill). */
  rewrites?: readonly TableName[];
  /** Bytes a row of its tables takes in memory, on average (typed columns, dictionary text), for the memory estimate. */
  rowBytes: number;
  /** Partitioned modules cover only the run's days; the others run whole, in partition 0. */
  partitioned: boolean | ((scenario: Scenario) => boolean);
  /** False for a module that must see every day in one run (inventory carries stock from day to day): the run cannot be split into parts. */
  splittable?: boolean;
  /** Runs whenever this holds, whichever tables are chosen (a module that changes others' tables). */
  always?: (scenario: Scenario) => boolean;
  /** Rough row count, to weight progress and estimate memory. */
  estimateRows(scenario: Scenario): number;
  /**
   * Rough rows of one of its tables, where they differ (orders and their lines): a custom
   * column on a table is estimated at that table's rows. Without it, at estimateRows (an upper bound).
   */
  estimateTableRows?: Partial<Record<TableName, (scenario: Scenario) => number>>;
  generate(ctx: ModuleContext): Generator<number, DataTable[]>;
  /** Its declared targets and how to measure them; they appear in Conformance and conformance.json. */
  checks?: readonly Check[];
  /** Data-quality faults its own settings declare (listed in dq_faults like the user's). */
  faults?: (scenario: Scenario) => FieldFault[];
}

export function isPartitioned(m: EngineModule, scenario: Scenario): boolean {
  return typeof m.partitioned === 'function' ? m.partitioned(scenario) : m.partitioned;
}
