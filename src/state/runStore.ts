import { tableFromIPC, type Table } from 'apache-arrow';
import { create } from 'zustand';
import { engineBridge, RunAborted } from '../bridge/engineBridge';
import type { ConformanceRow } from '../engine/analysis/conformance';
import type { CorrelationReport } from '../engine/analysis/correlation';
import type { TenantElasticity } from '../engine/analysis/elasticity';
import type { CohortPriceElasticity } from '../engine/analysis/priceElasticity';
import type { TableSummary } from '../engine/analysis/summary';
import type { ExportFormat } from '../engine/export/bundle';
import type { ScenarioIssue } from '../engine/scenario/errors';
import type { Scenario } from '../engine/scenario/schema';
import { downloadBytes } from '../ui/download';
import type { ExportedBlob, RunResult } from '../worker/session';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ResultTable {
  name: string;
  rowCount: number;
  arrow: Table;
}

export interface RunState {
  status: RunStatus;
  progress: number;
  stage: string;
  /** True while the tables shown are the quick sample, before the full run lands. */
  preview: boolean;
  tables: ResultTable[];
  summaries: TableSummary[];
  correlation: CorrelationReport | null;
  elasticity: TenantElasticity[];
  priceElasticity: CohortPriceElasticity[];
  conformance: ConformanceRow[];
  quality: RunResult['quality'];
  lifecycle: RunResult['lifecycle'];
  inventory: RunResult['inventory'];
  attribution: RunResult['attribution'];
  headline: RunResult['headline'];
  /** The scenario the result was generated from (events, calendar), for charts. */
  resultScenario: Scenario | null;
  elapsedMs: number;
  /** Scenario name of the result, for file names and headings. */
  resultName: string;
  issues: ScenarioIssue[];
  error: string | null;
  selectedTable: string;
  sort: { column: string; descending: boolean } | null;
  order: Int32Array | null;
  busy: 'sorting' | 'exporting' | null;
  run: (scenario: Scenario) => Promise<void>;
  cancel: () => void;
  selectTable: (name: string) => void;
  sortBy: (column: string) => Promise<void>;
  exportTable: (format: ExportFormat) => Promise<void>;
  exportAll: (format: ExportFormat) => Promise<void>;
  exportByDay: (format: ExportFormat) => Promise<void>;
}

let controller: AbortController | null = null;

/** Asks the worker for a file and hands it to the browser, with the busy flag and errors in the store. */
async function download(set: (patch: Partial<RunState>) => void, make: () => Promise<ExportedBlob>): Promise<void> {
  set({ busy: 'exporting', error: null });
  try {
    const file = await make();
    downloadBytes(file.fileName, file.bytes);
  } catch (e) {
    set({ error: `Export failed: ${(e as Error).message}` });
  } finally {
    set({ busy: null });
  }
}

function fromResult(r: RunResult) {
  return {
    tables: r.tables.map((t) => ({ name: t.name, rowCount: t.rowCount, arrow: tableFromIPC(t.ipc) })),
    summaries: r.summaries,
    correlation: r.correlation,
    elasticity: r.elasticity,
    priceElasticity: r.priceElasticity,
    conformance: r.conformance,
    quality: r.quality,
    lifecycle: r.lifecycle,
    inventory: r.inventory,
    attribution: r.attribution,
    headline: r.headline,
    elapsedMs: r.elapsedMs,
  };
}

export const useRunStore = create<RunState>()((set, get) => ({
  status: 'idle',
  progress: 0,
  stage: '',
  preview: false,
  tables: [],
  summaries: [],
  correlation: null,
  elasticity: [],
  priceElasticity: [],
  conformance: [],
  quality: null,
  lifecycle: null,
  inventory: null,
  attribution: null,
  headline: [],
  resultScenario: null,
  elapsedMs: 0,
  resultName: '',
  issues: [],
  error: null,
  selectedTable: 'orders',
  sort: null,
  order: null,
  busy: null,

  run: async (scenario) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    set({ status: 'running', progress: 0, stage: 'starting', preview: false, issues: [], error: null, sort: null, order: null, tables: [], summaries: [] });
    const pickTable = (names: string[]) => (names.includes(get().selectedTable) ? get().selectedTable : (names.find((n) => n === 'orders') ?? names[0] ?? ''));
    try {
      const outcome = await engineBridge.run(scenario, {
        signal: mine.signal,
        onProgress: (p) => {
          if (controller === mine) set({ progress: p.fraction, stage: p.stage });
        },
        onPreview: (r) => {
          if (controller !== mine) return;
          const shown = fromResult(r);
          set({ ...shown, preview: true, resultName: scenario.name, resultScenario: scenario, selectedTable: pickTable(shown.tables.map((t) => t.name)) });
        },
      });
      if (controller !== mine) return;
      if (!outcome.ok) {
        set({ status: 'error', issues: outcome.issues, error: 'The scenario has problems; fix them and run again.', tables: [], summaries: [] });
        return;
      }
      const shown = fromResult(outcome.result);
      set({ ...shown, status: 'done', progress: 1, preview: false, resultName: scenario.name, resultScenario: scenario, selectedTable: pickTable(shown.tables.map((t) => t.name)) });
    } catch (e) {
      if (controller !== mine) return;
      if (e instanceof RunAborted) set({ status: 'cancelled', tables: [], summaries: [], preview: false });
      else set({ status: 'error', error: (e as Error).message, tables: [], summaries: [] });
    } finally {
      if (controller === mine) controller = null;
    }
  },

  cancel: () => controller?.abort(),

  selectTable: (name) => set({ selectedTable: name, sort: null, order: null }),

  sortBy: async (column) => {
    const { sort, selectedTable, status } = get();
    if (status !== 'done') return;
    const descending = sort?.column === column ? !sort.descending : false;
    set({ busy: 'sorting' });
    try {
      const order = await engineBridge.sortOrder(selectedTable, column, descending);
      if (get().selectedTable === selectedTable) set({ sort: { column, descending }, order });
    } catch (e) {
      set({ error: `Sorting failed: ${(e as Error).message}` });
    } finally {
      set({ busy: null });
    }
  },

  exportTable: (format) => download(set, () => engineBridge.exportTable(get().selectedTable, format, new Date().toISOString())),

  exportAll: (format) => download(set, () => engineBridge.exportAll(format, new Date().toISOString())),

  exportByDay: (format) => download(set, () => engineBridge.exportByDay(format, new Date().toISOString())),
}));

export const selectStatus = (s: RunState) => s.status;
export const selectProgress = (s: RunState) => s.progress;
export const selectStage = (s: RunState) => s.stage;
export const selectPreview = (s: RunState) => s.preview;
export const selectElapsed = (s: RunState) => s.elapsedMs;
export const selectTables = (s: RunState) => s.tables;
export const selectSummaries = (s: RunState) => s.summaries;
export const selectSelectedTable = (s: RunState) => s.selectedTable;
export const selectSort = (s: RunState) => s.sort;
export const selectOrder = (s: RunState) => s.order;
export const selectBusy = (s: RunState) => s.busy;
export const selectError = (s: RunState) => s.error;
export const selectRunIssues = (s: RunState) => s.issues;
export const selectCorrelation = (s: RunState) => s.correlation;
export const selectResultScenario = (s: RunState) => s.resultScenario;
export const selectElasticity = (s: RunState) => s.elasticity;
export const selectPriceElasticity = (s: RunState) => s.priceElasticity;
export const selectConformance = (s: RunState) => s.conformance;
export const selectHeadline = (s: RunState) => s.headline;
export const selectQuality = (s: RunState) => s.quality;
export const selectLifecycle = (s: RunState) => s.lifecycle;
export const selectInventory = (s: RunState) => s.inventory;
export const selectAttribution = (s: RunState) => s.attribution;
