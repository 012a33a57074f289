// The wire types between the engine session and its hosts (the page's worker, the CLI).
import type { Kpi } from '../analysis/compare';
import type { Progress } from '../generate';
import type { ScenarioIssue } from '../scenario/errors';
import type { DiskRunPart, DiskRunResult } from './diskRun';
import type { Reports } from './reports';

export type { Progress, DiskRunPart, DiskRunResult };

export interface ResultTableIPC {
  name: string;
  rowCount: number;
  /** Arrow IPC stream, transferred (not copied) to the page. */
  ipc: Uint8Array;
}

/** What a preview covers: the first days of the very run Run produces. */
export interface PreviewScope {
  days: number;
  totalDays: number;
}

export interface RunResult {
  /** Null for a full run; the days it covers for a preview. */
  preview: PreviewScope | null;
  tables: ResultTableIPC[];
  reports: Reports;
  elapsedMs: number;
  /** Workers that generated it side by side (1: the session's own thread). */
  workers: number;
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
}

export interface DiskRunCallbacks extends RunCallbacks {
  /** After each part: the rows written so far, by table. */
  onPart(p: DiskRunPart): void;
}

/** The folder of the origin-private file system the page's runs written to disk go in (one run folder each). */
export const DISK_RUNS_FOLDER = 'runs';

/** A run written to disk: where its files are (a folder the host chose) and what they hold. */
export type DiskRunOutcome = { ok: true; folder: string; result: DiskRunResult } | { ok: false; issues: ScenarioIssue[] } | { ok: false; superseded: true };

export interface ExportedBlob {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * How a preview or a run ends: its result; or invalid input as data (numbered issues, not a
 * thrown error: Comlink keeps only an error's message); or superseded by a newer request
 * (or cancelled) before it finished.
 */
export type PreviewOutcome = { ok: true; result: RunResult } | { ok: false; issues: ScenarioIssue[] } | { ok: false; superseded: true };

export interface CompareWindow {
  label: string;
  startMs: number;
  endMs: number;
}

export type ComparisonOutcome =
  | { ok: true; kpis: Kpi[]; series: { t: number; scenario: number; baseline: number }[]; windows: CompareWindow[] }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * The buffers of a session answer that can be moved (not copied) to the other side:
 * freshly encoded bytes only, never a view of data the session keeps.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 6) return;
    if (ArrayBuffer.isView(v)) {
      out.push(v.buffer as ArrayBuffer);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    for (const key of ['ipc', 'bytes', 'rows', 'tables', 'result'] as const) if (key in v) visit((v as Record<string, unknown>)[key], depth + 1);
  };
  visit(value, 0);
  return [...new Set(out)];
}
