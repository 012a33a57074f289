import { compareKpis, hourlyPair } from '../analysis/compare';
import { distribution, timeSeries, type Distribution, type DistributionRequest, type TimeSeriesRequest } from '../analysis/distribution';
import { stockSeries, type StockPoint } from '../analysis/inventory';
import { faultView } from '../analysis/quality';
import { sortOrder } from '../analysis/sort';
import { summarizeTable, type TableSummary } from '../analysis/summary';
import { toArrowIPC } from '../export/arrow';
import { exportBundle, exportByDay, exportFileName, fileStamp } from '../export/bundle';
import { encodeTable, type ExportFormatId } from '../export/formats';
import type { ParquetModule } from '../export/parquetModule';
import { assertFitsMemory, assertPartFitsMemory, BROWSER_MEMORY_BUDGET, canWriteInParts } from '../estimate';
import { generateSteps, type GeneratedRun } from '../generate';
import { eventWindows } from '../model/events';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';
import { assertScenario, validateScenario } from '../scenario/validate';
import { drain, drainCooperatively } from './drain';
import { previewDays, previewRange } from './preview';
import { writeRunToDisk, type DiskTarget } from './diskRun';
import { assembleParts, partCount, partRequests, runParts, type PartOutput, type PartRequest } from './parallel';
import type { ComparisonOutcome, DiskRunCallbacks, DiskRunOutcome, ExportedBlob, FaultView, PreviewOutcome, RunCallbacks, RunResult } from './protocol';
import { computeReports } from './reports';

/** What the host gives the session: a clock, a way to let other calls in, and Parquet on demand. */
export interface SessionHost {
  now(): number;
  /** Resolves after the host has handled pending messages (a macrotask in a worker). */
  yieldToHost(): Promise<void>;
  loadParquet(): Promise<ParquetModule>;
  /** Bytes of memory a run may take in this host. */
  memoryBudget?: number;
  /** What a run over the budget can do in this host instead, ending E107's advice ("… or write it to disk") for a run that can be written in parts. */
  largeRunAdvice?: string;
  /** A folder for a run written to disk (the page's worker: the origin-private file system). */
  openDisk?(folder: string): Promise<DiskTarget>;
  /** Workers that generate parts of a run side by side (null or absent: one thread). */
  partPool?(): PartPool | null;
}

/** A pool of part workers: `size` lanes, lane i running one part at a time. */
export interface PartPool {
  size: number;
  run(req: PartRequest, lane: number): Promise<PartOutput>;
}

/** Which result a request reads: the latest preview or the last full run. */
export type ResultSource = 'preview' | 'full';

/**
 * The host-neutral engine session: previews, runs, reports, charts' queries and exports,
 * next to the data so that no row object crosses to the page. The page's worker exposes
 * it; the CLI calls it directly.
 */
export function createSession(host: SessionHost) {
  const budget = host.memoryBudget ?? BROWSER_MEMORY_BUDGET;
  let full: GeneratedRun | null = null;
  let preview: GeneratedRun | null = null;
  /** Bumped by every preview (run) request: an older one in flight stops at its next chunk. */
  let previewTicket = 0;
  let runTicket = 0;
  /** Bumped by every run written to disk and by cancelDiskRun (apart from runs: an auto-run must not stop a disk run). */
  let diskTicket = 0;

  const runOf = (source: ResultSource) => (source === 'preview' ? preview : full);
  const tableIn = (source: ResultSource, name: string) => {
    const t = runOf(source)?.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name} in the ${source === 'preview' ? 'preview' : 'last run'}`);
    return t;
  };
  const pack = (run: GeneratedRun, started: number, workers = 1): RunResult => {
    const [from, to] = previewDays(run.scenario);
    return {
      preview: run === preview ? { days: to - from, totalDays: run.scenario.calendar.days } : null,
      tables: run.tables.map((t) => ({ name: t.name, rowCount: t.rowCount, ipc: toArrowIPC(t) })),
      reports: computeReports(run, run === preview),
      elapsedMs: host.now() - started,
      workers,
    };
  };
  const checked = (input: unknown, share = 1): Scenario => {
    const scenario = assertScenario(input);
    // The host's way out (Write to disk) only for a run it can write in parts.
    assertFitsMemory(scenario, budget * share, canWriteInParts(scenario) ? host.largeRunAdvice : undefined);
    return scenario;
  };
  const lastFull = () => {
    if (!full) throw new Error('nothing to export: run the scenario first');
    return full;
  };

  return {
    /**
     * The first days of exactly the run Run produces (the same streams, so a row here is the
     * same row in the export). A newer preview request supersedes this one between chunks.
     */
    async preview(input: unknown): Promise<PreviewOutcome> {
      const started = host.now();
      const ticket = ++previewTicket;
      // Let queued requests in first: during a drag only the last edit is generated.
      await host.yieldToHost();
      if (ticket !== previewTicket) return SUPERSEDED;
      // Only the preview's days need to fit: a run too large for the tab still previews (and can be written to disk).
      const outcome = asOutcome(() => {
        const scenario = assertScenario(input);
        assertPartFitsMemory(scenario, previewRange(scenario).partitions, budget);
        return scenario;
      });
      if (!outcome.ok) return outcome;
      const scenario = outcome.value;
      const run = await drainCooperatively(generateSteps(scenario, previewRange(scenario)), host, () => ticket !== previewTicket);
      if (!run) return SUPERSEDED;
      preview = run;
      return { ok: true, result: pack(run, started) };
    },

    /**
     * The whole run, letting other calls (previews, charts) in between chunks; cut into
     * parts on the host's pool of workers when it has one and the run splits by day (same
     * bytes: parallel.ts).
     */
    async run(input: unknown, callbacks: RunCallbacks): Promise<PreviewOutcome> {
      const started = host.now();
      const ticket = ++runTicket;
      const outcome = asOutcome(() => checked(input));
      if (!outcome.ok) return outcome;
      const scenario = outcome.value;
      const pool = host.partPool?.() ?? null;
      const parts = pool ? partCount(scenario, pool.size) : 1;
      const run =
        pool && parts > 1
          ? await runInParts(scenario, parts, pool, callbacks)
          : await drainCooperatively(generateSteps(scenario), host, () => ticket !== runTicket, callbacks.onProgress);
      if (!run || ticket !== runTicket) return SUPERSEDED;
      callbacks.onProgress({ fraction: 1, stage: 'packing results' });
      full = run;
      return { ok: true, result: pack(full, started, pool && parts > 1 ? Math.min(pool.size, parts) : 1) };
    },

    /**
     * The whole run written to disk in parts, for runs larger than the tab can hold: memory
     * holds one part; the page gets a folder of files, not the rows.
     */
    async writeToDisk(input: unknown, format: ExportFormatId, createdAt: string, callbacks: DiskRunCallbacks): Promise<DiskRunOutcome> {
      const ticket = ++diskTicket;
      const outcome = asOutcome(() => assertScenario(input));
      if (!outcome.ok) return outcome;
      if (!host.openDisk) throw new Error('this host cannot write files to disk');
      const scenario = outcome.value;
      const folder = `${scenario.name}_${fileStamp(createdAt)}`;
      const target = await host.openDisk(folder);
      const written = await asyncOutcome(() =>
        writeRunToDisk(scenario, format, createdAt, target, { host, memoryBudget: budget, stop: () => ticket !== diskTicket, onProgress: callbacks.onProgress, onPart: callbacks.onPart }),
      );
      if (!written.ok) return written;
      return written.value ? { ok: true, folder, result: written.value } : SUPERSEDED;
    },

    /** Stops the run being written to disk at its next chunk. */
    cancelDiskRun(): void {
      diskTicket++;
    },

    /** Stops the run in flight at its next chunk; the last full run and the previews stay. */
    cancelRun(): void {
      runTicket++;
    },

    /**
     * The scenario against a baseline, with common random numbers: the same seed gives both
     * the same streams, so every difference comes from the scenario, not from noise.
     */
    compare(input: unknown, baselineInput: unknown): ComparisonOutcome {
      const scenario = validateScenario(input);
      if (!scenario.ok) return { ok: false, issues: scenario.issues };
      const baseline = validateScenario(baselineInput);
      if (!baseline.ok) return { ok: false, issues: baseline.issues.map((i) => ({ ...i, field: `baseline.${i.field}` })) };
      const fits = asOutcome(() => {
        assertFitsMemory(scenario.scenario, budget / 2);
        assertFitsMemory(baseline.scenario, budget / 2);
      });
      if (!fits.ok) return fits;
      const a = drain(generateSteps(scenario.scenario));
      const b = drain(generateSteps(baseline.scenario));
      return {
        ok: true,
        kpis: compareKpis(a, b),
        series: hourlyPair(a, b),
        windows: eventWindows(scenario.scenario).map((w) => ({ label: w.event.label, startMs: w.startMs, endMs: w.endMs })),
      };
    },

    distribution(source: ResultSource, req: DistributionRequest): Distribution | null {
      const run = runOf(source);
      return run ? distribution(run.tables, req) : null;
    },

    timeSeries(source: ResultSource, req: TimeSeriesRequest): { t: number; value: number }[] {
      const run = runOf(source);
      return run ? timeSeries(run.tables, req) : [];
    },

    /** One version of a faulted table, with the cells to highlight in it. */
    faultView(source: ResultSource, table: string, version: 'clean' | 'faulty', onlyFaulty: boolean): FaultView | null {
      const run = runOf(source);
      const cells = run && faultView(run, table, version, onlyFaulty);
      if (!cells) return null;
      return { name: table, rowCount: cells.table.rowCount, ipc: toArrowIPC(cells.table), rows: cells.rows, columns: cells.columns, kinds: cells.kinds };
    },

    stockSeries(source: ResultSource, productId: number, locationId: number): StockPoint[] {
      const run = runOf(source);
      return run ? stockSeries(run, productId, locationId) : [];
    },

    /** Column statistics of one table, asked for when the Summary view opens (44 ms of a baseline preview otherwise). */
    summary(source: ResultSource, table: string): TableSummary {
      return summarizeTable(tableIn(source, table));
    },

    sortOrder(source: ResultSource, table: string, column: string, descending: boolean): Int32Array {
      return sortOrder(tableIn(source, table), column, descending);
    },

    async exportTable(table: string, format: ExportFormatId, createdAt: string): Promise<ExportedBlob> {
      const run = lastFull();
      const bytes = await encodeTable(tableIn('full', table), format, host.loadParquet);
      return { fileName: exportFileName(run, fileStamp(createdAt), table, format), bytes };
    },

    /** The last run's days as increments: a zip with a folder per day, each generated as its own partition. */
    exportByDay(format: ExportFormatId, createdAt: string): Promise<ExportedBlob> {
      return exportByDay(lastFull().scenario, format, createdAt, host.loadParquet);
    },

    exportAll(format: ExportFormatId, createdAt: string): Promise<ExportedBlob> {
      return exportBundle(lastFull(), format, createdAt, host.loadParquet);
    },
  };
}

export type EngineSession = ReturnType<typeof createSession>;

/** A run generated in parts on a pool, assembled in calendar order (faults into the whole). */
async function runInParts(scenario: Scenario, parts: number, pool: PartPool, callbacks: RunCallbacks): Promise<GeneratedRun> {
  callbacks.onProgress({ fraction: 0, stage: `generating in ${parts} parts on ${pool.size} workers` });
  const outputs = await runParts(partRequests(scenario, parts, null), pool.size, (req, lane) => pool.run(req, lane), (done) =>
    callbacks.onProgress({ fraction: (0.9 * done) / parts, stage: `${done} of ${parts} parts generated` }),
  );
  callbacks.onProgress({ fraction: 0.9, stage: 'joining the parts' });
  return assembleParts(scenario, outputs, null).run;
}

const SUPERSEDED = { ok: false, superseded: true } as const;

/** Invalid input as data (numbered issues): Comlink keeps only an error's message. */
function asOutcome<T>(f: () => T): { ok: true; value: T } | { ok: false; issues: ScenarioError['issues'] } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/** The same for work that ends later (a run written to disk can meet E114 while writing). */
async function asyncOutcome<T>(f: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; issues: ScenarioError['issues'] }> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
}
