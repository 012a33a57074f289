import { describe, expect, it } from 'vitest';
import { toCSV } from '../export/csv';
import { sha256Hex } from '../export/hash';
import { generate } from '../generate';
import { pinCases } from '../pins/cases';
import { assembleParts, partCount, partRequests, runPart, runParts } from './parallel';

const noParquet = () => Promise.reject(new Error('no parquet in this test'));
const csvHashes = (tables: { name: string }[], bytesOf: (name: string) => Uint8Array) => Object.fromEntries(tables.map((t) => [t.name, sha256Hex(bytesOf(t.name))]));

describe('a run in parts on a pool of workers', () => {
  // Every template at a small size, a faulted run included: the assembled run and the
  // files joined from the parts are the single run's, byte for byte, for 2 and 3 parts.
  for (const c of pinCases().filter((x) => !x.range && partCount(x.scenario, 2) > 1)) {
    it(`${c.id}: 3 parts give the single run's bytes (tables, joined CSV, faults)`, async () => {
      const single = generate(c.scenario);
      const want = csvHashes(single.tables, (name) => toCSV(single.tables.find((t) => t.name === name)!));
      for (const parts of [3]) {
        const outputs = await runParts(partRequests(c.scenario, parts, 'csv'), 2, (req) => runPart(req, noParquet));
        const { run, files } = assembleParts(c.scenario, outputs, 'csv');
        expect(run.tables.map((t) => t.name)).toEqual(single.tables.map((t) => t.name));
        expect(csvHashes(run.tables, (name) => toCSV(run.tables.find((t) => t.name === name)!))).toEqual(want);
        // Joined files (faulted tables are left to the caller to encode whole).
        for (const [name, bytes] of files) expect(sha256Hex(bytes), `${name} joined from ${parts} parts`).toEqual(want[name]);
        if (c.scenario.quality.faults.length > 0) expect(files.has(c.scenario.quality.faults[0].table)).toBe(false);
      }
    });
  }

  it('splits day by day runs only, and never into more parts than days', () => {
    const cases = Object.fromEntries(pinCases().map((c) => [c.id, c.scenario]));
    expect(partCount(cases.baseline, 1)).toBe(1);
    expect(partCount(cases.baseline, 2)).toBe(2);
    // Inventory carries stock from day to day; the churn store's rows are its customers (whole-run).
    expect(partCount(cases.inventory_retail, 4)).toBe(1);
    expect(partCount({ ...cases.baseline, calendar: { ...cases.baseline.calendar, days: 4 } }, 8)).toBe(4);
  });

  it('answers come back in part order whatever order the workers finish in', async () => {
    const c = pinCases()[0];
    const reqs = partRequests(c.scenario, 4, null);
    const slowFirst = (req: (typeof reqs)[number]) => new Promise<Awaited<ReturnType<typeof runPart>>>((resolve) => setTimeout(() => void runPart(req, noParquet).then(resolve), (4 - req.part) * 20));
    const outputs = await runParts(reqs, 4, slowFirst);
    expect(outputs.map((o) => o.part)).toEqual([0, 1, 2, 3]);
  });
});
