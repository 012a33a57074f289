import { describe, expect, it } from 'vitest';
import { smallScenario } from '../testing';
import { runPart, type PartRequest } from './parallel';
import { transferablesOf } from './protocol';
import { createSession } from './session';

const host = {
  now: () => performance.now(),
  yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  loadParquet: () => Promise.reject(new Error('no parquet in this test')),
};
const scenario = smallScenario(5, { calendar: { ...smallScenario(5).calendar, days: 15 } });

describe('the engine session', () => {
  it('a newer preview supersedes one in flight; only the last edit is generated', async () => {
    const session = createSession(host);
    const first = session.preview(scenario);
    const second = session.preview({ ...scenario, seed: 6 });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual({ ok: false, superseded: true });
    expect(b.ok).toBe(true);
    if (!b.ok || !('result' in b)) throw new Error('no result');
    expect(b.result.preview).toEqual({ days: 1, totalDays: 15 });
    // A preview is too small to judge conformance; the headline and summaries are there.
    expect(b.result.reports.conformance).toBeNull();
    expect(b.result.reports.headline!.length).toBeGreaterThan(3);
  });

  it('a run can be cancelled between chunks; the previous full run stays for export', async () => {
    const session = createSession(host);
    const done = await session.run(smallScenario(7), { onProgress: () => undefined });
    expect(done.ok && 'result' in done && done.result.reports.conformance!.length).toBeGreaterThan(0);
    const running = session.run({ ...scenario, volumes: { ...scenario.volumes, ordersPerDay: 3000 } }, { onProgress: () => undefined });
    await host.yieldToHost();
    session.cancelRun();
    expect(await running).toEqual({ ok: false, superseded: true });
    const file = await session.exportTable('orders', 'csv', '2026-01-01T00:00:00.000Z');
    expect(file.fileName).toMatch(/_orders\.csv$/);
    expect(file.bytes.length).toBeGreaterThan(1000);
  });

  it('bad input comes back as numbered issues, not a thrown error', async () => {
    const session = createSession(host);
    const out = await session.preview({ ...scenario, calendar: { ...scenario.calendar, days: -3 } });
    expect(out.ok).toBe(false);
    expect('issues' in out && out.issues[0].code).toMatch(/^E1\d\d$/);
  });

  it('a run too large for the host still previews its first days, and Run refuses it (E107)', async () => {
    const big = { ...scenario, calendar: { ...scenario.calendar, days: 30 }, volumes: { ...scenario.volumes, ordersPerDay: 4000 } };
    // About 30 times what one day takes: the whole run is over this budget, its first day is not.
    const session = createSession({ ...host, memoryBudget: 48 * 2 ** 20 });
    const preview = await session.preview(big);
    expect(preview.ok && 'result' in preview && preview.result.preview).toEqual({ days: 1, totalDays: 30 });
    const run = await session.run(big, { onProgress: () => undefined });
    expect('issues' in run && run.issues.map((i) => i.code)).toEqual(['E107']);
  });

  it('a run on a pool of part workers is the run on one thread: every table, every report', async () => {
    const lanes: number[] = [];
    const pool = { size: 3, run: (req: PartRequest, lane: number) => (lanes.push(lane), runPart(structuredClone(req), () => Promise.reject(new Error('no parquet')))) };
    const pooled = createSession({ ...host, partPool: () => pool });
    const single = createSession(host);
    const stages: string[] = [];
    const a = await pooled.run(scenario, { onProgress: (p) => stages.push(p.stage) });
    const b = await single.run(scenario, { onProgress: () => undefined });
    if (!a.ok || !('result' in a) || !b.ok || !('result' in b)) throw new Error('no result');
    expect(lanes.sort()).toEqual([0, 1, 2]);
    expect(stages).toContain('3 of 3 parts generated');
    expect(a.result.tables.map((t) => t.name)).toEqual(b.result.tables.map((t) => t.name));
    for (const [i, t] of a.result.tables.entries()) expect(Buffer.from(t.ipc).equals(Buffer.from(b.result.tables[i].ipc)), t.name).toBe(true);
    expect(a.result.reports).toEqual(b.result.reports);
  });

  it('charts read the source they are asked about: the preview or the full run', async () => {
    const session = createSession(host);
    await session.run(scenario, { onProgress: () => undefined });
    await session.preview(scenario);
    const req = { table: 'orders', column: 'channel' };
    const fromPreview = session.distribution('preview', req)!;
    const fromFull = session.distribution('full', req)!;
    expect(fromPreview.rows).toBeLessThan(fromFull.rows);
  });

  it('moves fresh bytes (Arrow IPC, files, orders) and nothing else', async () => {
    const session = createSession(host);
    const out = await session.preview(scenario);
    if (!out.ok || !('result' in out)) throw new Error('no result');
    const buffers = transferablesOf(out);
    expect(buffers.length).toBe(out.result.tables.length);
    for (const t of out.result.tables) expect(buffers).toContain(t.ipc.buffer);
    expect(transferablesOf(session.sortOrder('preview', 'orders', 'total', true))).toHaveLength(1);
  });
});
