import { tableFromIPC, type Table } from 'apache-arrow';
import { createStore } from 'zustand/vanilla';
import type { EngineBridge } from '../bridge/engineBridge';
import type { ExportedBlob, ExportFormatId, PreviewScope, ReportId, Reports, RunResult, Scenario, ScenarioIssue } from '../engine/client';
import { downloadBytes } from '../platform/download';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ResultTable {
  name: string;
  rowCount: number;
  arrow: Table;
}

/** A result as the page holds it: decoded tables, reports, and the scenario it came from. */
export interface ShownResult {
  /** The scenario's JSON: equal keys, equal data. */
  key: string;
  scenario: Scenario;
  tables: ResultTable[];
  reports: Reports;
  /** Null for a full run; the days covered for a preview. */
  preview: PreviewScope | null;
  elapsedMs: number;
  /** Workers that generated it (1: one thread). */
  workers: number;
  /** Arrival order: queries about a result key on it, so an answer about an older one is dropped. */
  seq: number;
}

/** One headline figure with its value before the last edit (same streams: the edit's effect, not noise). */
export interface KpiChange {
  key: string;
  label: string;
  unit: 'count' | 'money' | 'share';
  value: number;
  before: number | null;
}

export interface RunState {
  /** The last full run (what Export, Present and Conformance use). */
  full: ShownResult | null;
  /** The latest preview: the first days of exactly the run the current scenario gives. */
  preview: ShownResult | null;
  /** What the last edit changed in the preview's headline figures, or (changesOfRuns) the last full run's against the one before it. */
  changes: KpiChange[];
  /** The changes compare whole runs: a full run came for the edit the preview strip was about. */
  changesOfRuns: boolean;
  /** Edits since the full run's scenario (0 when it matches the scenario being edited). */
  editsSinceRun: number;
  /** The key of the scenario being edited (see noteEdit). */
  currentKey: string;
  status: RunStatus;
  previewing: boolean;
  progress: number;
  stage: string;
  issues: ScenarioIssue[];
  error: string | null;
  exporting: boolean;
  refreshPreview: (scenario: Scenario) => Promise<void>;
  run: (scenario: Scenario) => Promise<void>;
  cancel: () => void;
  /**
   * Tells the store the scenario changed, and counts edits since the last full run:
   * `stepsFrom(key)` says how many undo steps away the scenario `key` names is (null when the
   * history no longer holds it: then this change counts one more).
   */
  noteEdit: (scenario: Scenario, stepsFrom?: (key: string) => number | null) => void;
  exportTable: (table: string, format: ExportFormatId) => Promise<void>;
  exportAll: (format: ExportFormatId) => Promise<void>;
  exportByDay: (format: ExportFormatId) => Promise<void>;
}

const keys = new WeakMap<Scenario, string>();
/**
 * A scenario's identity, its JSON, made once per scenario object: the stores never change a
 * scenario in place (an edit is a new object), and every edit looks up the keys of the undo
 * history's scenarios (liveDesigner's historySteps), up to 200 of them.
 */
export function scenarioKey(s: Scenario): string {
  let key = keys.get(s);
  if (key === undefined) keys.set(s, (key = JSON.stringify(s)));
  return key;
}

/**
 * The headline figures of `after` beside those of `before` where the two compare: results of
 * as many days (two previews alike, or two full runs), of one template, seed and calendar. A
 * preview cut to fewer days (a larger run) would read as the edit taking orders away, another
 * template as an edit, and another calendar spreads the volumes over other days (noise, not
 * effect); another seed draws every number afresh (chance, not effect).
 */
function headlineChanges(before: ShownResult | null, after: ShownResult): KpiChange[] {
  const old = new Map((before?.reports.headline ?? []).map((k) => [k.key, k.value]));
  const comparable =
    before !== null &&
    before.key !== after.key &&
    before.preview?.days === after.preview?.days &&
    before.scenario.template === after.scenario.template &&
    before.scenario.seed === after.scenario.seed &&
    JSON.stringify(before.scenario.calendar) === JSON.stringify(after.scenario.calendar);
  return (after.reports.headline ?? []).map((k) => ({ ...k, before: comparable ? (old.get(k.key) ?? null) : null }));
}

/** How many previewed scenarios keep their "what changed" strip, so undo brings it back. */
const STRIP_MEMORY = 100;

/**
 * The run store, built around a bridge (a factory: tests and the page each give theirs).
 * It holds results, never view state (selected table, sort: see viewStore).
 */
export function createRunStore(
  bridge: Pick<EngineBridge, 'preview' | 'run' | 'cancelRun' | 'exportTable' | 'exportAll' | 'exportByDay'> & Pick<EngineBridge, 'onCrash'>,
  /** Why a run cannot start now (the worker is writing a run to disk), or null. */
  blocked: () => string | null = () => null,
) {
  let seq = 0;
  let previewAsked = 0;
  let runAsked = 0;
  const strips = new Map<string, KpiChange[]>();
  /** The scenario of the latest preview request: asked again when a crash took the worker's copy. */
  let previewed: Scenario | null = null;

  const decode = (r: RunResult, scenario: Scenario, key: string): ShownResult => ({
    key,
    scenario,
    tables: r.tables.map((t) => ({ name: t.name, rowCount: t.rowCount, arrow: tableFromIPC(t.ipc) })),
    reports: r.reports,
    preview: r.preview,
    elapsedMs: r.elapsedMs,
    workers: r.workers,
    seq: ++seq,
  });

  return createStore<RunState>()((set, get) => {
    /** Asks the worker for a file and hands it to the browser, with the busy flag and errors in the store. */
    const download = async (make: () => Promise<ExportedBlob>) => {
      set({ exporting: true, error: null });
      try {
        const file = await make();
        downloadBytes(file.fileName, file.bytes);
      } catch (e) {
        set({ error: `Export failed: ${(e as Error).message}` });
      } finally {
        set({ exporting: false });
      }
    };
    const stamp = () => new Date().toISOString();

    // The worker died (an uncaught throw, out of memory): the bridge has started a new one,
    // which holds neither the preview nor the last run. Say so (E120), drop the run that can
    // no longer be exported, and preview the scenario again; the scenario itself is untouched.
    bridge.onCrash((e) => {
      runAsked++;
      set({ full: null, status: 'idle', progress: 0, stage: '', editsSinceRun: 0, error: e.message });
      if (previewed) void get().refreshPreview(previewed);
    });

    return {
      full: null,
      preview: null,
      changes: [],
      changesOfRuns: false,
      editsSinceRun: 0,
      currentKey: '',
      status: 'idle',
      previewing: false,
      progress: 0,
      stage: '',
      issues: [],
      error: null,
      exporting: false,

      refreshPreview: async (scenario) => {
        const mine = ++previewAsked;
        previewed = scenario;
        const key = scenarioKey(scenario);
        set({ previewing: true });
        try {
          const outcome = await bridge.preview(scenario);
          if (mine !== previewAsked || (!outcome.ok && 'superseded' in outcome)) return;
          if (!outcome.ok) {
            set({ issues: outcome.issues, previewing: false });
            return;
          }
          const shown = decode(outcome.result, scenario, key);
          const before = get().preview;
          // Undo returns to a scenario already seen: its strip comes back with it.
          let changes = strips.get(key);
          if (!changes) {
            changes = headlineChanges(before, shown);
            strips.set(key, changes);
            if (strips.size > STRIP_MEMORY) strips.delete(strips.keys().next().value!);
          }
          // A run that failed is behind the preview now: its message goes, and so does its status.
          const failed = get().status === 'error';
          set({ preview: shown, changes, changesOfRuns: false, issues: [], previewing: false, ...(failed ? { error: null, status: 'idle' as const } : {}) });
        } catch (e) {
          if (mine === previewAsked) set({ previewing: false, error: (e as Error).message });
        }
      },

      run: async (scenario) => {
        // One large job at a time in the worker: a full run beside a run being written to disk could run it out of memory.
        const reason = blocked();
        if (reason) {
          set({ error: reason });
          return;
        }
        const mine = ++runAsked;
        const key = scenarioKey(scenario);
        set({ status: 'running', progress: 0, stage: 'starting', issues: [], error: null });
        try {
          const outcome = await bridge.run(scenario, (p) => {
            if (mine === runAsked) set({ progress: p.fraction, stage: p.stage });
          });
          if (mine !== runAsked) return;
          if (!outcome.ok && 'superseded' in outcome) {
            set({ status: 'cancelled' });
            return;
          }
          if (!outcome.ok) {
            set({ status: 'error', issues: outcome.issues, error: 'The scenario has problems; fix them and run again.' });
            return;
          }
          const full = decode(outcome.result, scenario, key);
          const before = get().full;
          // The run of the scenario the preview strip is about: its whole calendar says what the edit did (an event after the preview's days, too).
          const changes = before !== null && key === get().preview?.key ? headlineChanges(before, full) : [];
          set({ full, status: 'done', progress: 1, editsSinceRun: 0, ...(changes.some((k) => k.before !== null) ? { changes, changesOfRuns: true } : {}) });
        } catch (e) {
          if (mine === runAsked) set({ status: 'error', error: (e as Error).message });
        }
      },

      cancel: () => {
        runAsked++;
        set({ status: 'cancelled' });
        void bridge.cancelRun().catch(() => undefined);
      },

      noteEdit: (scenario, stepsFrom) => {
        const { full, editsSinceRun, currentKey } = get();
        const key = scenarioKey(scenario);
        // The same scenario again (a template picked twice) is no edit.
        if (key === currentKey) return;
        // A cancelled run is old news after an edit.
        const cancelled = get().status === 'cancelled';
        set({ currentKey: key, editsSinceRun: !full || full.key === key ? 0 : (stepsFrom?.(full.key) ?? editsSinceRun + 1), ...(cancelled ? { status: 'idle' as const } : {}) });
      },

      exportTable: (table, format) => download(() => bridge.exportTable(table, format, stamp())),
      exportAll: (format) => download(() => bridge.exportAll(format, stamp())),
      exportByDay: (format) => download(() => bridge.exportByDay(format, stamp())),
    };
  });
}

export type RunStore = ReturnType<typeof createRunStore>;

/**
 * What the views show: the full run when it matches the latest preview's scenario, else the
 * preview (fresher, and labelled as a preview).
 */
export const selectShown = (s: RunState): ShownResult | null => (s.preview && (!s.full || s.full.key !== s.preview.key) ? s.preview : s.full);
/** One report of what the views show; null where the scenario has none. */
export const selectReport =
  <Id extends ReportId>(id: Id) =>
  (s: RunState): Reports[Id] | null =>
    selectShown(s)?.reports[id] ?? null;
/** A report of the last full run (conformance: a preview is too small to judge). */
export const selectFullReport =
  <Id extends ReportId>(id: Id) =>
  (s: RunState): Reports[Id] | null =>
    s.full?.reports[id] ?? null;
export const selectStatus = (s: RunState) => s.status;
export const selectProgress = (s: RunState) => s.progress;
export const selectStage = (s: RunState) => s.stage;
export const selectError = (s: RunState) => s.error;
export const selectRunIssues = (s: RunState) => s.issues;
export const selectExporting = (s: RunState) => s.exporting;
export const selectChanges = (s: RunState) => s.changes;
export const selectEditsSinceRun = (s: RunState) => s.editsSinceRun;
export const selectPreviewing = (s: RunState) => s.previewing;
export const selectFull = (s: RunState) => s.full;
/** True when the full run no longer matches the scenario being edited. */
export const selectStale = (s: RunState) => s.full !== null && s.editsSinceRun > 0;

const NO_TABLES: ResultTable[] = [];
export const selectShownTables = (s: RunState) => selectShown(s)?.tables ?? NO_TABLES;
/** The scenario the shown result came from (its events and calendar, for charts). */
export const selectShownScenario = (s: RunState) => selectShown(s)?.scenario ?? null;
/** The preview's scope when the views show a preview; null when they show a full run. */
export const selectShownPreview = (s: RunState) => selectShown(s)?.preview ?? null;
export const selectShownSeq = (s: RunState) => selectShown(s)?.seq ?? 0;
