import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf, type Scenario } from '../engine';
import { mergeParts } from './merge';
import { runWithProgress } from './progress';
import { writeRun, type WriteOptions } from './writeRun';

/**
 * A run larger than memory, written part by part: each day range is generated, written in
 * the Hive layout and let go before the next, so memory holds one part (and the whole-run
 * tables). Appendable formats (CSV, JSON Lines) are then merged into one file a table,
 * streamed from disk; Parquet and Arrow stay as Hive folders, which DuckDB, Polars and
 * Spark read as one table.
 */
export async function streamRun(scenario: Scenario, parts: number, out: string, write: WriteOptions): Promise<void> {
  const appendable = formatOf(write.format).appendable !== undefined;
  const staging = appendable ? join(out, '.parts') : out;
  if (!write.quiet) process.stderr.write(`streaming: ${parts} parts written one after another (memory holds one)\n`);
  for (let part = 0; part < parts; part++) {
    const run = runWithProgress(scenario, { partitions: parts, partition: part }, true);
    await writeRun(run, staging, { ...write, layout: 'hive', quiet: true });
    if (!write.quiet) process.stderr.write(`  part ${part + 1} of ${parts} written\n`);
  }
  if (!appendable) {
    if (!write.quiet) process.stderr.write(`wrote ${parts} parts as Hive folders in ${out} (read them as one table: docs/scale-out.md)\n`);
    return;
  }
  await mergeParts(staging, out, write.quiet);
  await rm(staging, { recursive: true, force: true });
}
