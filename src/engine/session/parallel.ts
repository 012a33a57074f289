import { formatOf, joinParts, type ExportFormatId } from '../export/formats';
import type { ParquetModule } from '../export/parquetModule';
import { generate, moduleFaults, withFaults, type GeneratedRun } from '../generate';
import { isPartitioned } from '../modules/module';
import { modulesFor } from '../modules/registry';
import { TABLE_NAMES, type Scenario } from '../scenario/schema';
import { concatTables, type DataTable } from '../table';

/**
 * A run in parts on a pool of workers. The calendar is cut into day ranges (the
 * partitions every run already supports: whole-run tables in part 0, ids global); each
 * worker generates its parts clean and encodes the tables whose files can be appended;
 * the host assembles them in order, injects the faults into the whole and encodes the
 * rest once. Parts are assembled in calendar order, so the bytes do not depend on how
 * many workers there were or which finished first.
 */

/** What a worker is asked to do: one part of the run. */
export interface PartRequest {
  scenario: Scenario;
  parts: number;
  part: number;
  /** Encode each table in this format when the format can join parts (CSV, JSON Lines). */
  format: ExportFormatId | null;
  /** Tables not to encode in the worker (they take faults after assembly). */
  encodeExcept: readonly string[];
}

export interface PartOutput {
  part: number;
  tables: DataTable[];
  /** Tables the worker keeps for its next parts (whole-run tables, see generate.ts): copied, never moved. */
  kept: string[];
  /** Encoded table files, by table name (only for joinable formats). */
  files: Record<string, Uint8Array>;
  /** Table files the host saved itself (see PartSaver), by table name: what the saver answered. */
  saved: Record<string, string>;
}

/**
 * A host that can write a part's files itself (the CLI: staging files on disk) is handed
 * the chunks of each streamable table and answers where it put them; the part then sends
 * back no file bytes at all.
 */
export type PartSaver = (table: string, part: number, produce: (sink: (chunk: Uint8Array) => void) => Promise<void>) => Promise<string>;

/** Runs a part inside a worker (or in the calling thread when there is no pool). */
export async function runPart(req: PartRequest, loadParquet: () => Promise<ParquetModule>, save?: PartSaver): Promise<PartOutput> {
  const run = generate(req.scenario, { partitions: req.parts, partition: req.part }, { faults: false });
  const files: Record<string, Uint8Array> = {};
  const saved: Record<string, string> = {};
  const format = req.format ? formatOf(req.format) : null;
  if (format?.appendable) {
    for (const t of run.tables) {
      if (req.encodeExcept.includes(t.name)) continue;
      if (save && format.stream) saved[t.name] = await save(t.name, req.part, (sink) => format.stream!(t, sink));
      else files[t.name] = await format.encode(t, { loadParquet });
    }
  }
  const kept = modulesFor(req.scenario.tables, req.scenario).flatMap((m) => (isPartitioned(m, req.scenario) ? [] : m.tables));
  return { part: req.part, tables: run.tables, kept, files, saved };
}

/**
 * A worker's part runner. Parts of one run share values derived from the scenario (the
 * hourly plan, the customers), cached by scenario object, and each request arrives as a
 * fresh copy: the runner keeps one object per scenario text.
 */
export function partRunner(loadParquet: () => Promise<ParquetModule>, save?: PartSaver): (req: PartRequest) => Promise<PartOutput> {
  let last = { text: '', scenario: null as Scenario | null };
  return (req) => {
    const text = JSON.stringify(req.scenario);
    if (text !== last.text) last = { text, scenario: req.scenario };
    return runPart({ ...req, scenario: last.scenario! }, loadParquet, save);
  };
}

/** The buffers a part's answer can move instead of copying. */
export function partTransferables(out: PartOutput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const bytes of Object.values(out.files)) buffers.add(bytes.buffer as ArrayBuffer);
  for (const t of out.tables.filter((x) => !out.kept.includes(x.name))) for (const b of tableBuffers(t)) buffers.add(b);
  return [...buffers];
}

/** The buffers under a table's columns (text held as strings has none), each once. */
export function tableBuffers(t: DataTable): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of t.columns) {
    if (c.valid) buffers.add(c.valid.buffer as ArrayBuffer);
    if (c.type === 'dict') buffers.add(c.indices.buffer as ArrayBuffer);
    else if (c.type === 'ascii') buffers.add(c.bytes.buffer as ArrayBuffer);
    else if (c.type !== 'string') buffers.add(c.values.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/**
 * Tables made for a run's own day range, by the modules that run day by day: nothing
 * outside the run holds their data (whole-run tables, the customers and the catalog, are
 * kept for the scenario's later runs and parts: generate.ts), so a host may move them to
 * another thread once the run has been judged.
 */
export function rangeTables(scenario: Scenario): string[] {
  return modulesFor(scenario.tables, scenario).flatMap((m) => (isPartitioned(m, scenario) ? m.tables : []));
}

/**
 * How many parts a run is cut into for `workers` workers: one when nothing heavy is
 * split by day (inventory carries stock from day to day, lifecycle its customers) or
 * there is one worker; otherwise one a worker, never more than the days. Each part
 * repeats some set-up (the order context, a worker's copy of the whole-run tables), so
 * more parts cost more: 1M orders on 2 workers took 10.8 s in 6 parts, 7.9 s in 2.
 */
export function partCount(scenario: Scenario, workers: number): number {
  if (workers <= 1) return 1;
  const modules = modulesFor(scenario.tables, scenario);
  if (modules.some((m) => m.splittable === false)) return 1;
  const rows = (split: boolean) => modules.filter((m) => isPartitioned(m, scenario) === split).reduce((n, m) => n + m.estimateRows(scenario), 0);
  // Worth splitting only when most rows come from modules that run day by day.
  if (rows(true) < 2 * rows(false)) return 1;
  return Math.max(1, Math.min(scenario.calendar.days, workers));
}

/**
 * Runs parts on the pool: `workers` lanes, each running one part at a time (a host can
 * give lane i its own worker), answers kept by part number.
 */
export async function runParts(requests: readonly PartRequest[], workers: number, runOne: (req: PartRequest, lane: number) => Promise<PartOutput>, onPart?: (done: number) => void): Promise<PartOutput[]> {
  const out: PartOutput[] = new Array(requests.length);
  let next = 0;
  let done = 0;
  const lane = async (_: unknown, index: number) => {
    while (next < requests.length) {
      const i = next++;
      out[i] = await runOne(requests[i], index);
      onPart?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, requests.length) }, lane));
  return out;
}

/** Tables whose rows take faults in this scenario: they are encoded after assembly. */
export function faultedTables(scenario: Scenario): string[] {
  const specs = [...scenario.quality.faults, ...moduleFaults(scenario)];
  return [...new Set(specs.filter((f) => f.ratePct > 0).map((f) => f.table))];
}

/** The requests for a whole run cut into `parts`. */
export function partRequests(scenario: Scenario, parts: number, format: ExportFormatId | null): PartRequest[] {
  const encodeExcept = faultedTables(scenario);
  return Array.from({ length: parts }, (_, part) => ({ scenario, parts, part, format, encodeExcept }));
}

export interface AssembledRun {
  run: GeneratedRun;
  /** Whole-table files joined from the parts' files, by table name; tables missing here are encoded by the caller. */
  files: Map<string, Uint8Array>;
}

/** Joins the parts (in part order) into the single run: tables, then faults, then the joinable files. */
export function assembleParts(scenario: Scenario, outputs: readonly PartOutput[], format: ExportFormatId | null): AssembledRun {
  const ordered = [...outputs].sort((a, b) => a.part - b.part);
  const names = TABLE_NAMES.filter((name) => ordered.some((o) => o.tables.some((t) => t.name === name)));
  const pieces = (name: string) => ordered.flatMap((o) => o.tables.filter((t) => t.name === name));
  const clean = names.map((name) => concatTables(pieces(name)));
  const run = withFaults(scenario, { partitions: 1, partition: 0 }, clean);
  const files = new Map<string, Uint8Array>();
  const record = format ? formatOf(format) : undefined;
  if (record?.appendable) {
    for (const name of names) {
      const parts = ordered.flatMap((o) => (o.files[name] ? [o.files[name]] : []));
      // Every part that has the table encoded it (or none did: a faulted table).
      if (parts.length === ordered.filter((o) => o.tables.some((t) => t.name === name)).length && parts.length > 0) files.set(name, joinParts(record, parts));
    }
  }
  return { run, files };
}
