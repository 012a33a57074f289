import { createStore } from 'zustand/vanilla';
import type { EngineBridge } from '../bridge/engineBridge';
import type { DiskRunResult, ExportFormatId, Scenario, ScenarioIssue } from '../engine/client';

export type DiskRunStatus = 'idle' | 'writing' | 'done' | 'cancelled' | 'error';

export interface DiskRunState {
  status: DiskRunStatus;
  format: ExportFormatId;
  progress: number;
  stage: string;
  /** Parts written so far, and how many there are. */
  partsDone: number;
  parts: number;
  /** Rows written so far, by table (the totals once done). */
  rows: Record<string, number>;
  /** The finished run's folder (in the origin-private file system) and files. */
  folder: string | null;
  result: DiskRunResult | null;
  issues: ScenarioIssue[];
  error: string | null;
  start: (scenario: Scenario, format: ExportFormatId) => Promise<void>;
  cancel: () => void;
}

/**
 * A run written to disk in parts (engine/session/diskRun.ts): its progress, the rows so far
 * and, when done, its files. Separate from the run store: it holds no rows and leaves the
 * last full run and the preview as they are.
 */
export function createDiskRunStore(bridge: Pick<EngineBridge, 'writeToDisk' | 'cancelDiskRun'>) {
  return createStore<DiskRunState>()((set, get) => ({
    status: 'idle',
    format: 'csv',
    progress: 0,
    stage: '',
    partsDone: 0,
    parts: 0,
    rows: {},
    folder: null,
    result: null,
    issues: [],
    error: null,

    async start(scenario, format) {
      if (get().status === 'writing') return;
      set({ status: 'writing', format, progress: 0, stage: 'starting', partsDone: 0, parts: 0, rows: {}, folder: null, result: null, issues: [], error: null });
      try {
        const outcome = await bridge.writeToDisk(
          scenario,
          format,
          new Date().toISOString(),
          (p) => set({ progress: p.fraction, stage: p.stage }),
          (p) => set({ partsDone: p.part + 1, parts: p.parts, rows: p.rows }),
        );
        if (outcome.ok) set({ status: 'done', progress: 1, stage: 'done', folder: outcome.folder, result: outcome.result });
        else if ('issues' in outcome) set({ status: 'error', issues: outcome.issues });
        else set({ status: 'cancelled' });
      } catch (e) {
        set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      }
    },

    cancel() {
      if (get().status === 'writing') void bridge.cancelDiskRun();
    },
  }));
}

export const selectDiskStatus = (s: DiskRunState) => s.status;
