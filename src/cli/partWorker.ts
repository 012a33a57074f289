// A worker thread of the CLI's pool: runs one part of a run at a time (see engine/session/parallel.ts).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { partRunner, partTransferables, type PartRequest } from '../engine/session/parallel';
import { loadParquet } from './parquetNode';
import { writeStreamed } from './writeRun';

/** What the pool gives each thread: the folder its parts' streamable files are staged in. */
export interface PartWorkerData {
  staging: string;
}

const { staging } = workerData as PartWorkerData;
// Streamable tables go straight to a staging file from the writer's reused buffer: no
// file bytes are held, moved or joined (fresh memory costs more than the writing here).
const run = partRunner(loadParquet, async (table, part, produce) => {
  const path = join(staging, `part=${part}`, `${table}.part`);
  await writeStreamed(path, produce);
  return path;
});

parentPort!.on('message', (req: PartRequest) => {
  run(req).then(
    (out) => parentPort!.postMessage({ ok: true, out }, partTransferables(out)),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? { name: e.name, message: e.message, issues: (e as { issues?: unknown }).issues } : { name: 'Error', message: String(e) } }),
  );
});
