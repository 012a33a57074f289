import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyEventOverrides,
  applyOverride,
  assertFitsMemory,
  assertScenario,
  buildManifest,
  conformanceJSON,
  conformanceReport,
  buildTemplate,
  CHURN_SIZES,
  continuation,
  INVENTORY_SIZES,
  withInventorySize,
  type InventorySize,
  exportTable,
  fileStamp,
  formatIssue,
  generateSteps,
  manifestJSON,
  parseScenarioText,
  ScenarioError,
  seedCorruptionPreset,
  splitByTenant,
  withChurnSize,
  TABLE_NAMES,
  TEMPLATES,
  type ChurnSize,
  type ExportFormat,
  type RunRange,
  type GeneratedRun,
  type Scenario,
} from '../engine';
import { loadParquet } from './parquetNode';
import { dayNumber, isoDay } from '../engine/time';

const USAGE = `Usage: npm run generate -- [options]

  --template ID        start from a template (${TEMPLATES.map((t) => t.id).join(', ')}); default baseline
  --scenario FILE      start from a scenario JSON file instead
  --seed N             root seed
  --set FIELD=VALUE    override any scenario field (repeatable): days=10, calendar.start=2024-06-01,
                       cohorts.0.share=30 (shares must still sum to 100)
  --discount PCT       set every event's discount (the seed's --discount 60)
  --duration D         set every event's duration: 8h, 90m, 2d or hours
  --intensity X        set every event's peak traffic multiplier
  --size S             size preset: small, medium or large (churn_feature_store);
                       development or large (inventory_retail)
  --corruption PCT     the seed's data-quality preset: PCT/2 % null and PCT/2 % impossible
                       ages, PCT % negative amounts; every fault listed in dq_faults
  --continue MANIFEST  continue the run of that manifest.json by --days more days:
                       ids go on, customers keep their state; write the increment only
  --days N             days to add with --continue
  --tables A,B         tables to write (${TABLE_NAMES.join(', ')})
  --format csv|parquet output format; default csv
  --out DIR            output folder; default out/
  --split-tenants      multi-tenant tables go into one folder per tenant
  --by-day             one folder per day (day=YYYY-MM-DD), each a complete increment
  --partitions N       cut the days into N ranges…
  --partition K        …and generate only range K (0-based)
  --quiet              no progress on stderr
  --help`;

/** The CLI may use far more memory than a browser tab. */
const CLI_MEMORY_BUDGET = 16 * 2 ** 30;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      template: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true },
      tables: { type: 'string' },
      discount: { type: 'string' },
      size: { type: 'string' },
      corruption: { type: 'string' },
      continue: { type: 'string' },
      days: { type: 'string' },
      duration: { type: 'string' },
      intensity: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string', default: 'out' },
      partitions: { type: 'string', default: '1' },
      partition: { type: 'string', default: '0' },
      quiet: { type: 'boolean', default: false },
      'split-tenants': { type: 'boolean', default: false },
      'by-day': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as ExportFormat;
  if (format !== 'csv' && format !== 'parquet') throw argError('--format', `must be csv or parquet, not "${values.format}"`);

  const { scenario, range } = values.continue ? await continueFrom(values.continue, values) : { scenario: await loadScenario(values), range: null };
  assertFitsMemory(scenario, CLI_MEMORY_BUDGET);
  const partition: RunRange = range ?? { partitions: wholeNumber('--partitions', values.partitions), partition: wholeNumber('--partition', values.partition) };

  const started = performance.now();
  const createdAt = new Date().toISOString();
  const parquet = format === 'parquet' ? await loadParquet() : undefined;
  const write = { format, createdAt, parquet, splitTenants: values['split-tenants'], quiet: values.quiet };
  if (values['by-day']) {
    // One folder per day, each a complete increment with its own manifest; appended, they are the whole run.
    const start = dayNumber(scenario.calendar.start);
    for (let d = 0; d < scenario.calendar.days; d++) {
      const run = runWithProgress(scenario, { partitions: scenario.calendar.days, partition: d }, true);
      await writeRun(run, join(values.out, `day=${isoDay(start + d)}`), write);
    }
  } else {
    await writeRun(runWithProgress(scenario, partition, values.quiet), values.out, write);
  }
  await writeFile(join(values.out, 'scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`);
  if (!values.quiet) process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return 0;
}

function runWithProgress(scenario: Scenario, range: RunRange, quiet: boolean): GeneratedRun {
  const steps = generateSteps(scenario, range);
  let step = steps.next();
  let lastShown = -1;
  while (!step.done) {
    const pct = Math.floor(step.value.fraction * 100);
    if (!quiet && pct >= lastShown + 10) {
      process.stderr.write(`generating… ${pct}% (${step.value.stage})\n`);
      lastShown = pct;
    }
    step = steps.next();
  }
  return step.value;
}

/** Writes a run's tables, manifest.json and conformance.json into `dir`. */
async function writeRun(
  run: GeneratedRun,
  dir: string,
  opts: { format: ExportFormat; createdAt: string; parquet: Awaited<ReturnType<typeof loadParquet>> | undefined; splitTenants: boolean; quiet: boolean },
): Promise<void> {
  const stamp = fileStamp(opts.createdAt);
  await mkdir(dir, { recursive: true });
  const files = [];
  for (const whole of run.tables) {
    const parts = opts.splitTenants ? splitByTenant(whole) : null;
    for (const { tenant, table } of parts ?? [{ tenant: '', table: whole }]) {
      const file = exportTable(run, table, opts.format, stamp, opts.parquet);
      if (tenant) {
        await mkdir(join(dir, tenant), { recursive: true });
        file.fileName = `${tenant}/${file.fileName}`;
      }
      await writeFile(join(dir, file.fileName), file.bytes);
      files.push(file);
      file.bytes = new Uint8Array(0);
    }
  }
  const conformance = conformanceReport(run);
  const manifest = buildManifest(run, files, opts.format, opts.createdAt, conformance);
  await writeFile(join(dir, 'manifest.json'), manifestJSON(manifest));
  await writeFile(join(dir, 'conformance.json'), conformanceJSON(conformance));
  if (!opts.quiet) {
    for (const t of manifest.tables) process.stderr.write(`  ${t.file}  ${t.rows.toLocaleString('en-US')} rows\n`);
    process.stderr.write(`conformance: ${manifest.conformance.passed} of ${manifest.conformance.total} declared targets hold\n`);
    process.stderr.write(`wrote ${manifest.tables.length} tables, manifest.json and conformance.json to ${dir}\n`);
  }
}

async function loadScenario(values: {
  template?: string;
  scenario?: string;
  seed?: string;
  set?: string[];
  tables?: string;
  discount?: string;
  duration?: string;
  intensity?: string;
  size?: string;
  corruption?: string;
}): Promise<Scenario> {
  if (values.template && values.scenario) throw argError('--scenario', 'give --template or --scenario, not both');
  let base: unknown;
  if (values.scenario) {
    let text: string;
    try {
      text = await readFile(values.scenario, 'utf8');
    } catch (e) {
      throw argError('--scenario', `cannot read ${values.scenario}: ${(e as Error).message}`);
    }
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new ScenarioError(parsed.issues);
    base = parsed.scenario;
  } else {
    base = buildTemplate(values.template ?? 'baseline');
  }
  let s = base as Scenario;
  if (values.seed !== undefined) s = applyOverride(s, `seed=${values.seed}`);
  if (values.tables !== undefined) s = { ...s, tables: values.tables.split(',').map((t) => t.trim()) as Scenario['tables'] };
  s = applyEventOverrides(s, values);
  if (values.size !== undefined) s = sized(s, values.size);
  if (values.corruption !== undefined) {
    const pct = Number(values.corruption);
    if (!(pct > 0 && pct <= 50)) throw argError('--corruption', `must be a percentage above 0 and at most 50, not "${values.corruption}"`);
    s = { ...s, quality: { faults: [...s.quality.faults, ...seedCorruptionPreset(s, pct)] } };
  }
  for (const assignment of values.set ?? []) s = applyOverride(s, assignment);
  return assertScenario(s);
}

/** A template's size preset: churn sizes for a lifecycle, inventory sizes for stock. */
function sized(s: Scenario, size: string): Scenario {
  if (s.inventory) {
    if (!(size in INVENTORY_SIZES)) throw argError('--size', `must be ${Object.keys(INVENTORY_SIZES).join(' or ')} for an inventory scenario, not "${size}"`);
    return withInventorySize(s, size as InventorySize);
  }
  if (s.lifecycle) {
    if (!(size in CHURN_SIZES)) throw argError('--size', `must be ${Object.keys(CHURN_SIZES).join(', ')} for a lifecycle scenario, not "${size}"`);
    return withChurnSize(s, size as ChurnSize);
  }
  throw argError('--size', 'size presets are for lifecycle (churn_feature_store) and inventory (inventory_retail) scenarios');
}

/** The scenario and day range that continue the run described by a manifest.json. */
async function continueFrom(manifestPath: string, values: { days?: string; template?: string; scenario?: string }): Promise<{ scenario: Scenario; range: RunRange }> {
  if (values.template || values.scenario) throw argError('--continue', 'continues the manifest\'s own scenario; drop --template/--scenario');
  if (values.days === undefined) throw argError('--days', 'say how many days to add with --continue');
  let manifest: { scenario?: unknown };
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (e) {
    throw new ScenarioError([{ code: 'E112', field: '--continue', message: `cannot read ${manifestPath} as a manifest: ${(e as Error).message}` }]);
  }
  const next = continuation(manifest.scenario, wholeNumber('--days', values.days));
  return { scenario: next.scenario, range: { fromDay: next.fromDay } };
}

function wholeNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw argError(flag, `must be a whole number, not "${text}"`);
  return n;
}

function argError(field: string, message: string): ScenarioError {
  return new ScenarioError([{ code: 'E110', field, message }]);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ScenarioError) {
      for (const issue of e.issues) process.stderr.write(`error ${formatIssue(issue)}\n`);
    } else if (e instanceof Error && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error E110 ${e.message}\n${USAGE}\n`);
    } else {
      process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exit(2);
  },
);
