// One run in this process: prints the memory estimate (E107's) against the memory the run
// holds (its tables and their CSV, as an export does). Used by the calibration test:
// `node --expose-gc --import tsx bench/memory.ts TEMPLATE [key=value ...] [customColumns=JSON]`.
import { toCSV } from '../src/engine/export/csv';
import { estimateRunBytes } from '../src/engine/estimate';
import { generate } from '../src/engine/generate';
import { applyOverride } from '../src/engine/scenario/overrides';
import { buildTemplate } from '../src/engine/scenario/templates';
import { assertScenario } from '../src/engine/scenario/validate';

const [template, ...sets] = process.argv.slice(2);
let s: unknown = buildTemplate(template);
// Custom columns are a list, which --set cannot write: given whole, as JSON.
for (const kv of sets) s = kv.startsWith('customColumns=') ? { ...(s as object), customColumns: JSON.parse(kv.slice('customColumns='.length)) } : applyOverride(s as object, kv);
const scenario = assertScenario(s);
// What the run holds (its tables and their CSV, as an export does), measured after a full
// garbage collection: peak RSS also counts garbage not yet collected, which depends on how
// busy the machine is (under a parallel test run it read 2-3× higher).
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const held = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const before = held();
const rssBefore = process.memoryUsage().rss;
const run = generate(scenario);
const csv = run.tables.map((t) => toCSV(t));
const added = held() - before;
const peakAdded = process.resourceUsage().maxRSS * 1024 - rssBefore;
process.stdout.write(`${JSON.stringify({ template, sets, estimate: estimateRunBytes(scenario), added, peakAdded, csvBytes: csv.reduce((n, b) => n + b.length, 0), tables: run.tables.length })}\n`);
