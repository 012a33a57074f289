// A worker thread of the CLI's pool: runs one part of a run at a time (see engine/session/parallel.ts).
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { partTransferables, runPart, type PartRequest } from '../engine/session/parallel';
import { loadParquet } from './parquetNode';
import { writeStreamed } from './writeRun';

/** What the pool sends: a part, and the folder its streamable files are staged in. */
export interface PartMessage {
  req: PartRequest;
  staging: string;
}

// Parts of one run share values derived from the scenario (the hourly plan, the customers):
// they are cached by scenario object, so the worker keeps one object per scenario text.
let last = { text: '', scenario: null as PartRequest['scenario'] | null };

parentPort!.on('message', ({ req, staging }: PartMessage) => {
  const text = JSON.stringify(req.scenario);
  if (text !== last.text) last = { text, scenario: req.scenario };
  // Streamable tables go straight to a staging file from the writer's reused buffer: no
  // file bytes are held, moved or joined (fresh memory costs more than the writing here).
  const save = async (table: string, produce: Parameters<typeof writeStreamed>[1]) => {
    const path = join(staging, `part=${req.part}`, `${table}.part`);
    await writeStreamed(path, produce);
    return path;
  };
  runPart({ ...req, scenario: last.scenario! }, loadParquet, save).then(
    (out) => parentPort!.postMessage({ ok: true, out }, partTransferables(out)),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? { name: e.name, message: e.message, issues: (e as { issues?: unknown }).issues } : { name: 'Error', message: String(e) } }),
  );
});
