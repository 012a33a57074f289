import { readdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { assertFitsMemory, canWriteInParts, isPositiveSemiDefinite, minEigenvalue, splitsByDay, dayPartitions, DISK_PART_BYTES, estimateRangeBytes, estimateRunBytes, EXPORT_FORMAT_IDS, formatIssue, isExportFormat, partCount, partsToFit, ScenarioError, type RunRange } from '../engine';
import { argError, continueFrom, loadScenario, readAgain, wholeNumber } from './scenarioArgs';
import { FS_ERRORS, USAGE } from './usage';
import { makeDir } from './makeDir';
import { forget, removedOnSignal, removeOnSignal } from './partials';
import { fileThread } from './fileThread';
import { mergeParts } from './merge';
import { runOnPool } from './pool';
import { runWithProgress } from './progress';
import { TableThread } from './tableThread';
import { LAUNCHED, MAY_ASK, RERUN_STEADY, STEADY_ABOVE } from './malloc';
import { streamRun } from './streamRun';
import { writeRun, type Layout } from './writeRun';

/** The CLI may use far more memory than a browser tab… */
const CLI_MEMORY_BUDGET = 16 * 2 ** 30;
/** …but a run estimated above 768 MiB is streamed, in parts of at most DISK_PART_BYTES (384 MiB, as the page's Write to disk; peak RSS stays near 1 GB). */
const STREAM_ABOVE = 768 * 2 ** 20;
/** Runs whose day-by-day tables are estimated below this are written on the main thread alone (see the table thread below). */
const TABLE_THREAD_ABOVE = 256 * 2 ** 20;

async function main(argv: string[]): Promise<number> {
  const { values, tokens } = parseArgs({
    args: argv,
    tokens: true,
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
      partition: { type: 'string', default: process.env.JOB_COMPLETION_INDEX ?? '0' },
      // The main thread assembles and writes: one worker a core beside it.
      layout: { type: 'string', default: 'flat' },
      merge: { type: 'string' },
      stream: { type: 'string' },
      workers: { type: 'string', default: String(Math.max(1, availableParallelism() - 1)) },
      quiet: { type: 'boolean', default: false },
      'split-tenants': { type: 'boolean', default: false },
      'by-day': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // An empty --out would write into the current folder, among whatever is there.
  if (values.out.trim() === '') throw argError('--out', 'must name a folder');
  removeOnSignal();
  // A flag that would change nothing is refused: a user who gave it expects it to.
  const given = new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  if (values.merge) {
    const other = [...given].find((name) => !['merge', 'out', 'quiet'].includes(name));
    if (other) throw argError(`--${other}`, 'does not go with --merge, which joins the parts as they were written (only --out and --quiet go with it)');
    return mergeParts(values.merge, values.out, values.quiet);
  }
  const workers = wholeNumber('--workers', values.workers);
  if (workers < 1) throw argError('--workers', 'must be at least 1');
  if (values.stream !== undefined && wholeNumber('--stream', values.stream) < 1) throw argError('--stream', 'must be at least 1 part');
  if (values['by-day'] && (given.has('partitions') || given.has('partition'))) throw argError('--by-day', 'writes every day, a folder each: it does not go with --partitions or --partition');
  const format = values.format;
  const layout = values.layout as Layout;
  if (layout !== 'flat' && layout !== 'hive') throw argError('--layout', `must be flat or hive, not "${values.layout}"`);
  if (!isExportFormat(format)) throw argError('--format', `must be ${EXPORT_FORMAT_IDS.join(', ')}, not "${values.format}"`);

  if (values.days !== undefined && !values.continue) throw argError('--days', 'only goes with --continue MANIFEST (to set the calendar, use --set days=N)');
  const { scenario, range } = values.continue ? await continueFrom(values.continue, values) : { scenario: await loadScenario(values), range: null };
  const partition: RunRange = range ?? { partitions: wholeNumber('--partitions', values.partitions), partition: wholeNumber('--partition', values.partition) };
  const onePart = 'partitions' in partition && partition.partitions === 1;
  const whole = onePart && !values['by-day'] && !values['split-tenants'] && layout === 'flat';
  const estimate = estimateRunBytes(scenario);
  // A whole run larger than STREAM_ABOVE is written part by part (memory holds one part).
  const streamParts = values.stream !== undefined ? wholeNumber('--stream', values.stream) : whole && estimate > STREAM_ABOVE ? partsToFit(scenario, DISK_PART_BYTES) : null;
  // Refused before any day is written: a folder of the first day alone would look like a finished run.
  if (values['by-day'] && !splitsByDay(scenario)) throw argError('--by-day', 'this scenario runs from its first day to its last in one piece (inventory carries stock from one day to the next): drop --by-day');
  if (values['split-tenants'] && scenario.tenants.length === 0) throw argError('--split-tenants', 'this scenario has no tenants to split by: drop --split-tenants');
  if (values.stream !== undefined && !whole) throw argError('--stream', 'goes with a whole run in the flat layout (not with --partition, --by-day, --split-tenants or --layout hive)');
  // Not an error (the page says the same beside the matrix): the run goes on with the nearest valid one.
  const matrix = scenario.correlations.matrix;
  if (!values.quiet && !isPositiveSemiDefinite(matrix)) process.stderr.write(`note: correlations.matrix is not positive semi-definite (smallest eigenvalue ${minEigenvalue(matrix).toFixed(3)}): no data can have these correlations; the run uses the nearest valid matrix (manifest.json lists it under groundTruth.hourlyCorrelations)\n`);
  if (!streamParts) assertFitsMemory(scenario, CLI_MEMORY_BUDGET, canWriteInParts(scenario) ? 'write it in parts (--stream N, or --partitions N with --layout hive)' : undefined);

  // A large run held whole in memory (whatever the layout of its files) asks the launcher to
  // run it again with malloc's threshold steady (malloc.ts), before any work, unless its
  // scenario came from a pipe it could not read again.
  if (process.env[LAUNCHED] === MAY_ASK && onePart && !streamParts && estimate > STEADY_ABOVE && [values.scenario, values.continue].every(readAgain)) return RERUN_STEADY;

  // The output folder is made before any work: a path that cannot take it is said at once, not after the run.
  makeDir(values.out);
  // Files of an earlier run stay beside this one's (their names carry their own time): said, so a mixed folder is no surprise.
  const earlier = readdirSync(values.out).filter((name) => !name.startsWith('.')).length;
  const started = performance.now();
  // The thread that writes and hashes files takes ~0.1 s to start: it starts while the run is generated.
  fileThread();
  // So does the thread that encodes whole tables beside this one (tableThread.ts), for a
  // large Parquet run, where it pays: 1M orders took 0.87-0.94× the time (farm-bench, three
  // calls of 8 pairs), 400K orders 0.99× and the default 45 MiB 1.06×. CSV's writing already
  // runs beside its encoder (1M: 1.02×, 19% more CPU), and JSON Lines now streams as CSV
  // does; Arrow is encoded whole, as JSON Lines was, and two JSON Lines tables at once had
  // raised a 1M run's peak from 1.5 to 2.4 GB. Nor for a
  // run held whole above STEADY_ABOVE, near the memory target: inventory retail's large
  // size peaked at 1.52 GB with it (1.39 without), no faster.
  const tableThread = format === 'parquet' && availableParallelism() > 1 && estimateRangeBytes(scenario) >= TABLE_THREAD_ABOVE && estimate <= STEADY_ABOVE && !streamParts ? new TableThread(format) : null;
  const createdAt = new Date().toISOString();
  const write = { format, createdAt, splitTenants: values['split-tenants'], quiet: values.quiet, layout, tableThread };
  if (streamParts) {
    await streamRun(scenario, streamParts, values.out, write);
  } else if (values['by-day']) {
    // One folder per day, each a complete increment with its own manifest; appended, they are the whole run.
    for (const day of dayPartitions(scenario)) await writeRun(runWithProgress(scenario, day.range, true), join(values.out, day.folder), write);
  } else {
    const parts = whole ? partCount(scenario, workers) : 1;
    if (parts > 1) {
      // The workers stage their parts' files here; writing the run joins them into the final files.
      const staging = join(values.out, `.parts-${process.pid}`);
      removedOnSignal(staging);
      try {
        const { run, files } = await runOnPool(scenario, parts, Math.min(workers, parts), format, values.quiet, staging);
        await writeRun(run, values.out, write, files);
      } finally {
        await rm(staging, { recursive: true, force: true });
        forget(staging);
      }
    } else {
      await writeRun(runWithProgress(scenario, partition, values.quiet), values.out, write);
    }
  }
  await writeFile(join(values.out, 'scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`);
  if (!values.quiet) {
    if (earlier > 0) process.stderr.write(`note: ${values.out} already held ${earlier} ${earlier === 1 ? 'entry' : 'entries'}; those of this run's names were replaced, the others left as they were (manifest.json lists this run's files)\n`);
    process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ScenarioError) {
      for (const issue of e.issues) process.stderr.write(`error ${formatIssue(issue)}\n`);
    } else if (e instanceof Error && FS_ERRORS[(e as NodeJS.ErrnoException).code ?? '']) {
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`error E115 --out: ${FS_ERRORS[err.code!]}${err.path ? ` (${err.path})` : ''}; nothing half-written was left under a final name\n`);
    } else if (e instanceof Error && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error E110 ${e.message}\nRun with --help (or -h) to see the options.\n`);
    } else {
      process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exit(2);
  },
);
