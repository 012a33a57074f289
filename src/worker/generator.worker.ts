import { expose, transfer } from 'comlink';
import { transferablesOf } from '../engine/session/protocol';
import { createSession, type EngineSession } from '../engine/session/session';
import { createPartPool } from './partPool';

// A task on its own port: other messages (a newer preview, a chart's query) get in between
// slices, without setTimeout's 4 ms clamp on nested timers.
const turns = new MessageChannel();
const waiting: (() => void)[] = [];
turns.port1.onmessage = () => waiting.shift()?.();

/** Part workers: min(cores − 1, 8) unless the page says otherwise (configure); one means no pool. */
let workers = Math.max(1, Math.min((navigator.hardwareConcurrency || 2) - 1, 8));
let pool: ReturnType<typeof createPartPool> | null = null;
const partPool = () => {
  // A browser without workers inside workers runs on this one.
  if (workers < 2 || typeof Worker === 'undefined') return null;
  if (pool?.size !== workers) {
    pool?.close();
    pool = createPartPool(workers);
  }
  return pool;
};

const session = createSession({
  now: () => performance.now(),
  yieldToHost: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      turns.port2.postMessage(null);
    }),
  loadParquet: () => import('./parquetBrowser').then((m) => m.loadParquetInWorker()),
  openDisk: (folder) => import('./opfsTarget').then((m) => m.openRunFolder(folder)),
  partPool,
  largeRunAdvice: "use Write to disk (under the editor), which streams it in parts",
});

type Method = (...args: unknown[]) => unknown;

/** Every answer moves its fresh buffers (Arrow IPC, files, sort orders) to the page instead of copying them. */
const api = Object.fromEntries(
  Object.entries(session as unknown as Record<string, Method>).map(([name, method]) => [
    name,
    async (...args: unknown[]) => {
      const value = await method(...args);
      return transfer(value, transferablesOf(value));
    },
  ]),
);

/** The host's settings, from the page: how many part workers a run may use. */
const configure = (settings: { workers: number }) => {
  workers = settings.workers;
};

expose({ ...api, configure });

export type EngineApi = EngineSession & { configure: typeof configure };
