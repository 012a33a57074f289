// npm run bench: prints figures, asserts nothing. Each side runs in its own process so
// peak memory is its own. `--no-browser` skips the Chromium part.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { measureBrowserRun } from './browser';
import { measureDiskRun } from './disk';
import { printLiveEdits } from './live';
import { inventoryDevelopment } from './scenario';

function runJson<T>(script: string, args: string[] = []): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

interface Ours {
  rows: Record<string, number>;
  genMs: number;
  genAllMs: number;
  allTables: number;
  allRows: number;
  csvAllMs: number;
  csvBytes: number;
  parquetMs: number;
  parquetBytes: number;
  maxRssMB: number;
}

console.log('Baseline at 1,000,000 orders (40 days × 25,000/day, 100,000 customers), seed 7\n');
const ours = runJson<Ours>('bench/ours.ts');
console.log(`rows: ${Object.entries(ours.rows).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
console.log(`engine: generate the 6 spine tables   ${fmt(ours.genMs)}   (target < 5 s)`);
console.log(`engine: generate all ${ours.allTables} tables         ${fmt(ours.genAllMs)}   ${ours.allRows.toLocaleString('en-US')} rows (tickets, carts, returns, metrics too)`);
console.log(`engine: CSV all tables                 ${fmt(ours.csvAllMs)}   ${mb(ours.csvBytes)}   ${((ours.csvBytes / 1e6) / (ours.csvAllMs / 1000)).toFixed(0)} MB/s`);
console.log(`engine: Parquet (Snappy) all tables    ${fmt(ours.parquetMs)}   ${mb(ours.parquetBytes)}   ${((ours.csvBytes / 1e6) / (ours.parquetMs / 1000)).toFixed(0)} MB/s of CSV-equivalent data`);
console.log(`engine: peak RSS                       ${ours.maxRssMB.toFixed(0)} MB`);

const r = ours.rows;
const peer = runJson<{ ms: number; bytes: number; maxRssMB: number }>('bench/peer.ts', [r.customers, r.suppliers, r.products, r.orders].map(String));
const oursTotal = ours.genMs + ours.csvAllMs;
console.log(`\nplain script (object per row, Faker per row, lines joined into CSV), same six tables:`);
console.log(`peer: generate + CSV                   ${fmt(peer.ms)}   ${mb(peer.bytes)}   peak RSS ${peer.maxRssMB.toFixed(0)} MB`);
console.log(`ours: generate + CSV                   ${fmt(oursTotal)}   ${mb(ours.csvBytes)}   peak RSS ${ours.maxRssMB.toFixed(0)} MB (Parquet included)`);
console.log(`speed-up: ${(peer.ms / oursTotal).toFixed(1)}×   (target ≥ 6× now, 50× the goal)`);

interface CliRuns {
  cores: number;
  runs: { format: string; workers: number; orders: number; wallMs: number; cpuMs: number; peakMB: number }[];
  sizes: CliRuns['runs'];
  inventory: CliRuns['runs'][number];
  inventoryLarge: CliRuns['runs'][number];
}
const cliRuns = runJson<CliRuns>('bench/cli.ts');
const spineRows = ours.rows.customers + ours.rows.suppliers + ours.rows.products + ours.rows.orders + ours.rows.order_items + ours.rows.payments;
console.log(`
the CLI end to end (bundled: start, generate, encode, hash, write), ${cliRuns.cores} cores here; targets: CSV < 2 s, Parquet < 3 s
(Parquet at this size also writes its day-by-day tables on a table thread beside the main thread: docs/scale-out.md)`);
for (const x of cliRuns.runs) {
  const perCore = spineRows / (x.cpuMs / 1000);
  console.log(`${x.format.padEnd(8)} ${x.workers} worker${x.workers > 1 ? 's' : ' '}   ${fmt(x.wallMs)} wall   ${fmt(x.cpuMs)} CPU   ${Math.round(perCore).toLocaleString('en-US')} rows/s per core (tpchgen-rs ~2,000,000)   ${(peer.ms / x.wallMs).toFixed(1)}× the plain script   peak RSS ${x.peakMB.toFixed(0)} MB`);
}
console.log('peak RSS as the run grows (CSV, 1 worker; streamed part by part above ~1.5M orders; target < 1.5 GB at any size):');
for (const x of [cliRuns.runs[0], ...cliRuns.sizes]) console.log(`  ${(x.orders / 1e6).toFixed(0)}M orders   ${fmt(x.wallMs)} wall   peak RSS ${x.peakMB.toFixed(0)} MB`);
console.log(`inventory retail, development size, CLI, CSV, 1 worker   ${fmt(cliRuns.inventory.wallMs)} wall   peak RSS ${cliRuns.inventory.peakMB.toFixed(0)} MB   (target ≤ 3 s)`);
console.log(`inventory retail, large size, CLI, Parquet, 1 worker   ${fmt(cliRuns.inventoryLarge.wallMs)} wall   peak RSS ${cliRuns.inventoryLarge.peakMB.toFixed(0)} MB   (target < 1.5 GB)`);

interface Sized {
  ms: number;
  rows: Record<string, number>;
  peakMB: number;
  stockoutPct?: number;
  churnPct?: number;
}
const rowsOf = (x: Sized, names: string[]) => names.map((n) => `${n} ${(x.rows[n] ?? 0).toLocaleString('en-US')}`).join(', ');

console.log('\nInventory retail (seed 002 reported 10-15 min for development, 45-60 min estimated for large):');
for (const size of ['development', 'large']) {
  const x = runJson<Sized>('bench/sized.ts', ['inventory_retail', size]);
  console.log(`${size.padEnd(12)} ${fmt(x.ms).padStart(9)}   peak RSS ${x.peakMB.toFixed(0)} MB   stockout rate ${x.stockoutPct!.toFixed(2)}%   ${rowsOf(x, ['order_items', 'inventory_daily', 'stockout_events'])}   (targets: development < 15 s, large < 3 min; snapshots on change)`);
}
console.log('\nChurn feature store (seed 003 sizes):');
for (const size of ['small', 'medium', 'large']) {
  const x = runJson<Sized>('bench/sized.ts', ['churn_feature_store', size]);
  console.log(`${size.padEnd(12)} ${fmt(x.ms).padStart(9)}   peak RSS ${x.peakMB.toFixed(0)} MB   churn ${x.churnPct!.toFixed(2)}% (target 15 ± 2)   ${rowsOf(x, ['customers', 'transactions'])}`);
}

const custom = runJson<{ rows: number; allMs: number; perKind: Record<string, number>; csvExtraMs: number; cli: { withoutMs: number; withMs: number } }>('bench/custom.ts');
console.log(`\ncustom columns on a ${custom.rows.toLocaleString('en-US')}-row orders table (the stage alone, best of 5, 1 thread):`);
console.log(`five columns, one of each kind   ${custom.allMs.toFixed(0)} ms   (target < 150 ms more than without)`);
console.log(`  each alone: ${Object.entries(custom.perKind).map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ')}`);
console.log(`  writing orders as CSV with the five columns takes ${custom.csvExtraMs.toFixed(0)} ms more than without`);
console.log(`  the CLI's whole run (customers and orders, CSV, 1 worker; medians of 5 in turns): ${fmt(custom.cli.withoutMs)} without, ${fmt(custom.cli.withMs)} with them: ${(custom.cli.withMs - custom.cli.withoutMs).toFixed(0)} ms more`);

if (!process.argv.includes('--no-browser')) {
  const browser = await measureBrowserRun(undefined, 1);
  const pooled = await measureBrowserRun(undefined, 2);
  console.log(`\nbrowser (Chromium, built app, same scenario; the page's default is min(cores − 1, 8) part workers, ${availableParallelism()} cores here):`);
  console.log(`run to Done, 1 worker (generate + reports + IPC + render)    ${fmt(browser.runMs)}   "${browser.status}"`);
  console.log(`run to Done, 2 part workers (?workers=2)                     ${fmt(pooled.runMs)}   "${pooled.status}"   ${(browser.runMs / pooled.runMs).toFixed(2)}× one worker`);
  console.log(`longest main-thread task during the run: ${browser.longestTaskMs.toFixed(0)} ms over ${browser.longTasks} long tasks   (target ≤ 50 ms)`);
  console.log(`grid, first render of its ${browser.grid.rows.toLocaleString('en-US')}-row table: ${browser.grid.firstRenderMs} ms to the first rows painted; longest main-thread task ${browser.grid.longestTaskMs.toFixed(0)} ms   (target ≤ 50 ms)`);
  const stock = await measureBrowserRun(inventoryDevelopment());
  console.log(`inventory retail, development size, run to Done   ${fmt(stock.runMs)}   (target ≤ 5 s); longest main-thread task ${stock.longestTaskMs.toFixed(0)} ms`);
  await printLiveEdits();
  // BENCH_DISK_ORDERS=1000000 for a shorter run.
  const disk = await measureDiskRun(Number(process.env.BENCH_DISK_ORDERS ?? 10_000_000));
  const peak = disk.peakRendererBytes === null ? 'not measured here' : `${(disk.peakRendererBytes / 2 ** 20).toFixed(0)} MB`;
  console.log(`
Write to disk in the page (1 worker, origin-private file system, profile on disk): ${disk.orders.toLocaleString('en-US')} orders, every baseline table`);
  console.log(`  ${fmt(disk.ms)} to the file list ("${disk.summary}"); the tab's peak resident memory ${peak}   (target < 1.5 GB whatever the size)`);
}
