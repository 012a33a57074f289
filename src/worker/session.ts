import { transfer } from 'comlink';
import { conformanceReport, type ConformanceRow } from '../engine/analysis/conformance';
import { correlationReport, type CorrelationReport } from '../engine/analysis/correlation';
import { distribution, timeSeries, type Distribution, type DistributionRequest, type TimeSeriesRequest } from '../engine/analysis/distribution';
import { estimateElasticities, type TenantElasticity } from '../engine/analysis/elasticity';
import { estimatePriceElasticities, type CohortPriceElasticity } from '../engine/analysis/priceElasticity';
import { summarizeTable, type TableSummary } from '../engine/analysis/summary';
import { sortOrder } from '../engine/analysis/sort';
import { toArrowIPC } from '../engine/export/arrow';
import { buildManifest, exportTable, fileStamp, zipBundle, zipByDay, type ExportFormat } from '../engine/export/bundle';
import { dayNumber, isoDay } from '../engine/time';
import type { ParquetModule } from '../engine/export/parquet';
import { assertFitsMemory, BROWSER_MEMORY_BUDGET } from '../engine/estimate';
import { generateSteps, type GeneratedRun, type Progress } from '../engine/generate';
import { ScenarioError, type ScenarioIssue } from '../engine/scenario/errors';
import { assertScenario, validateScenario } from '../engine/scenario/validate';
import { compareKpis, headline, hourlyPair, type Kpi } from '../engine/analysis/compare';
import { eventWindows } from '../engine/modules/events';
import { faultView, qualityReport, type QualityReport } from '../engine/analysis/quality';
import { lifecycleReport, type LifecycleReport } from '../engine/analysis/lifecycle';
import { inventoryReport, stockSeries, type InventoryReport, type StockPoint } from '../engine/analysis/inventory';
import { attributionReport, type AttributionReport } from '../engine/analysis/attribution';

export interface ResultTableIPC {
  name: string;
  rowCount: number;
  /** Arrow IPC stream, transferred (not copied) to the page. */
  ipc: Uint8Array;
}

export interface RunResult {
  preview: boolean;
  tables: ResultTableIPC[];
  summaries: TableSummary[];
  correlation: CorrelationReport | null;
  elasticity: TenantElasticity[];
  priceElasticity: CohortPriceElasticity[];
  /** Declared targets against the data (full runs only: a preview is too small to judge). */
  conformance: ConformanceRow[];
  /** Injected data-quality faults per table and kind; null when the scenario asks for none. */
  quality: QualityReport | null;
  /** Churn against its target and survival by segment; null without a lifecycle. */
  lifecycle: LifecycleReport | null;
  /** Stockout rate, the seed's must-holds and lost sales; null without inventory. */
  inventory: InventoryReport | null;
  /** Sessions, ads and attribution, training against validation; null without the jaffle shop. */
  attribution: AttributionReport | null;
  /** Headline figures (orders, revenue, …) for KPI cards and the presentation. */
  headline: { key: string; label: string; value: number; unit: 'count' | 'money' | 'share' }[];
  elapsedMs: number;
}

export interface FaultView extends ResultTableIPC {
  /** Highlighted cells: row i of `rows` in column `columns[i]` ('*' = the whole row). */
  rows: Int32Array;
  columns: string[];
  /** The fault kind of each highlighted cell. */
  kinds: string[];
}

export interface RunCallbacks {
  onProgress(p: Progress): void;
  onPreview(result: RunResult): void;
}

export interface ExportedBlob {
  fileName: string;
  bytes: Uint8Array;
}

/** Invalid input comes back as data (numbered issues), not as a thrown error: Comlink keeps only an error's message. */
export type RunOutcome = { ok: true; result: RunResult } | { ok: false; issues: ScenarioIssue[] };

export type ComparisonOutcome =
  | { ok: true; kpis: Kpi[]; series: { t: number; scenario: number; baseline: number }[]; windows: { label: string; startMs: number; endMs: number }[] }
  | { ok: false; issues: ScenarioIssue[] };

/** The preview covers the first day(s): partition 0 of this many. */
const PREVIEW_PARTITIONS = 15;

/**
 * What the worker exposes. Holds the last run, so sorting and export happen next to
 * the data and never copy row objects across the boundary.
 */
export function createSession(loadParquet: () => Promise<ParquetModule>) {
  let last: GeneratedRun | null = null;
  /** What charts read: the preview while the full run goes on, then the full run. */
  let current: GeneratedRun | null = null;

  const pack = (run: GeneratedRun, preview: boolean, started: number): RunResult => {
    const tables = run.tables.map((t) => ({ name: t.name, rowCount: t.rowCount, ipc: toArrowIPC(t) }));
    const correlation = correlationReport(run.scenario, run.tables.find((t) => t.name === 'hourly_metrics'));
    const byName = (name: string) => run.tables.find((t) => t.name === name);
    const elasticity = estimateElasticities(run.scenario, byName('shopify_orders'), byName('weather_daily'));
    const priceElasticity = estimatePriceElasticities(run.scenario, byName('orders'), byName('customers'));
    const conformance = preview ? [] : conformanceReport(run);
    const headlineKpis = [...headline(run).entries()].map(([key, v]) => ({ key, ...v }));
    return {
      preview,
      tables,
      summaries: run.tables.map(summarizeTable),
      correlation,
      elasticity,
      priceElasticity,
      conformance,
      quality: qualityReport(run),
      lifecycle: lifecycleReport(run),
      inventory: inventoryReport(run),
      attribution: attributionReport(run),
      headline: headlineKpis,
      elapsedMs: performance.now() - started,
    };
  };
  const transferResult = (r: RunResult) => transfer(r, r.tables.map((t) => t.ipc.buffer as ArrayBuffer));
  const tableOf = (name: string) => {
    const t = last?.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name} in the last run`);
    return t;
  };

  return {
    async run(input: unknown, callbacks: RunCallbacks): Promise<RunOutcome> {
      const started = performance.now();
      last = null;
      current = null;
      let scenario;
      try {
        scenario = assertScenario(input);
        assertFitsMemory(scenario, BROWSER_MEMORY_BUDGET);
      } catch (e) {
        if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
        throw e;
      }
      if (scenario.calendar.days > 1) {
        const partitions = Math.min(PREVIEW_PARTITIONS, scenario.calendar.days);
        const preview = drain(generateSteps(scenario, { partitions, partition: 0 }));
        // Charts of the preview can be asked for while the full run goes on.
        current = preview;
        callbacks.onPreview(transferResult(pack(preview, true, started)));
      }
      const steps = generateSteps(scenario);
      let step = steps.next();
      let lastReport = 0;
      while (!step.done) {
        const now = performance.now();
        if (now - lastReport > 50) {
          callbacks.onProgress(step.value);
          lastReport = now;
          // Let other calls (distribution charts of the preview) in between chunks.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        step = steps.next();
      }
      callbacks.onProgress({ fraction: 1, stage: 'packing results' });
      last = step.value;
      current = last;
      const result = pack(last, false, started);
      return transfer({ ok: true, result }, result.tables.map((t) => t.ipc.buffer as ArrayBuffer));
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
      try {
        assertFitsMemory(scenario.scenario, BROWSER_MEMORY_BUDGET / 2);
        assertFitsMemory(baseline.scenario, BROWSER_MEMORY_BUDGET / 2);
      } catch (e) {
        if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
        throw e;
      }
      const a = drain(generateSteps(scenario.scenario));
      const b = drain(generateSteps(baseline.scenario));
      return {
        ok: true,
        kpis: compareKpis(a, b),
        series: hourlyPair(a, b),
        windows: eventWindows(scenario.scenario).map((w) => ({ label: w.event.label, startMs: w.startMs, endMs: w.endMs })),
      };
    },

    distribution(req: DistributionRequest): Distribution | null {
      return current ? distribution(current.tables, req) : null;
    },

    timeSeries(req: TimeSeriesRequest): { t: number; value: number }[] {
      return current ? timeSeries(current.tables, req) : [];
    },

    /** One version of a faulted table, with the cells to highlight in it. */
    faultView(table: string, version: 'clean' | 'faulty', onlyFaulty: boolean): FaultView | null {
      const cells = current && faultView(current, table, version, onlyFaulty);
      if (!cells) return null;
      const view = { name: table, rowCount: cells.table.rowCount, ipc: toArrowIPC(cells.table), rows: cells.rows, columns: cells.columns, kinds: cells.kinds };
      return transfer(view, [view.ipc.buffer as ArrayBuffer, view.rows.buffer]);
    },

    stockSeries(productId: number, locationId: number): StockPoint[] {
      return current ? stockSeries(current, productId, locationId) : [];
    },

    sortOrder(table: string, column: string, descending: boolean): Int32Array {
      const order = sortOrder(tableOf(table), column, descending);
      return transfer(order, [order.buffer]);
    },

    async exportTable(table: string, format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
      const run = last!;
      const parquet = format === 'parquet' ? await loadParquet() : undefined;
      const file = exportTable(run, tableOf(table), format, fileStamp(createdAt), parquet);
      return transfer({ fileName: file.fileName, bytes: file.bytes }, [file.bytes.buffer as ArrayBuffer]);
    },

    /** The last run's days as increments: a zip with a folder per day, each generated as its own partition. */
    async exportByDay(format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
      if (!last) throw new Error('nothing to export: run the scenario first');
      const scenario = last.scenario;
      const parquet = format === 'parquet' ? await loadParquet() : undefined;
      const stamp = fileStamp(createdAt);
      const start = dayNumber(scenario.calendar.start);
      const days = Array.from({ length: scenario.calendar.days }, (_, d) => {
        const run = drain(generateSteps(scenario, { partitions: scenario.calendar.days, partition: d }));
        const files = run.tables.map((t) => exportTable(run, t, format, stamp, parquet));
        return { folder: `day=${isoDay(start + d)}`, manifest: buildManifest(run, files, format, createdAt), files };
      });
      const zip = zipByDay(scenario, days, createdAt);
      return transfer({ fileName: `${scenario.name}_${stamp}_${format}_by_day.zip`, bytes: zip }, [zip.buffer as ArrayBuffer]);
    },

    async exportAll(format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
      if (!last) throw new Error('nothing to export: run the scenario first');
      const run = last;
      const parquet = format === 'parquet' ? await loadParquet() : undefined;
      const stamp = fileStamp(createdAt);
      const files = run.tables.map((t) => exportTable(run, t, format, stamp, parquet));
      const conformance = conformanceReport(run);
      const zip = zipBundle(buildManifest(run, files, format, createdAt, conformance), files, conformance);
      return transfer({ fileName: `${run.scenario.name}_${stamp}_${format}.zip`, bytes: zip }, [zip.buffer as ArrayBuffer]);
    },
  };
}

export type EngineSession = ReturnType<typeof createSession>;

function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
