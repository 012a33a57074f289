import { proxy, wrap, type Remote } from 'comlink';
import type { DiskRunPart, ExportFormatId, Progress, ResultSource } from '../engine/client';
import type { DistributionRequest, TimeSeriesRequest } from '../engine/client';
import type { EngineApi } from '../worker/generator.worker';

export class RunAborted extends Error {
  constructor() {
    super('Run cancelled');
    this.name = 'RunAborted';
  }
}

export class WorkerCrashed extends Error {
  constructor(detail: string) {
    super(`E120 The generator stopped unexpectedly (${detail}). It has been restarted; your scenario is unchanged.`);
    this.name = 'WorkerCrashed';
  }
}

type Api = Remote<EngineApi>;

/**
 * Part workers asked for in the address (`?workers=3`): for trying the pool on a machine
 * with few cores, and for tests. Otherwise the worker takes min(cores − 1, 8).
 */
function requestedWorkers(): number | null {
  const asked = Number(new URLSearchParams(globalThis.location?.search ?? '').get('workers') ?? NaN);
  return Number.isInteger(asked) && asked >= 1 && asked <= 16 ? asked : null;
}

/**
 * The one owner of the generator worker: starts it on first use, aborts a call by
 * terminating the worker (it stops at once, whatever it is doing), and starts a fresh one
 * after a crash or an abort. Components never touch Worker or Comlink.
 */
export class EngineBridge {
  private worker: Worker | null = null;
  private api: Api | null = null;
  private readonly crashListeners = new Set<(e: WorkerCrashed) => void>();
  private readonly crashWatchers = new Set<(e: WorkerCrashed) => void>();

  /** Tells `listener` whenever the worker dies (a throw it did not catch, running out of memory), busy or not. */
  onCrash(listener: (e: WorkerCrashed) => void): () => void {
    this.crashWatchers.add(listener);
    return () => this.crashWatchers.delete(listener);
  }

  private ensure(): Api {
    if (!this.api) {
      const worker = new Worker(new URL('../worker/generator.worker.ts', import.meta.url), { type: 'module', name: 'generator' });
      worker.addEventListener('error', (e) => this.crash(e.message || 'worker error'));
      worker.addEventListener('messageerror', () => this.crash('unreadable message'));
      this.worker = worker;
      this.api = wrap<EngineApi>(worker);
      const workers = requestedWorkers();
      if (workers !== null) void this.api.configure({ workers });
    }
    return this.api;
  }

  private crash(detail: string): void {
    this.terminate();
    const error = new WorkerCrashed(detail);
    for (const l of [...this.crashListeners, ...this.crashWatchers]) l(error);
  }

  /** Stops the worker now; the next call starts a new one. The last run's data goes with it. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  /** Runs `call` on the worker, rejecting at once if `signal` aborts (the worker is then terminated) or the worker dies. */
  private call<T>(call: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new RunAborted());
    const api = this.ensure();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.terminate();
        reject(new RunAborted());
      };
      const onCrash = (e: WorkerCrashed) => reject(e);
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        this.crashListeners.delete(onCrash);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.crashListeners.add(onCrash);
      call(api).then(
        (v) => {
          done();
          resolve(v);
        },
        (e: unknown) => {
          done();
          reject(e);
        },
      );
    });
  }

  // Comlink's Remote type splits union results; each method returns the session's own type.
  preview = (scenario: unknown) => this.call((api) => api.preview(scenario) as ReturnType<EngineApi['preview']>);
  run = (scenario: unknown, onProgress: (p: Progress) => void) => this.call((api) => api.run(scenario, proxy({ onProgress })) as ReturnType<EngineApi['run']>);
  /** The whole run written to disk in parts (the origin-private file system), for runs larger than the tab. */
  writeToDisk = (scenario: unknown, format: ExportFormatId, createdAt: string, onProgress: (p: Progress) => void, onPart: (p: DiskRunPart) => void) =>
    this.call((api) => api.writeToDisk(scenario, format, createdAt, proxy({ onProgress, onPart })) as ReturnType<EngineApi['writeToDisk']>);
  cancelDiskRun = () => this.call((api) => api.cancelDiskRun());
  /** Stops a run between chunks; the previews and the last full run stay. */
  cancelRun = () => this.call((api) => api.cancelRun());
  compare = (scenario: unknown, baseline: unknown) => this.call((api) => api.compare(scenario, baseline) as Promise<ReturnType<EngineApi['compare']>>);
  distribution = (source: ResultSource, req: DistributionRequest) => this.call((api) => api.distribution(source, req));
  timeSeries = (source: ResultSource, req: TimeSeriesRequest) => this.call((api) => api.timeSeries(source, req));
  faultView = (source: ResultSource, table: string, version: 'clean' | 'faulty', onlyFaulty: boolean) => this.call((api) => api.faultView(source, table, version, onlyFaulty));
  stockSeries = (source: ResultSource, productId: number, locationId: number) => this.call((api) => api.stockSeries(source, productId, locationId));
  summary = (source: ResultSource, table: string) => this.call((api) => api.summary(source, table));
  sortOrder = (source: ResultSource, table: string, column: string, descending: boolean) => this.call((api) => api.sortOrder(source, table, column, descending));
  exportTable = (table: string, format: ExportFormatId, createdAt: string) => this.call((api) => api.exportTable(table, format, createdAt));
  exportByDay = (format: ExportFormatId, createdAt: string) => this.call((api) => api.exportByDay(format, createdAt));
  exportAll = (format: ExportFormatId, createdAt: string) => this.call((api) => api.exportAll(format, createdAt));
}

/** The queries views may make (through useEngineQuery): reads of a result, never runs. */
export type EngineQueries = Pick<EngineBridge, 'distribution' | 'timeSeries' | 'faultView' | 'stockSeries' | 'summary' | 'sortOrder' | 'compare'>;

export const engineBridge = new EngineBridge();
