// One run in this process: prints the memory estimate (E107's) against the peak RSS the
// run added (generate, then CSV of every table, as an export does). Used by the
// calibration test and the bench: `tsx bench/memory.ts TEMPLATE [key=value ...]`.
import { toCSV } from '../src/engine/export/csv';
import { estimateRunBytes } from '../src/engine/estimate';
import { generate } from '../src/engine/generate';
import { applyOverride } from '../src/engine/scenario/overrides';
import { buildTemplate } from '../src/engine/scenario/templates';
import { assertScenario } from '../src/engine/scenario/validate';

const [template, ...sets] = process.argv.slice(2);
let s: unknown = buildTemplate(template);
for (const kv of sets) s = applyOverride(s as object, kv);
const scenario = assertScenario(s);
const before = process.memoryUsage().rss;
const run = generate(scenario);
let bytes = 0;
for (const t of run.tables) bytes += toCSV(t).length;
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ template, sets, estimate: estimateRunBytes(scenario), added: peak - before, csvBytes: bytes })}\n`);
