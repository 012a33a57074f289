import { describe, expect, it } from 'vitest';
import { toCSV } from '../export/csv';
import { sha256Hex } from '../export/hash';
import { toJSONLines } from '../export/jsonl';
import { generate } from '../generate';
import { assertScenario } from '../scenario/validate';
import { buildTemplate } from '../scenario/templates';
import type { Scenario } from '../scenario/schema';
import { pinCases } from '../pins/cases';
import { partCount } from './parallel';
import { diskParts, writeRunToDisk, type DiskRunPart, type DiskTarget } from './diskRun';

/** Files in memory, as the page's worker keeps them in the origin-private file system. */
function memoryTarget() {
  const files = new Map<string, Uint8Array[]>();
  const target: DiskTarget = {
    open: async (name) => {
      const chunks: Uint8Array[] = [];
      files.set(name, chunks);
      return { write: (c) => void chunks.push(c.slice()), close: () => undefined };
    },
    discard: async () => files.clear(),
  };
  const bytes = (name: string) => {
    const chunks = files.get(name) ?? [];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
    return out;
  };
  return { target, files, bytes };
}

const host = { now: () => performance.now(), yieldToHost: async () => undefined, loadParquet: () => Promise.reject(new Error('no Parquet here')) };

function faulted(seed: number): Scenario {
  const s = buildTemplate('baseline');
  return assertScenario({
    ...s,
    seed,
    calendar: { ...s.calendar, days: 5 },
    volumes: { ...s.volumes, ordersPerDay: 120, customers: 300 },
    quality: { ...s.quality, faults: [{ table: 'orders', column: 'total', kind: 'null', ratePct: 2 }, { table: 'customers', column: 'email', kind: 'null', ratePct: 3 }, { table: 'orders', column: '*', kind: 'duplicate_row', ratePct: 1 }] },
  });
}

async function diskRun(scenario: Scenario, format: 'csv' | 'jsonl', parts: number) {
  const mem = memoryTarget();
  const seen: DiskRunPart[] = [];
  const result = await writeRunToDisk(scenario, format, '2026-12-02T10:00:00.000Z', mem.target, { host, memoryBudget: 2 ** 31, stop: () => false, onProgress: () => undefined, onPart: (p) => seen.push(p), parts });
  return { ...mem, result: result!, seen };
}

describe('a run written to disk in parts', () => {
  it.each([
    [1, 'csv'],
    [3, 'csv'],
    [4, 'jsonl'],
  ] as const)('in %i parts as %s: every table is the single run byte for byte, dq_faults renumbered, the manifest true to the files', async (parts, format) => {
    for (const seed of [1, 2]) {
      const scenario = faulted(seed);
      const single = generate(scenario);
      expect(single.tables.find((t) => t.name === 'dq_faults')!.rowCount).toBeGreaterThan(5);
      const { bytes, result, seen } = await diskRun(scenario, format, parts);
      const encode = format === 'csv' ? toCSV : toJSONLines;
      const manifest = JSON.parse(new TextDecoder().decode(bytes('manifest.json')));
      expect(manifest.tables.map((t: { table: string }) => t.table)).toEqual(single.tables.map((t) => t.name));
      for (const t of single.tables) {
        const entry = manifest.tables.find((e: { table: string }) => e.table === t.name);
        const file = bytes(entry.file);
        expect(sha256Hex(file), `${t.name} seed ${seed}`).toBe(sha256Hex(encode(t)));
        expect(entry).toMatchObject({ rows: t.rowCount, bytes: file.length, sha256: sha256Hex(file) });
      }
      expect(result.parts).toBe(parts);
      // After each part, the rows so far; after the last, the run's.
      expect(seen.map((p) => p.part)).toEqual([...Array(parts).keys()]);
      expect(seen.at(-1)!.rows.orders).toBe(single.tables.find((t) => t.name === 'orders')!.rowCount);
      expect(JSON.parse(new TextDecoder().decode(bytes('scenario.json')))).toEqual(scenario);
    }
  });

  // Every template that splits by day, at its pin size (jaffle's per-day runs, tenants, faults): in 3 parts, every
  // table but dq_faults is the single run's file byte for byte; dq_faults lists the same faults (late-arriving rows
  // move to the end of their part's batch, so their row positions may differ: docs/scale-out.md).
  for (const c of pinCases().filter((x) => !x.range && partCount(x.scenario, 3) === 3)) {
    it(`${c.id}: written in 3 parts, every table equals the single run`, async () => {
      const single = generate(c.scenario);
      const { bytes, result } = await diskRun(c.scenario, 'csv', 3);
      const manifest = JSON.parse(new TextDecoder().decode(bytes('manifest.json')));
      for (const t of single.tables) {
        const file = bytes(manifest.tables.find((e: { table: string }) => e.table === t.name).file);
        const late = t.name === 'dq_faults' && new TextDecoder().decode(toCSV(t)).includes('late_arriving');
        if (late) expect(file.length, t.name).toBe(toCSV(t).length);
        else expect(sha256Hex(file), t.name).toBe(sha256Hex(toCSV(t)));
      }
      expect(result.parts).toBe(3);
    });
  }

  it('stops when told: closes every file it opened and discards what it wrote', async () => {
    const mem = memoryTarget();
    let closed = 0;
    let opened = 0;
    const target: DiskTarget = { ...mem.target, open: async (name) => (opened++, { ...(await mem.target.open(name)), close: () => void closed++ }) };
    const result = await writeRunToDisk(faulted(3), 'csv', '2026-12-02T10:00:00.000Z', target, {
      host,
      memoryBudget: 2 ** 31,
      // Told to stop once files are being written: counting the host's turns instead depended
      // on how many time slices generating took, so a busy machine stopped it before any file.
      stop: () => opened >= 3,
      onProgress: () => undefined,
      onPart: () => undefined,
      parts: 3,
    });
    expect(result).toBeNull();
    expect(opened).toBeGreaterThan(2);
    expect(closed).toBe(opened);
    expect(mem.files.size).toBe(0);
  });

  it('cuts a run into parts that fit (one for small runs, more for large), and refuses what cannot be cut and does not fit', () => {
    const s = buildTemplate('baseline');
    expect(diskParts(s, 2 ** 31)).toBe(1);
    const big = { ...s, calendar: { ...s.calendar, days: 60 }, volumes: { ...s.volumes, ordersPerDay: 200_000 } };
    expect(diskParts(big, 2 ** 31)).toBeGreaterThan(4);
    const inventory = buildTemplate('inventory_retail');
    expect(diskParts(inventory, 2 ** 31)).toBe(1);
    expect(() => diskParts(inventory, 1024)).toThrow(/E107/);
  });
});
