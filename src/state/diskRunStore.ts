import { createStore } from 'zustand/vanilla';
import type { EngineBridge } from '../bridge/engineBridge';
import type { DiskRunResult, ExportFormatId, Scenario, ScenarioIssue } from '../engine/client';
import { scenarioKey } from './runStore';

export type DiskRunStatus = 'idle' | 'writing' | 'done' | 'cancelled' | 'error';

export interface DiskRunState {
  status: DiskRunStatus;
  format: ExportFormatId;
  progress: number;
  stage: string;
  /** Rows written so far, by table (the totals once done). */
  rows: Record<string, number>;
  /** The finished run's folder (in the origin-private file system) and files. */
  folder: string | null;
  result: DiskRunResult | null;
  issues: ScenarioIssue[];
  error: string | null;
  /** Cancel was pressed: the run stops at its next table. */
  stopping: boolean;
  /** The scenario (as its key) the files were written from: the page marks them stale after an edit. */
  scenarioKey: string | null;
  start: (scenario: Scenario, format: ExportFormatId) => Promise<void>;
  cancel: () => void;
  /** Forgets the finished run (its files were removed). */
  clear: () => void;
}

/**
 * A run written to disk in parts (engine/session/diskRun.ts): its progress, the rows so far
 * and, when done, its files. Separate from the run store: it holds no rows and leaves the
 * last full run and the preview as they are.
 */
export function createDiskRunStore(
  bridge: Pick<EngineBridge, 'writeToDisk' | 'cancelDiskRun'>,
  /** Removes a run's folder from the browser (the page's files of the run it showed before). */
  removeFolder: (folder: string) => Promise<void>,
) {
  return createStore<DiskRunState>()((set, get) => ({
    status: 'idle',
    format: 'csv',
    progress: 0,
    stage: '',
    rows: {},
    folder: null,
    result: null,
    issues: [],
    error: null,
    stopping: false,
    scenarioKey: null,

    async start(scenario, format) {
      if (get().status === 'writing') return;
      // The page offers one run's files: the last one's go (another tab's stay).
      const previous = get().folder;
      if (previous) await removeFolder(previous).catch(() => undefined);
      set({ status: 'writing', format, progress: 0, stage: 'starting', rows: {}, folder: null, result: null, issues: [], error: null, stopping: false, scenarioKey: scenarioKey(scenario) });
      try {
        const outcome = await bridge.writeToDisk(
          scenario,
          format,
          new Date().toISOString(),
          (p) => set({ progress: p.fraction, stage: p.stage }),
          (p) => set({ rows: p.rows }),
        );
        if (outcome.ok) set({ status: 'done', progress: 1, stage: 'done', folder: outcome.folder, result: outcome.result, stopping: false });
        else if ('issues' in outcome) set({ status: 'error', issues: outcome.issues, stopping: false });
        else set({ status: 'cancelled', stopping: false });
      } catch (e) {
        set({ status: 'error', error: e instanceof Error ? e.message : String(e), stopping: false });
      }
    },

    cancel() {
      if (get().status !== 'writing') return;
      set({ stopping: true });
      bridge.cancelDiskRun().catch((e: unknown) => set({ status: 'error', error: e instanceof Error ? e.message : String(e), stopping: false }));
    },

    clear() {
      set({ status: 'idle', folder: null, result: null, rows: {}, scenarioKey: null });
    },
  }));
}

export const selectDiskStatus = (s: DiskRunState) => s.status;
