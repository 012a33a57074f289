import { closeSync, openSync } from 'node:fs';
import { partialOf, settleSync } from './partials';
import { makeDir } from './makeDir';
import { dirname, join } from 'node:path';
import { formatOf, withCommas, writeRunToDisk, type DiskTarget, type Scenario } from '../engine';
import { loadParquet } from './parquetNode';
import { runWithProgress } from './progress';
import { writeAll, writeRun, type WriteOptions } from './writeRun';

/**
 * A run larger than memory, written part by part: each day range is generated, written
 * and let go before the next, so memory holds one part (and the whole-run tables).
 * Appendable formats (CSV, JSON Lines) go through the engine's run written to disk (the
 * page's Write to disk: session/diskRun.ts), each table appended into its one file as the
 * parts come; Parquet and Arrow are written as Hive folders, which DuckDB, Polars and
 * Spark read as one table.
 */
export async function streamRun(scenario: Scenario, parts: number, out: string, write: WriteOptions): Promise<void> {
  if (!write.quiet) process.stderr.write(`streaming: ${parts} parts written one after another (memory holds one)\n`);
  if (formatOf(write.format).appendable) {
    const result = await writeRunToDisk(scenario, write.format, write.createdAt, folderTarget(out), {
      host: { now: () => performance.now(), yieldToHost: async () => undefined, loadParquet },
      memoryBudget: Infinity,
      parts,
      stop: () => false,
      onProgress: () => undefined,
      onPart: (p) => !write.quiet && process.stderr.write(`  part ${p.part + 1} of ${p.parts} written\n`),
    });
    if (!write.quiet) for (const f of result!.files) if (f.table) process.stderr.write(`  ${f.fileName}  ${withCommas(f.rows)} rows\n`);
    return;
  }
  for (let part = 0; part < parts; part++) {
    const run = runWithProgress(scenario, { partitions: parts, partition: part }, true);
    await writeRun(run, out, { ...write, layout: 'hive', quiet: true });
    if (!write.quiet) process.stderr.write(`  part ${part + 1} of ${parts} written\n`);
  }
  if (!write.quiet) process.stderr.write(`wrote ${parts} parts as Hive folders in ${out} (read them as one table: docs/scale-out.md)\n`);
}

/** A folder on disk for the engine's run written to disk: each file under a temporary name until it is whole. */
function folderTarget(dir: string): DiskTarget {
  return {
    async open(fileName) {
      const path = join(dir, fileName);
      makeDir(dirname(path));
      const fd = openSync(partialOf(path), 'w');
      return {
        write: (chunk) => writeAll(fd, chunk),
        close(whole) {
          closeSync(fd);
          // A file of a failed run keeps its temporary name: nothing half-written looks whole.
          if (whole) settleSync(path);
        },
      };
    },
    // The CLI never stops a run half way.
    discard: async () => undefined,
  };
}
