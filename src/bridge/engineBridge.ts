import { proxy, wrap, type Remote } from 'comlink';
import type { Progress } from '../engine/generate';
import type { Distribution, DistributionRequest, TimeSeriesRequest } from '../engine/analysis/distribution';
import type { ExportFormat } from '../engine/export/bundle';
import type { StockPoint } from '../engine/analysis/inventory';
import type { EngineApi } from '../worker/generator.worker';
import type { ComparisonOutcome, ExportedBlob, FaultView, RunOutcome, RunResult } from '../worker/session';

export class RunAborted extends Error {
  constructor() {
    super('Run cancelled');
    this.name = 'RunAborted';
  }
}

export class WorkerCrashed extends Error {
  constructor(detail: string) {
    super(`The generator stopped unexpectedly (${detail}). It has been restarted; your scenario is unchanged.`);
    this.name = 'WorkerCrashed';
  }
}

/**
 * The one owner of the generator worker: starts it on first use, aborts by
 * terminating it (a run stops at once, whatever it is doing), and starts a fresh one
 * after a crash or an abort. Components never touch Worker or Comlink.
 */
export class EngineBridge {
  private worker: Worker | null = null;
  private api: Remote<EngineApi> | null = null;
  private readonly crashListeners = new Set<(e: WorkerCrashed) => void>();

  private ensure(): Remote<EngineApi> {
    if (!this.api) {
      const worker = new Worker(new URL('../worker/generator.worker.ts', import.meta.url), { type: 'module', name: 'generator' });
      worker.addEventListener('error', (e) => this.crash(e.message || 'worker error'));
      worker.addEventListener('messageerror', () => this.crash('unreadable message'));
      this.worker = worker;
      this.api = wrap<EngineApi>(worker);
    }
    return this.api;
  }

  private crash(detail: string): void {
    this.terminate();
    const error = new WorkerCrashed(detail);
    for (const l of this.crashListeners) l(error);
  }

  /** Stops the worker now; the next call starts a new one. The last run's data goes with it. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  /** Runs `call` on the worker, rejecting at once if `signal` aborts (the worker is then terminated) or the worker dies. */
  private call<T>(call: (api: Remote<EngineApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
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

  run(scenario: unknown, opts: { signal: AbortSignal; onProgress: (p: Progress) => void; onPreview: (r: RunResult) => void }): Promise<RunOutcome> {
    // Comlink's Remote type splits the union; the value is the union itself.
    return this.call((api) => api.run(scenario, proxy({ onProgress: opts.onProgress, onPreview: opts.onPreview })) as Promise<RunOutcome>, opts.signal);
  }

  compare(scenario: unknown, baseline: unknown): Promise<ComparisonOutcome> {
    return this.call((api) => api.compare(scenario, baseline) as Promise<ComparisonOutcome>);
  }

  distribution(req: DistributionRequest): Promise<Distribution | null> {
    return this.call((api) => api.distribution(req));
  }

  timeSeries(req: TimeSeriesRequest): Promise<{ t: number; value: number }[]> {
    return this.call((api) => api.timeSeries(req));
  }

  faultView(table: string, version: 'clean' | 'faulty', onlyFaulty: boolean): Promise<FaultView | null> {
    return this.call((api) => api.faultView(table, version, onlyFaulty));
  }

  stockSeries(productId: number, locationId: number): Promise<StockPoint[]> {
    return this.call((api) => api.stockSeries(productId, locationId));
  }

  sortOrder(table: string, column: string, descending: boolean): Promise<Int32Array> {
    return this.call((api) => api.sortOrder(table, column, descending));
  }

  exportTable(table: string, format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
    return this.call((api) => api.exportTable(table, format, createdAt));
  }

  exportByDay(format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
    return this.call((api) => api.exportByDay(format, createdAt));
  }

  exportAll(format: ExportFormat, createdAt: string): Promise<ExportedBlob> {
    return this.call((api) => api.exportAll(format, createdAt));
  }
}

export const engineBridge = new EngineBridge();
