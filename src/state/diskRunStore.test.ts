import { describe, expect, it } from 'vitest';
import type { DiskRunOutcome, DiskRunPart, Progress } from '../engine/client';
import { buildTemplate } from '../engine/client';
import { createDiskRunStore } from './diskRunStore';
import { scenarioKey } from './runStore';

const done = (folder: string): DiskRunOutcome => ({ ok: true, folder, result: { files: [{ fileName: 'a.csv', table: 'orders', rows: 3, bytes: 10 }], parts: 2, elapsedMs: 5 } });

/** A bridge whose runs end when the test says, reporting a part first. */
function fakeBridge() {
  const calls = { cancelled: 0, removed: [] as string[] };
  let finish: (o: DiskRunOutcome) => void = () => undefined;
  const bridge = {
    writeToDisk: (_s: unknown, _f: unknown, _c: string, onProgress: (p: Progress) => void, onPart: (p: DiskRunPart) => void) =>
      new Promise<DiskRunOutcome>((resolve) => {
        onProgress({ fraction: 0.5, stage: 'part 1 of 2: writing files' });
        onPart({ part: 0, parts: 2, rows: { orders: 3 } });
        finish = resolve;
      }),
    cancelDiskRun: async () => void calls.cancelled++,
  };
  const remove = async (folder: string) => void calls.removed.push(folder);
  return { store: createDiskRunStore(bridge, remove), calls, finish: (o: DiskRunOutcome) => finish(o) };
}

describe('the store of runs written to disk', () => {
  const scenario = buildTemplate('baseline');

  it('shows progress and rows while writing, then the files and the scenario they came from', async () => {
    const { store, finish } = fakeBridge();
    const running = store.getState().start(scenario, 'parquet');
    expect(store.getState()).toMatchObject({ status: 'writing', format: 'parquet', progress: 0.5, rows: { orders: 3 } });
    finish(done('run_1'));
    await running;
    expect(store.getState()).toMatchObject({ status: 'done', folder: 'run_1', scenarioKey: scenarioKey(scenario) });
    expect(store.getState().result!.files).toHaveLength(1);
  });

  it('removes the files it showed before writing the next run (and nothing else)', async () => {
    const { store, finish, calls } = fakeBridge();
    const first = store.getState().start(scenario, 'csv');
    finish(done('run_1'));
    await first;
    const second = store.getState().start({ ...scenario, seed: 2 }, 'csv');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.removed).toEqual(['run_1']);
    finish(done('run_2'));
    await second;
    expect(store.getState().folder).toBe('run_2');
  });

  it('cancel asks the worker once and says it is stopping; a superseded answer is a cancel; issues are kept', async () => {
    const { store, finish, calls } = fakeBridge();
    const running = store.getState().start(scenario, 'csv');
    await Promise.resolve();
    store.getState().cancel();
    expect(store.getState().stopping).toBe(true);
    expect(calls.cancelled).toBe(1);
    finish({ ok: false, superseded: true });
    await running;
    expect(store.getState()).toMatchObject({ status: 'cancelled', stopping: false });
    store.getState().cancel();
    expect(calls.cancelled).toBe(1);
    const failing = store.getState().start(scenario, 'csv');
    await Promise.resolve();
    finish({ ok: false, issues: [{ code: 'E107', field: 'volumes.ordersPerDay', message: 'too big' }] });
    await failing;
    expect(store.getState().status).toBe('error');
    expect(store.getState().issues.map((i) => i.code)).toEqual(['E107']);
  });
});
