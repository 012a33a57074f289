import type { GeneratedRun } from '../generate';

/**
 * Reads a report from a run once: the worker's result, the conformance report and the
 * views may all ask for it, and each read walks whole tables.
 */
export function perRun<T>(read: (run: GeneratedRun) => T): (run: GeneratedRun) => T {
  const cache = new WeakMap<GeneratedRun, T>();
  return (run) => {
    if (!cache.has(run)) cache.set(run, read(run));
    return cache.get(run)!;
  };
}
