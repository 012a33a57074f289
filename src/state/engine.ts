import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { engineBridge, type EngineQueries } from '../bridge/engineBridge';
import type { ResultSource } from '../engine/client';
import { removeRunFolder } from '../platform/diskFiles';
import { createDiskRunStore, type DiskRunState } from './diskRunStore';
import { createRunStore, type RunState, type ShownResult } from './runStore';

/** The page's store for runs written to disk (any size: the tab holds one part). */
export const diskRunStore = createDiskRunStore(engineBridge, removeRunFolder);

/** The page's run store, around the page's one bridge; no run while a run is being written to disk. */
export const runStore = createRunStore(engineBridge, () =>
  diskRunStore.getState().status === 'writing' ? 'Run waits: the full run is being written to files (see "Full run to files" in the editor). Cancel that first, or run when it is done.' : null,
);

/** Questions views may ask the worker directly (a comparison on a button press). */
export const engineQueries: EngineQueries = engineBridge;

export function useRun<T>(selector: (s: RunState) => T): T {
  return useStore(runStore, selector);
}

/** Which result a query reads in the worker: the one the view shows. */
export const sourceOf = (shown: ShownResult | null): ResultSource => (shown?.preview ? 'preview' : 'full');

export interface QueryState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
}

/**
 * Asks the worker something about a result and returns the answer, dropping answers to
 * questions that were superseded (the deps changed) before they came back. While a new
 * answer is on its way the last one stays (charts do not blink). `ask` null: no query.
 */
export function useEngineQuery<T>(ask: ((q: EngineQueries) => Promise<T>) | null, deps: readonly (string | number | boolean | null | undefined)[]): QueryState<T> {
  const key = deps.map(String).join('|');
  const [answer, setAnswer] = useState<{ key: string; data: T | undefined; error: string | null }>({ key: '', data: undefined, error: null });
  const active = ask !== null;
  useEffect(() => {
    if (!ask) return;
    let live = true;
    ask(engineBridge).then(
      (data) => live && setAnswer({ key, data, error: null }),
      (e: unknown) => live && setAnswer((a) => ({ ...a, key, error: (e as Error).message })),
    );
    return () => {
      live = false;
    };
    // `key` says when the question changes; `ask` is a fresh closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, active]);
  if (!active) return { data: undefined, loading: false, error: null };
  return { data: answer.data, loading: answer.key !== key, error: answer.error };
}

export function useDiskRun<T>(selector: (s: DiskRunState) => T): T {
  return useStore(diskRunStore, selector);
}
