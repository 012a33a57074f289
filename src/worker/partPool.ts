import type { PartOutput, PartRequest } from '../engine/session/parallel';
import type { PartPool } from '../engine/session/session';

type Answer = { ok: true; out: PartOutput } | { ok: false; message: string };

/**
 * The page's pool of part workers, started by the session's worker on the first run that
 * is cut into parts (previews never start it). Lane i of `runParts` always uses worker i,
 * and a worker takes its next part only after answering the last (a cancelled run's part
 * may still be in flight when the next run asks), so answers never cross.
 */
export function createPartPool(size: number): PartPool & { close(): void } {
  const workers: Worker[] = [];
  const queues: Promise<unknown>[] = [];
  const workerFor = (lane: number) => (workers[lane] ??= new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module', name: `part ${lane + 1}` }));
  const ask = (w: Worker, req: PartRequest) =>
    new Promise<PartOutput>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<Answer>) => (e.data.ok ? resolve(e.data.out) : reject(new Error(e.data.message)));
      w.onerror = (e) => reject(new Error(`a part worker stopped: ${e.message}`));
      w.postMessage(req);
    });
  return {
    size,
    run(req: PartRequest, lane: number): Promise<PartOutput> {
      const answer = (queues[lane] ?? Promise.resolve()).catch(() => undefined).then(() => ask(workerFor(lane), req));
      queues[lane] = answer;
      return answer;
    },
    close: () => workers.forEach((w) => w.terminate()),
  };
}
