// What five custom columns (one of each kind) cost on a 1,000,000-row orders table: the
// custom-column stage timed alone on the tables of one run, best of 5, per kind and all
// five together; and what a user waits for: the CLI's whole run (customers and orders as
// CSV) with and without them, in turns. One JSON line out.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCustomColumns } from '../src/engine/custom/make';
import { writeCSV } from '../src/engine/export/csv';
import { generate } from '../src/engine/generate';
import type { CustomColumn } from '../src/engine/scenario/customColumns';
import { buildTemplate } from '../src/engine/scenario/templates';
import { assertScenario } from '../src/engine/scenario/validate';

const FIVE: CustomColumn[] = [
  { table: 'orders', name: 'basket_score', kind: 'distribution', family: 'normal', params: { mean: 50, sd: 12 }, bounds: { min: 0, max: 100 }, decimals: 1, by: 'customer.cohort', groups: { gen_z: { mean: 40 } } },
  { table: 'orders', name: 'courier', kind: 'mix', mix: { ups: 45, fedex: 35, usps: 20 } },
  { table: 'orders', name: 'box_colour', kind: 'words', words: 'colour' },
  { table: 'orders', name: 'tracking_code', kind: 'pattern', pattern: '1Z###*****' },
  { table: 'orders', name: 'shipping_fee', kind: 'expression', expression: "subtotal >= 50 ? 0 : (customer.cohort == 'boomers' ? 2.99 : 4.99)" },
];

const base = buildTemplate('baseline');
const plain = assertScenario({ ...base, seed: 7, tables: ['customers', 'orders'], calendar: { ...base.calendar, days: 40 }, volumes: { ...base.volumes, ordersPerDay: 25_000, customers: 100_000 } });
const run = generate(plain, undefined, { faults: false });
const rows = run.tables.find((t) => t.name === 'orders')!.rowCount;

function stageMs(columns: CustomColumn[]): number {
  const scenario = assertScenario({ ...plain, customColumns: columns });
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const produced = new Map(run.tables.map((t) => [t.name, t]));
    const t0 = performance.now();
    addCustomColumns(scenario, produced);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * What the five columns add to writing orders as CSV: the stage is not the whole cost a user
 * waits for. With and without are written in turn, best of 7 each (the machine's noise moves
 * one write by more than the difference).
 */
function csvExtraMs(): number {
  const produced = new Map(run.tables.map((t) => [t.name, t]));
  addCustomColumns(assertScenario({ ...plain, customColumns: FIVE }), produced);
  const tables = [run.tables.find((t) => t.name === 'orders')!, produced.get('orders')!];
  const best = [Infinity, Infinity];
  for (let i = 0; i < 14; i++) {
    const t0 = performance.now();
    writeCSV(tables[i % 2], () => {});
    best[i % 2] = Math.min(best[i % 2], performance.now() - t0);
  }
  return best[1] - best[0];
}

/**
 * The bundled CLI's wall time for the run without and with the five columns, in turns
 * (A B A B …, 5 each: the machine's speed drifts), medians. Start, generation, the custom
 * stage, CSV, hashing, the conformance report: everything a user waits for.
 */
function cliMs(): { withoutMs: number; withMs: number } {
  execFileSync(process.execPath, ['scripts/build-cli.mjs']);
  const dir = mkdtempSync(join(tmpdir(), 'bench-custom-'));
  const files = [plain, { ...plain, customColumns: FIVE }].map((s, i) => {
    const file = join(dir, `${i}.scenario.json`);
    writeFileSync(file, JSON.stringify(s));
    return file;
  });
  const times: number[][] = [[], []];
  for (let i = 0; i < 10; i++) {
    const out = join(dir, 'out');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['dist-cli/main.mjs', '--scenario', files[i % 2], '--workers', '1', '--quiet', '--out', out]);
    if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
    times[i % 2].push(performance.now() - t0);
    rmSync(out, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { withoutMs: median(times[0]), withMs: median(times[1]) };
}

const perKind = Object.fromEntries(FIVE.map((c) => [c.kind, stageMs([c])]));
console.log(JSON.stringify({ rows, allMs: stageMs(FIVE), perKind, csvExtraMs: csvExtraMs(), cli: cliMs() }));
