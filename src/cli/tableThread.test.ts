import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertScenario, buildTemplate, exportFileName, fileStamp, generate, rangeTables, tableBuffers, type GeneratedRun } from '../engine';
import type { WrittenFile } from './fileThread';
import { movableGroups, TableThread, writeFiles, type FileJob } from './tableThread';
import { writeRun, type WriteOptions } from './writeRun';

/** A small run with faults (dq_faults is written after the others are judged) and a custom column on orders. */
function smallRun(seed: number): GeneratedRun {
  const base = buildTemplate('flash_sale');
  return generate(
    assertScenario({
      ...base,
      seed,
      calendar: { ...base.calendar, days: 3 },
      volumes: { ...base.volumes, ordersPerDay: 300, customers: 400 },
      quality: { faults: [{ table: 'orders', kind: 'null', ratePct: 3, column: '' }, { table: 'customers', kind: 'null', ratePct: 2, column: 'age' }] },
      customColumns: [{ table: 'orders', name: 'free_shipping', kind: 'expression', expression: 'subtotal >= 50' }],
    }),
  );
}

const createdAt = '2026-12-04T10:00:00.000Z';
const options = (tableThread: TableThread | null): WriteOptions => ({ format: 'parquet', createdAt, splitTenants: false, quiet: true, layout: 'flat', tableThread });

describe('the table thread', () => {
  const thread = new TableThread('parquet');
  afterAll(() => thread.stop());

  it('writes the same files, manifest and conformance as the main thread alone (tables moved to it and back into files)', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'alone-')), mkdtempSync(join(tmpdir(), 'thread-'))];
    await writeRun(smallRun(5), dirs[0], options(null));
    const run = smallRun(5);
    await writeRun(run, dirs[1], options(thread));
    const [alone, beside] = dirs.map((d) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')));
    expect(beside.tables.length).toBeGreaterThan(8);
    expect(beside).toEqual(alone);
    expect(readFileSync(join(dirs[1], 'conformance.json'), 'utf8')).toBe(readFileSync(join(dirs[0], 'conformance.json'), 'utf8'));
    for (const t of beside.tables) expect(readFileSync(join(dirs[1], t.file)).equals(readFileSync(join(dirs[0], t.file))), t.file).toBe(true);
    // Tables the thread wrote are its own now (their buffers detached here): only day-by-day ones, never the customers.
    const gone = run.tables.filter((t) => tableBuffers(t).some((b) => b.byteLength === 0)).map((t) => t.name);
    expect(gone.length).toBeGreaterThan(0);
    for (const name of gone) expect(rangeTables(run.scenario)).toContain(name);
    expect(gone).not.toContain('customers');
    expect(gone.includes('orders')).toBe(gone.includes('payments'));
  });

  it('a file the thread cannot write fails the run with the system error (code and path), and the thread writes the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thread-'));
    const run = smallRun(6);
    // Every day-by-day table's file is blocked, so the thread meets one whichever tables it takes.
    const blocked = rangeTables(run.scenario).map((name) => join(dir, `${exportFileName(run, fileStamp(createdAt), name, 'parquet')}.partial`));
    for (const path of blocked) mkdirSync(path);
    const failure = await writeRun(run, dir, options(thread)).then(
      () => null,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(failure?.code).toBe('EISDIR');
    expect(blocked).toContain(failure?.path);
    const again = mkdtempSync(join(tmpdir(), 'thread-'));
    await writeRun(smallRun(6), again, options(thread));
    expect(JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8')).tables.length).toBeGreaterThan(8);
  });

  it('a thread that has stopped fails the run that needs it at once, never leaving it waiting', async () => {
    const gone = new TableThread('parquet');
    await gone.stop();
    await expect(writeRun(smallRun(7), mkdtempSync(join(tmpdir(), 'thread-')), options(gone))).rejects.toThrow('the table thread stopped');
  });
});

describe('writeFiles', () => {
  const fakeWritten = (name: string): WrittenFile => ({ size: name.length, sha256: name });

  it('moves only movable tables, those that share a buffer in one call, each table once, and answers in the jobs order', async () => {
    for (const seed of [1, 2, 3]) {
      const run = smallRun(seed);
      const own = rangeTables(run.scenario);
      const jobs: FileJob[] = run.tables.map((table) => ({ table, path: table.name, movable: own.includes(table.name) }));
      const calls: string[][] = [];
      const thread = { write: async ({ tables }: { tables: { table: { name: string } }[] }) => (calls.push(tables.map((t) => t.table.name)), tables.map((t) => fakeWritten(t.table.name))) };
      const here: string[] = [];
      const out = await writeFiles(jobs, async (job) => (here.push(job.table.name), fakeWritten(job.table.name)), thread, 'parquet');
      expect(out.map((w) => w.sha256)).toEqual(run.tables.map((t) => t.name));
      expect([...here, ...calls.flat()].sort()).toEqual(run.tables.map((t) => t.name).sort());
      for (const name of calls.flat()) expect(own).toContain(name);
      // orders and payments share their order ids' buffer: they never move apart.
      const withOrders = calls.find((c) => c.includes('orders'));
      if (withOrders) expect(withOrders).toContain('payments');
      else expect(here).toEqual(expect.arrayContaining(['orders', 'payments']));
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  it('groups tables by shared buffers, largest first, and keeps a group home when one of its tables must stay', () => {
    const run = smallRun(4);
    const jobs: FileJob[] = run.tables.map((table) => ({ table, path: table.name, movable: table.name !== 'payments' }));
    const groups = movableGroups(jobs).map((g) => g.map((i) => jobs[i].table.name));
    expect(groups.flat()).not.toContain('payments');
    expect(groups.flat()).not.toContain('orders');
    const cells = groups.map((g) => g.reduce((n, name) => n + run.tables.find((t) => t.name === name)!.rowCount * run.tables.find((t) => t.name === name)!.columns.length, 0));
    expect(cells).toEqual([...cells].sort((a, b) => b - a));
  });
});
