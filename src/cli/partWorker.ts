// A worker thread of the CLI: runs one part of a run at a time for the pool (see
// engine/session/parallel.ts), or writes one whole table's file for the table thread
// (tableThread.ts).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFormat } from '../engine';
import { partRunner, partTransferables, type PartRequest } from '../engine/session/parallel';
import { loadParquet } from './parquetNode';
import type { TablesWritten, TableWrites } from './tableThread';
import { writeStreamed, writeTable } from './writeRun';

export interface PartWorkerData {
  /** The folder a pool's parts' streamable files are staged in. */
  staging: string;
  /** The format a table thread will write: Parquet's wasm is loaded while the run is generated. */
  warm?: ExportFormat;
}

const { staging, warm } = workerData as PartWorkerData;
// A failure to load is answered when a table needs it (the promise is kept), not thrown here.
if (warm === 'parquet') loadParquet().catch(() => undefined);
// Streamable tables go straight to a staging file from the writer's reused buffer: no
// file bytes are held, moved or joined (fresh memory costs more than the writing here).
const run = partRunner(loadParquet, async (table, part, produce) => {
  const path = join(staging, `part=${part}`, `${table}.part`);
  await writeStreamed(path, produce);
  return path;
});

const failure = (e: unknown) => (e instanceof Error ? { name: e.name, message: e.message, issues: (e as { issues?: unknown }).issues } : { name: 'Error', message: String(e) });

/** Writes the tables one after another, in the order given. */
async function writeTables({ format, tables }: TableWrites) {
  const written = [];
  for (const { table, path } of tables) written.push(await writeTable(table, format, path));
  return written;
}

parentPort!.on('message', (msg: PartRequest | TableWrites) => {
  if ('tables' in msg) {
    writeTables(msg).then(
      (written) => parentPort!.postMessage({ ok: true, written } satisfies TablesWritten),
      (e: unknown) => parentPort!.postMessage({ ok: false, error: { ...failure(e), code: (e as NodeJS.ErrnoException).code, path: (e as NodeJS.ErrnoException).path } } satisfies TablesWritten),
    );
    return;
  }
  run(msg).then(
    (out) => parentPort!.postMessage({ ok: true, out }, partTransferables(out)),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: failure(e) }),
  );
});
