// Our engine on the million-order baseline: generation, CSV, Parquet. Prints one JSON line.
import { toCSV } from '../src/engine/export/csv';
import { toParquet } from '../src/engine/export/parquet';
import { generate } from '../src/engine/generate';
import { loadParquet } from '../src/cli/parquetNode';
import { millionOrderBaseline } from './scenario';

const scenario = millionOrderBaseline();
const t0 = performance.now();
const run = generate(scenario);
const genMs = performance.now() - t0;
const rows = Object.fromEntries(run.tables.map((t) => [t.name, t.rowCount]));

const t2 = performance.now();
let csvBytes = 0;
for (const t of run.tables) csvBytes += toCSV(t).length;
const csvAllMs = performance.now() - t2;

const t4 = performance.now();
const full = generate(millionOrderBaseline(true));
const genAllMs = performance.now() - t4;
const allRows = full.tables.reduce((n, t) => n + t.rowCount, 0);

const parquet = await loadParquet();
const t3 = performance.now();
let parquetBytes = 0;
for (const t of run.tables) parquetBytes += (await toParquet(t, parquet)).length;
const parquetMs = performance.now() - t3;

process.stdout.write(
  `${JSON.stringify({ rows, genMs, genAllMs, allTables: full.tables.length, allRows, csvAllMs, csvBytes, parquetMs, parquetBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
