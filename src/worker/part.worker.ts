// A worker of the page's pool: generates one part of a run at a time for the session's
// worker (engine/session/parallel.ts) and moves its tables back.
import { partRunner, partTransferables, type PartRequest } from '../engine/session/parallel';

const run = partRunner(() => import('./parquetBrowser').then((m) => m.loadParquetInWorker()));

self.onmessage = (e: MessageEvent<PartRequest>) => {
  run(e.data).then(
    (out) => self.postMessage({ ok: true, out }, { transfer: partTransferables(out) }),
    (err: unknown) => self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
