import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { partialOf, removingPartial, settle } from './partials';
import { makeDir } from './makeDir';
import { dirname, join } from 'node:path';
import { buildManifest, conformanceJSON, conformanceReport, exportFileName, writtenFile, formatOf, fileStamp, manifestJSON, rangeTables, sha256Hex, splitByTenant, withCommas, type DataTable, type ExportFormat, type GeneratedRun } from '../engine';
import { fileThread, type WrittenFile } from './fileThread';
import { writeFiles, type FileJob, type TableThread } from './tableThread';
import { loadParquet } from './parquetNode';

/** `flat`: every file in the folder, named by scenario, time and part. `hive`: `table=T/part=K/T.ext`, a manifest per part in `_manifests/`. */
export type Layout = 'flat' | 'hive';

export interface WriteOptions {
  format: ExportFormat;
  createdAt: string;
  splitTenants: boolean;
  quiet: boolean;
  layout: Layout;
  /** A second thread for whole tables (tableThread.ts), when the run is worth it. */
  tableThread?: TableThread | null;
}

/** The part number of a run, for the Hive layout (0 for a whole run). */
export const partOf = (run: GeneratedRun) => ('partition' in run.partition ? run.partition.partition : 0);

/** Where a part's table file goes in the Hive layout: one folder per table and part, which DuckDB, Spark and Polars read as one table. */
export function hiveFile(table: string, part: number, format: ExportFormat): string {
  return `table=${table}/part=${part}/${table}.${formatOf(format).extension}`;
}

export const hiveManifest = (part: number) => `_manifests/part=${part}.json`;
export const hiveConformance = (part: number) => `_manifests/part=${part}.conformance.json`;

/** Writes under a temporary name, then renames: a failed write never leaves a file that looks whole. */
export async function writeWhole(path: string, bytes: Uint8Array | string): Promise<void> {
  makeDir(dirname(path));
  await removingPartial(path, () => writeFile(partialOf(path), bytes));
  await settle(path);
}

/** Writes all of `chunk` at the file's position (a write may take less than asked). */
export function writeAll(fd: number, chunk: Uint8Array): void {
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
}

/** Hands a file over a chunk at a time (each chunk used before the next comes). */
export type Producer = (sink: (chunk: Uint8Array) => void) => Promise<void>;

/**
 * Writes a file from chunks as `produce` hands them over (each used before the next comes:
 * the writer reuses its buffer), hashing on the way, both on the file thread (fileThread.ts)
 * while the encoder goes on; a temporary name until it is whole.
 */
export async function writeStreamed(path: string, produce: Producer): Promise<{ size: number; sha256: string }> {
  makeDir(dirname(path));
  const written = await removingPartial(path, () => fileThread().file(partialOf(path), produce));
  await settle(path);
  return written;
}

/** A table's file as its parts' staged files (a pool's parts, in order), each after the first to be joined without its header. */
export interface StagedParts {
  staged: readonly string[];
  headerBytes: (start: Uint8Array) => number;
}

/** A table's file already encoded: chunks to write, or staged parts to join. */
export type Encoded = Producer | StagedParts;

/**
 * A table's file from its parts' staged files. Part 0's file becomes the file (renamed, and
 * read back only for the hash); the others are appended without their headers. Copying
 * part 0 as well wrote every byte of the run twice, and writing is what this machine's disk
 * is slowest at (FACTS in docs/scale-out.md).
 */
export async function joinStaged(path: string, { staged, headerBytes }: StagedParts): Promise<{ size: number; sha256: string }> {
  makeDir(dirname(path));
  const partial = partialOf(path);
  await rename(staged[0], partial);
  const fd = openSync(partial, 'r+');
  const hash = createHash('sha256');
  const buf = new Uint8Array(1 << 22);
  let size = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, size)) > 0; size += n) hash.update(buf.subarray(0, n));
    for (const part of staged.slice(1)) {
      const from = openSync(part, 'r');
      try {
        for (let n, first = true; (n = readSync(from, buf, 0, buf.length, null)) > 0; first = false) {
          const chunk = buf.subarray(first ? headerBytes(buf.subarray(0, n)) : 0, n);
          for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done, size + done);
          hash.update(chunk);
          size += chunk.length;
        }
      } finally {
        closeSync(from);
      }
    }
  } finally {
    closeSync(fd);
  }
  await settle(path);
  return { size, sha256: hash.digest('hex') };
}

/**
 * Writes one table's file at `path` and answers its size and hash: streamed to disk where
 * the format can (from the writer's reused buffer, or a pool's staged parts: the whole file
 * is never in memory), otherwise encoded whole and written.
 */
export async function writeTable(table: DataTable, format: ExportFormat, path: string, ready?: Encoded): Promise<WrittenFile> {
  if (ready) return 'staged' in ready ? joinStaged(path, ready) : writeStreamed(path, ready);
  const record = formatOf(format);
  if (record.stream) return writeStreamed(path, (sink) => record.stream!(table, sink));
  const bytes = await record.encode(table, { loadParquet });
  await writeWhole(path, bytes);
  return { size: bytes.length, sha256: sha256Hex(bytes) };
}

/** Writes a run's tables, its manifest and conformance.json into `dir`. */
export async function writeRun(
  run: GeneratedRun,
  dir: string,
  opts: WriteOptions,
  /** Whole-table files already encoded (a pool's parts, in order), by table name. */
  encoded: ReadonlyMap<string, Encoded> = new Map(),
): Promise<void> {
  const stamp = fileStamp(opts.createdAt);
  const hive = opts.layout === 'hive';
  makeDir(dir);
  // Judged before anything is written: a table written on the table thread has left this one.
  const conformance = conformanceReport(run);
  const movable = opts.tableThread ? rangeTables(run.scenario) : [];
  const jobs: (FileJob & { fileName: string; ready?: Encoded })[] = [];
  for (const whole of run.tables) {
    const parts = opts.splitTenants ? splitByTenant(whole) : null;
    for (const { tenant, table } of parts ?? [{ tenant: '', table: whole }]) {
      const ready = tenant ? undefined : encoded.get(table.name);
      const fileName = `${tenant ? `${tenant}/` : ''}${hive ? hiveFile(table.name, partOf(run), opts.format) : exportFileName(run, stamp, table.name, opts.format)}`;
      jobs.push({ table, fileName, path: join(dir, fileName), ready, movable: !tenant && !ready && movable.includes(table.name) });
    }
  }
  const written = await writeFiles(jobs, (job) => writeTable(job.table, opts.format, job.path, job.ready), opts.tableThread ?? null, opts.format);
  const files = jobs.map((job, i) => writtenFile(job.table, job.fileName, written[i]));
  const manifest = buildManifest(run, files, opts.format, opts.createdAt, conformance);
  await writeWhole(join(dir, hive ? hiveManifest(partOf(run)) : 'manifest.json'), manifestJSON(manifest));
  await writeWhole(join(dir, hive ? hiveConformance(partOf(run)) : 'conformance.json'), conformanceJSON(conformance));
  if (!opts.quiet) {
    for (const t of manifest.tables) process.stderr.write(`  ${t.file}  ${withCommas(t.rows)} rows\n`);
    const c = manifest.conformance;
    process.stderr.write(`conformance: ${c.passed} of ${c.total} declared targets hold${c.notJudged ? ` (${c.notJudged} more not judged here; the reasons are in the conformance file)` : ''}\n`);
    process.stderr.write(`wrote ${manifest.tables.length} tables and the manifest to ${dir}\n`);
  }
}
