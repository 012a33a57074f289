import { expose, transfer } from 'comlink';
import { transferablesOf } from '../engine/session/protocol';
import { createSession, type EngineSession } from '../engine/session/session';

// A task on its own port: other messages (a newer preview, a chart's query) get in between
// slices, without setTimeout's 4 ms clamp on nested timers.
const turns = new MessageChannel();
const waiting: (() => void)[] = [];
turns.port1.onmessage = () => waiting.shift()?.();

const session = createSession({
  now: () => performance.now(),
  yieldToHost: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      turns.port2.postMessage(null);
    }),
  loadParquet: () => import('./parquetBrowser').then((m) => m.loadParquetInWorker()),
  openDisk: (folder) => import('./opfsTarget').then((m) => m.openRunFolder(folder)),
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

expose(api);

export type EngineApi = EngineSession;
