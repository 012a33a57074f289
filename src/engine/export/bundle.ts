import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ConformanceRow } from '../analysis/conformance';
import type { GeneratedRun } from '../generate';
import type { Scenario } from '../scenario/schema';
import { cellText, column, type DataTable } from '../table';
import { GENERATOR } from '../version';
import type { RunRange } from '../generate';
import { dayNumber, isoDay } from '../time';
import { drain } from '../session/drain';
import { generateSteps } from '../generate';
import { conformanceReport } from '../analysis/conformance';
import { CSV_FORMULA_NOTE } from './csv';
import { formatOf, type ExportFormatId } from './formats';
import { sha256Hex } from './hash';
import { groundTruth, type FaultCount } from './groundTruth';
import type { ParquetModule } from './parquetModule';

export type ExportFormat = ExportFormatId;

export interface ExportedFile {
  table: string;
  fileName: string;
  rows: number;
  sha256: string;
  /** Byte length of the file (kept when a writer has let go of `bytes`). */
  size: number;
  bytes: Uint8Array;
}

export interface Manifest {
  generator: typeof GENERATOR;
  createdAt: string;
  format: ExportFormat;
  partition: GeneratedRun['partition'];
  scenario: Scenario;
  notes: string[];
  groundTruth: ReturnType<typeof groundTruth>;
  /** How many declared targets hold; the rows are in conformance.json. */
  conformance: { passed: number; total: number; notJudged: number };
  tables: { table: string; file: string; rows: number; bytes: number; sha256: string }[];
}

/** `2026-11-21T22:14:24.512Z` → `20261121T221424Z`, for file names. */
export function fileStamp(isoInstant: string): string {
  return isoInstant.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * `{scenario}_{timestamp}_{table}.{ext}`, with `_part{K}of{N}` when the run is one partition
 * of several, and `_days{A}to{B}` when it continues an earlier run.
 */
export function exportFileName(run: Pick<GeneratedRun, 'scenario' | 'partition'>, stamp: string, table: string, format: ExportFormat): string {
  const range = run.partition;
  const part =
    'fromDay' in range ? `_days${range.fromDay}to${run.scenario.calendar.days}` : range.partitions > 1 ? `_part${range.partition}of${range.partitions}` : '';
  return `${run.scenario.name}_${stamp}_${table}${part}.${formatOf(format).extension}`;
}

export async function exportTable(run: GeneratedRun, table: DataTable, format: ExportFormat, stamp: string, loadParquet: () => Promise<ParquetModule>): Promise<ExportedFile> {
  return exportedFile(run, table, format, stamp, await formatOf(format).encode(table, { loadParquet }));
}

/** A table's file from bytes already encoded (joined from a parallel run's parts). */
export function exportedFile(run: Pick<GeneratedRun, 'scenario' | 'partition'>, table: DataTable, format: ExportFormat, stamp: string, bytes: Uint8Array): ExportedFile {
  return { table: table.name, fileName: exportFileName(run, stamp, table.name, format), rows: table.rowCount, sha256: sha256Hex(bytes), size: bytes.length, bytes };
}

/** A table's file written elsewhere (streamed to disk): its manifest entry without the bytes. */
export function writtenFile(table: DataTable, fileName: string, written: { size: number; sha256: string }): ExportedFile {
  return { table: table.name, fileName, rows: table.rowCount, ...written, bytes: new Uint8Array(0) };
}

/** Every table of a run as files, in order. */
export async function exportRunFiles(run: GeneratedRun, format: ExportFormat, stamp: string, loadParquet: () => Promise<ParquetModule>): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  for (const t of run.tables) files.push(await exportTable(run, t, format, stamp, loadParquet));
  return files;
}

/** The whole run as one zip: tables, scenario, manifest, ground truth and conformance. */
export async function exportBundle(run: GeneratedRun, format: ExportFormat, createdAt: string, loadParquet: () => Promise<ParquetModule>): Promise<{ fileName: string; bytes: Uint8Array }> {
  const stamp = fileStamp(createdAt);
  const files = await exportRunFiles(run, format, stamp, loadParquet);
  const conformance = conformanceReport(run);
  const bytes = zipBundle(buildManifest(run, files, format, createdAt, conformance), files, conformance);
  return { fileName: `${run.scenario.name}_${stamp}_${format}.zip`, bytes };
}

/** The day ranges of a by-day export: each day its own partition (an increment). */
export function dayPartitions(scenario: Scenario): { folder: string; range: RunRange }[] {
  const start = dayNumber(scenario.calendar.start);
  const days = scenario.calendar.days;
  return Array.from({ length: days }, (_, d) => ({ folder: `day=${isoDay(start + d)}`, range: { partitions: days, partition: d } }));
}

/** The run's days as increments: a zip with a folder per day, each generated as its own partition. */
export async function exportByDay(scenario: Scenario, format: ExportFormat, createdAt: string, loadParquet: () => Promise<ParquetModule>): Promise<{ fileName: string; bytes: Uint8Array }> {
  const stamp = fileStamp(createdAt);
  const days = [];
  for (const { folder, range } of dayPartitions(scenario)) {
    const run = drain(generateSteps(scenario, range));
    const files = await exportRunFiles(run, format, stamp, loadParquet);
    days.push({ folder, manifest: buildManifest(run, files, format, createdAt), files });
  }
  return { fileName: `${scenario.name}_${stamp}_${format}_by_day.zip`, bytes: zipByDay(scenario, days, createdAt) };
}

export function buildManifest(run: GeneratedRun, files: readonly ExportedFile[], format: ExportFormat, createdAt: string, conformance: readonly ConformanceRow[] = []): Manifest {
  return {
    generator: GENERATOR,
    createdAt,
    format,
    partition: run.partition,
    scenario: run.scenario,
    notes: formatOf(format).spreadsheetSafe ? [CSV_FORMULA_NOTE] : [],
    groundTruth: groundTruth(run.scenario, faultCounts(run)),
    conformance: conformanceCounts(conformance),
    tables: files.map((f) => ({ table: f.table, file: f.fileName, rows: f.rows, bytes: f.size, sha256: f.sha256 })),
  };
}

/** A conformance report's counts as the manifest gives them: targets that hold, targets judged, targets not judged here. */
export function conformanceCounts(rows: readonly ConformanceRow[]): Manifest['conformance'] {
  return { passed: rows.filter((r) => r.pass && !r.notJudged).length, total: rows.filter((r) => !r.notJudged).length, notJudged: rows.filter((r) => r.notJudged).length };
}

/** Injected faults per table and kind, counted from the dq_faults table itself. */
export function faultCounts(run: GeneratedRun): FaultCount[] {
  const dq = run.tables.find((t) => t.name === 'dq_faults');
  if (!dq) return [];
  const counts = new Map<string, number>();
  for (let r = 0; r < dq.rowCount; r++) {
    const key = `${cellText(column(dq, 'table_name'), r)}|${cellText(column(dq, 'fault_kind'), r)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ table: key.split('|')[0], kind: key.split('|')[1], count }));
}

export function manifestJSON(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function conformanceJSON(rows: readonly ConformanceRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** One zip: scenario.json, manifest.json, ground_truth.json, conformance.json and every table file. */
export function zipBundle(manifest: Manifest, files: readonly ExportedFile[], conformance: readonly ConformanceRow[] = []): Uint8Array {
  const mtime = new Date(manifest.createdAt);
  const entries: Zippable = {
    'scenario.json': [strToU8(`${JSON.stringify(manifest.scenario, null, 2)}\n`), { mtime }],
    'manifest.json': [strToU8(manifestJSON(manifest)), { mtime }],
    'ground_truth.json': [strToU8(`${JSON.stringify(manifest.groundTruth, null, 2)}\n`), { mtime }],
    'conformance.json': [strToU8(conformanceJSON(conformance)), { mtime }],
  };
  // Parquet is already compressed; storing it again saves time for no loss.
  for (const f of files) entries[f.fileName] = [f.bytes, { mtime, level: formatOf(manifest.format).zipLevel }];
  return zipSync(entries);
}

/**
 * One zip with a folder per day (`day=YYYY-MM-DD/`), each holding that day's tables and
 * its own manifest.json: the increments of a run, which appended make the whole run.
 */
export function zipByDay(scenario: Scenario, days: readonly { folder: string; manifest: Manifest; files: readonly ExportedFile[] }[], createdAt: string): Uint8Array {
  const mtime = new Date(createdAt);
  const entries: Zippable = { 'scenario.json': [strToU8(`${JSON.stringify(scenario, null, 2)}\n`), { mtime }] };
  for (const day of days) {
    entries[`${day.folder}/manifest.json`] = [strToU8(manifestJSON(day.manifest)), { mtime }];
    for (const f of day.files) entries[`${day.folder}/${f.fileName}`] = [f.bytes, { mtime, level: formatOf(day.manifest.format).zipLevel }];
  }
  return zipSync(entries);
}
