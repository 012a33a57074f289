// A worker thread of the CLI's pool: runs one part of a run at a time (see engine/session/parallel.ts).
import { parentPort } from 'node:worker_threads';
import { partTransferables, runPart, type PartRequest } from '../engine/session/parallel';
import { loadParquet } from './parquetNode';

// Parts of one run share values derived from the scenario (the hourly plan, the customers):
// they are cached by scenario object, so the worker keeps one object per scenario text.
let last = { text: '', scenario: null as PartRequest['scenario'] | null };

parentPort!.on('message', (req: PartRequest) => {
  const text = JSON.stringify(req.scenario);
  if (text !== last.text) last = { text, scenario: req.scenario };
  runPart({ ...req, scenario: last.scenario! }, loadParquet).then(
    (out) => parentPort!.postMessage({ ok: true, out }, partTransferables(out)),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? { name: e.name, message: e.message, issues: (e as { issues?: unknown }).issues } : { name: 'Error', message: String(e) } }),
  );
});
