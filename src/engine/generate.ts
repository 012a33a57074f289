import { addCustomColumns } from './custom/make';
import { isPartitioned, type EngineModule, type ModuleContext } from './modules/module';
import { injectFaults, type FieldFault } from './quality/faults';
import { derive, derivedIfKnown, remember } from './model/derived';
import { streamFor } from './random/rng';
import { ScenarioError } from './scenario/errors';
import { drain } from './session/drain';
export { assertFitsMemory, estimateRangeBytes, estimateRunBytes } from './estimate';
import { TABLE_NAMES, type Scenario, type TableName } from './scenario/schema';
import type { DataTable } from './table';

import { MODULES, modulesFor } from './modules/registry';
export { MODULES, modulesFor };

export interface PartitionOptions {
  /** Cut the calendar into this many contiguous day ranges… */
  partitions: number;
  /** …and run only this one (0-based). */
  partition: number;
}

/** Days [fromDay, end of calendar): the increment that continues a run (see continue.ts). */
export interface ContinueFrom {
  fromDay: number;
}

export type RunRange = PartitionOptions | ContinueFrom;

function rangeDays(days: number, range: RunRange): [number, number] {
  if ('fromDay' in range) {
    if (!Number.isInteger(range.fromDay) || range.fromDay < 0 || range.fromDay >= days) {
      throw new ScenarioError([{ code: 'E112', field: 'fromDay', message: `must be a whole number from 0 to ${days - 1}` }]);
    }
    return [range.fromDay, days];
  }
  return partitionDays(days, range);
}

export interface Progress {
  fraction: number;
  stage: string;
}

export interface GeneratedRun {
  scenario: Scenario;
  partition: RunRange;
  /** As exported: data-quality faults in, and dq_faults last when there are any. */
  tables: DataTable[];
  /** The clean version of every table that took faults. */
  clean: DataTable[];
}

export function partitionDays(days: number, { partitions, partition }: PartitionOptions): [number, number] {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > days) {
    throw new ScenarioError([{ code: 'E110', field: 'partitions', message: `must be a whole number from 1 to the number of days (${days})` }]);
  }
  if (!Number.isInteger(partition) || partition < 0 || partition >= partitions) {
    throw new ScenarioError([{ code: 'E110', field: 'partition', message: `must be a whole number from 0 to ${partitions - 1}` }]);
  }
  return [Math.floor((partition * days) / partitions), Math.floor(((partition + 1) * days) / partitions)];
}

/**
 * Runs the scenario, yielding progress between chunks (a day of orders, 50,000
 * customers) so a caller can report it and stop between chunks. Tables come back in
 * the canonical order; whole-run tables (customers, catalog) only in partition 0, so
 * the union of all partitions is the single run.
 */
export function* generateSteps(
  scenario: Scenario,
  partition: RunRange = { partitions: 1, partition: 0 },
  options: { faults?: boolean } = {},
): Generator<Progress, GeneratedRun> {
  const [dayFrom, dayTo] = rangeDays(scenario.calendar.days, partition);
  const modules = modulesFor(scenario.tables, scenario);
  const weights = modules.map((m) => Math.max(1, m.estimateRows(scenario) * (isPartitioned(m, scenario) ? (dayTo - dayFrom) / scenario.calendar.days : 1)));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const produced = new Map<string, DataTable>();
  let done = 0;
  for (const [i, m] of modules.entries()) {
    const ctx: ModuleContext = {
      scenario,
      dayFrom,
      dayTo,
      stream: (p = 0) => streamFor(scenario.seed, m.id, p),
      streamOf: (moduleId, p = 0) => {
        if (!MODULES.some((x) => x.id === moduleId)) throw new Error(`module ${m.id} asked for the stream of ${moduleId}, which is no module`);
        return streamFor(scenario.seed, moduleId, p);
      },
      shared: (key, build) => derive(scenario, key, build),
      table: (name) => {
        checkRead(m, name);
        const t = produced.get(name);
        if (!t) throw new Error(`module ${m.id} read ${name} before it was made`);
        return t;
      },
      tableIfMade: (name) => (checkRead(m, name), produced.get(name) ?? null),
    };
    // A module that runs whole and reads nothing makes the same tables for every range of a
    // scenario: the preview, the full run and every part of a parallel run share them.
    const reusable = !isPartitioned(m, scenario) && (m.reads ?? []).length === 0;
    const key = `tables:${m.id}`;
    let made = reusable ? derivedIfKnown<DataTable[]>(scenario, key) : undefined;
    if (!made) {
      made = yield* moduleSteps(m.generate(ctx), (f) => (done + weights[i] * f) / totalWeight, m.id);
      if (reusable) remember(scenario, key, made);
    }
    for (const t of made) {
      // A module writes its own tables, and replaces others' only where it says so.
      if (!m.tables.includes(t.name as TableName) && !m.rewrites?.includes(t.name as TableName)) throw new Error(`module ${m.id} wrote ${t.name}, which it neither owns nor declares as a rewrite`);
      produced.set(t.name, t);
    }
    done += weights[i];
    yield { fraction: done / totalWeight, stage: m.id };
  }
  addCustomColumns(scenario, produced);
  const chosen: readonly string[] = scenario.tables;
  const emitted = TABLE_NAMES.filter((name) => chosen.includes(name) && produced.has(name)).filter((name) => {
    const owner = modules.find((m) => m.tables.includes(name))!;
    return isPartitioned(owner, scenario) || dayFrom === 0;
  });
  const tables = emitted.map((name) => produced.get(name)!);
  // Parts of a parallel run come clean: faults go onto the assembled run, as in a single run.
  return options.faults === false ? { scenario, partition, tables, clean: [] } : withFaults(scenario, partition, tables);
}

/** Faults the modules' own settings imply (the jaffle shop's anomalies), beside the user's in scenario.quality. */
export function moduleFaults(scenario: Scenario): FieldFault[] {
  return modulesFor(scenario.tables, scenario).flatMap((m) => m.faults?.(scenario) ?? []);
}

/** Injects the scenario's data-quality faults into a run's clean tables (dq_faults last). */
export function withFaults(scenario: Scenario, partition: RunRange, clean: DataTable[]): GeneratedRun {
  const faulted = injectFaults(scenario, clean, moduleFaults(scenario));
  const tables = faulted.dqFaults ? [...faulted.tables, faulted.dqFaults] : faulted.tables;
  return { scenario, partition, tables, clean: faulted.clean };
}

function* moduleSteps(steps: Generator<number, DataTable[]>, overall: (fraction: number) => number, stage: string): Generator<Progress, DataTable[]> {
  let step = steps.next();
  while (!step.done) {
    yield { fraction: overall(step.value), stage };
    step = steps.next();
  }
  return step.value;
}

function checkRead(m: EngineModule, name: TableName): void {
  if (!m.reads?.includes(name)) throw new Error(`module ${m.id} read ${name}, which it does not declare in reads`);
}

/** Runs to the end, without progress. */
export function generate(scenario: Scenario, partition?: RunRange, options?: { faults?: boolean }): GeneratedRun {
  return drain(generateSteps(scenario, partition, options));
}
