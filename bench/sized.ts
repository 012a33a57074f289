// One template at one size: generate every table, report time, rows, peak memory and
// the figure the template is about. Prints one JSON line (run in its own process).
import { inventoryReport } from '../src/engine/analysis/inventory';
import { conformanceReport } from '../src/engine/analysis/conformance';
import { generate } from '../src/engine/generate';
import { withChurnSize, type ChurnSize } from '../src/engine/scenario/templates/churn';
import { buildTemplate } from '../src/engine/scenario/templates';
import { withInventorySize, type InventorySize } from '../src/engine/scenario/templates/inventory';
import { assertScenario } from '../src/engine/scenario/validate';

const [template, size] = process.argv.slice(2);
let s = { ...buildTemplate(template), seed: 7 };
s = s.inventory ? withInventorySize(s, size as InventorySize) : withChurnSize(s, size as ChurnSize);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const run = generate(assertScenario(s));
const ms = performance.now() - t0;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
const rows = Object.fromEntries(run.tables.map((t) => [t.name, t.rowCount]));
const figure = s.inventory
  ? { stockoutPct: inventoryReport(run)!.stockoutPct }
  : { churnPct: conformanceReport(run).find((r) => r.module === 'lifecycle')?.measured ?? NaN };
console.log(JSON.stringify({ ms, rows, peakMB: peak / 1e6, ...figure }));
