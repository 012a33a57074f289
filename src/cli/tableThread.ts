import type { Worker } from 'node:worker_threads';
import { tableBuffers, type DataTable, type ExportFormat } from '../engine';
import type { WrittenFile } from './fileThread';
import { startWorker } from './pool';

/** What the table thread is asked to do: write tables' files, one after another (see partWorker.ts). */
export interface TableWrites {
  format: ExportFormat;
  tables: { table: DataTable; path: string }[];
}

export type TablesWritten = { ok: true; written: WrittenFile[] } | { ok: false; error: { message: string; code?: string; path?: string } };

/**
 * A second thread that encodes and writes whole tables beside the main thread. After
 * generation a run is only encoding: for a million orders as Parquet, 1.0 s for `orders`
 * and 1.1 s for the other tables, one after another on one core. Tables are moved to the
 * thread (their buffers transferred, never copied: fresh memory costs ~2.5 ms/MB here) and
 * are gone from the main thread afterwards, so only tables nothing else holds go
 * (rangeTables), once the run has been judged.
 */
export class TableThread {
  private readonly worker: Worker;
  private busy = false;
  /** Why the thread stopped, once it has: later calls fail with it instead of waiting. */
  private stopped: Error | null = null;

  constructor(format: ExportFormat) {
    this.worker = startWorker({ staging: '', warm: format });
    this.worker.unref();
    // Heard even between calls: a thread that fails while idle must not throw into the main thread.
    this.worker.on('error', (e) => (this.stopped ??= e));
    this.worker.on('exit', (code) => (this.stopped ??= new Error(`the table thread stopped (exit code ${code})`)));
  }

  /**
   * Moves the tables to the thread, which writes each file at its path (under a temporary
   * name until whole). Tables that share a buffer go in one call: a transfer takes the whole
   * buffer, and a table left behind would lose it. One call at a time.
   */
  write(job: TableWrites): Promise<WrittenFile[]> {
    if (this.busy) throw new Error('the table thread writes one set of tables at a time');
    if (this.stopped) return Promise.reject(this.stopped);
    this.busy = true;
    return new Promise<WrittenFile[]>((resolve, reject) => {
      const done = () => {
        this.busy = false;
        this.worker.off('message', answered);
        this.worker.off('error', failed);
        this.worker.off('exit', exited);
      };
      const answered = (a: TablesWritten) => {
        done();
        if (a.ok) resolve(a.written);
        else reject(Object.assign(new Error(a.error.message), { code: a.error.code, path: a.error.path }));
      };
      const failed = (e: Error) => {
        done();
        reject(e);
      };
      const exited = (code: number) => failed(new Error(`the table thread stopped (exit code ${code})`));
      this.worker.on('message', answered);
      this.worker.on('error', failed);
      this.worker.on('exit', exited);
      try {
        this.worker.postMessage(job, [...new Set(job.tables.flatMap((t) => tableBuffers(t.table)))]);
      } catch (e) {
        failed(e as Error);
      }
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/** A table's file to write: where, and whether it may move to the table thread. */
export interface FileJob {
  table: DataTable;
  path: string;
  movable: boolean;
}

/**
 * Writes every job's file, on the main thread (`here`) and, when there is one, the table
 * thread, and answers in the jobs' order. Tables that share a buffer move together; the
 * largest movable ones go to the thread first, the main thread writes the rest and then
 * helps with what the thread has not started.
 */
export async function writeFiles<J extends FileJob>(jobs: readonly J[], here: (job: J) => Promise<WrittenFile>, thread: Pick<TableThread, 'write'> | null, format: ExportFormat): Promise<WrittenFile[]> {
  const out: WrittenFile[] = new Array(jobs.length);
  const queue = thread ? movableGroups(jobs) : [];
  const moving = new Set(queue.flat());
  const away = async () => {
    for (let group; (group = queue.shift()); ) {
      const written = await thread!.write({ format, tables: group.map((i) => ({ table: jobs[i].table, path: jobs[i].path })) });
      for (const [k, i] of group.entries()) out[i] = written[k];
    }
  };
  const home = async () => {
    for (const [i, job] of jobs.entries()) if (!moving.has(i)) out[i] = await here(job);
    for (let group; (group = queue.pop()); ) for (const i of group) out[i] = await here(jobs[i]);
  };
  const settled = await Promise.allSettled([away(), home()]);
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return out;
}

/** Movable jobs grouped by shared buffers, largest first (by cells); a group that shares a buffer with a job that stays does not move. */
export function movableGroups(jobs: readonly FileJob[]): number[][] {
  const owner = new Map<ArrayBuffer, number>();
  const parent = jobs.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const [i, job] of jobs.entries()) {
    for (const b of tableBuffers(job.table)) {
      const j = owner.get(b);
      if (j === undefined) owner.set(b, i);
      else parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (const i of jobs.keys()) groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  const cells = (g: number[]) => g.reduce((n, i) => n + jobs[i].table.rowCount * jobs[i].table.columns.length, 0);
  return [...groups.values()].filter((g) => g.every((i) => jobs[i].movable)).sort((a, b) => cells(b) - cells(a));
}
