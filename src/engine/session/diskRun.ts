import { conformanceReport } from '../analysis/conformance';
import { conformanceCounts, exportFileName, faultCounts, fileStamp, manifestJSON, type Manifest } from '../export/bundle';
import { CSV_FORMULA_NOTE } from '../export/csv';
import { renumberFaults } from '../export/faultsMerge';
import { createSha256, sha256Hex } from '../export/hash';
import { formatOf, type ExportFormatId } from '../export/formats';
import { groundTruth, sumFaultCounts, type FaultCount } from '../export/groundTruth';
import type { ParquetModule } from '../export/parquetModule';
import { assertFitsMemory, DISK_PART_BYTES, partsToFit } from '../estimate';
import { generateSteps, type GeneratedRun, type Progress } from '../generate';
import type { Scenario } from '../scenario/schema';
import { GENERATOR } from '../version';
import { drainCooperatively } from './drain';

/**
 * A whole run written to disk in parts, for runs larger than a tab can hold: each day
 * range is generated, its tables written through the host's files and let go before the
 * next, so memory holds one part (and the whole-run tables, such as customers). CSV and
 * JSON Lines tables are appended into one file each (dq_faults renumbered through the run,
 * as the CLI's --merge does); Parquet and Arrow get one file per part. The host gives the
 * files: the page's worker writes to the origin-private file system.
 */

/** A file the host opened for writing: chunks are written before `write` returns. */
export interface DiskFile {
  write(chunk: Uint8Array): void;
  /** `whole`: false when the run failed or stopped (a host may then keep it under a temporary name). */
  close(whole: boolean): void;
}

export interface DiskTarget {
  open(fileName: string): Promise<DiskFile>;
  /** Removes what was written (a stopped run leaves nothing that looks whole). */
  discard(): Promise<void>;
}

export interface DiskRunHost {
  now(): number;
  yieldToHost(): Promise<void>;
  loadParquet(): Promise<ParquetModule>;
}

/** What the page is told after each part: the rows written so far, by table. */
export interface DiskRunPart {
  part: number;
  parts: number;
  rows: Record<string, number>;
}

export interface DiskRunResult {
  /** The files in write order: tables, then manifest.json and scenario.json. */
  files: { fileName: string; table: string | null; rows: number; bytes: number }[];
  parts: number;
  elapsedMs: number;
}

/** How many parts a run is written in: null (refused with E107 by `assertFitsMemory`) when it cannot be cut and does not fit. */
export function diskParts(scenario: Scenario, memoryBudget: number): number {
  const parts = partsToFit(scenario, DISK_PART_BYTES);
  if (parts !== null) return parts;
  assertFitsMemory(scenario, memoryBudget);
  return 1;
}

interface OpenTable {
  table: string;
  file: DiskFile;
  fileName: string;
  hash: ReturnType<typeof createSha256>;
  bytes: number;
  rows: number;
}

export async function writeRunToDisk(
  scenario: Scenario,
  formatId: ExportFormatId,
  createdAt: string,
  target: DiskTarget,
  opts: { host: DiskRunHost; memoryBudget: number; stop: () => boolean; onProgress: (p: Progress) => void; onPart: (p: DiskRunPart) => void; parts?: number },
): Promise<DiskRunResult | null> {
  const started = opts.host.now();
  const format = formatOf(formatId);
  const stamp = fileStamp(createdAt);
  const parts = opts.parts ?? diskParts(scenario, opts.memoryBudget);
  const whole = { scenario, partition: { partitions: 1, partition: 0 } };
  const open = new Map<string, OpenTable>();
  const written: DiskRunResult['files'] = [];
  const entries: Manifest['tables'] = [];
  const rowsByPart: Map<string, number>[] = [];
  const faultParts: Uint8Array[] = [];
  const faults: FaultCount[] = [];
  const conformance = { passed: 0, total: 0, notJudged: 0 };

  const writeFile = async (fileName: string, table: string | null, rows: number, bytes: Uint8Array) => {
    const file = await target.open(fileName);
    let complete = false;
    try {
      file.write(bytes);
      complete = true;
    } finally {
      file.close(complete);
    }
    written.push({ fileName, table, rows, bytes: bytes.length });
    if (table) entries.push({ table, file: fileName, rows, bytes: bytes.length, sha256: sha256Hex(bytes) });
  };

  /** Appends a part's table to the table's one file (the header only from the first part). */
  const append = async (run: GeneratedRun, name: string, part: number) => {
    const table = run.tables.find((t) => t.name === name)!;
    let entry = open.get(name);
    if (!entry) {
      const fileName = exportFileName(whole, stamp, name, formatId);
      entry = { table: name, file: await target.open(fileName), fileName, hash: createSha256(), bytes: 0, rows: 0 };
      open.set(name, entry);
    }
    const into = entry;
    let first = true;
    const put = (chunk: Uint8Array) => {
      const from = first && part > 0 && into.rows + into.bytes > 0 ? format.appendable!.headerBytes(chunk) : 0;
      first = false;
      const piece = chunk.subarray(from);
      into.file.write(piece);
      into.hash.update(piece);
      into.bytes += piece.length;
    };
    if (format.stream) await format.stream(table, put);
    else put(await format.encode(table, opts.host));
    into.rows += table.rowCount;
  };

  const stopped = async () => {
    for (const t of open.values()) t.file.close(false);
    open.clear();
    await target.discard();
    return null;
  };
  try {
    for (let part = 0; part < parts; part++) {
      const range = { partitions: parts, partition: part };
      const steps = generateSteps(scenario, range);
      const run = await drainCooperatively(steps, opts.host, opts.stop, (p) => opts.onProgress({ fraction: (part + p.fraction * 0.7) / parts, stage: `part ${part + 1} of ${parts}: ${p.stage}` }));
      if (!run) return await stopped();
      opts.onProgress({ fraction: (part + 0.7) / parts, stage: `part ${part + 1} of ${parts}: writing files` });
      rowsByPart.push(new Map(run.tables.map((t) => [t.name, t.rowCount])));
      faults.push(...faultCounts(run));
      const counts = conformanceCounts(conformanceReport(run));
      for (const k of ['passed', 'total', 'notJudged'] as const) conformance[k] += counts[k];
      for (const t of run.tables) {
        if (format.appendable && t.name === 'dq_faults') faultParts.push(await format.encode(t, opts.host));
        else if (format.appendable) await append(run, t.name, part);
        else await writeFile(exportFileName({ scenario, partition: parts > 1 ? range : whole.partition }, stamp, t.name, formatId), t.name, t.rowCount, await format.encode(t, opts.host));
        await opts.host.yieldToHost();
        if (opts.stop()) return await stopped();
      }
      opts.onPart({ part, parts, rows: Object.fromEntries(tableRows(rowsByPart)) });
    }
    for (const t of open.values()) t.file.close(true);
  } catch (e) {
    // A failed run leaves nothing that looks whole (the page's folder goes; the CLI keeps temporary names).
    for (const t of open.values()) t.file.close(false);
    await target.discard().catch(() => undefined);
    throw e;
  }
  for (const t of open.values()) {
    written.push({ fileName: t.fileName, table: t.table, rows: t.rows, bytes: t.bytes });
    entries.push({ table: t.table, file: t.fileName, rows: t.rows, bytes: t.bytes, sha256: t.hash.hex() });
  }
  if (faultParts.length > 0) {
    const rowsBefore = (k: number, table: string) => rowsByPart.slice(0, k).reduce((n, m) => n + (m.get(table) ?? 0), 0);
    const rows = rowsByPart.reduce((n, m) => n + (m.get('dq_faults') ?? 0), 0);
    await writeFile(exportFileName(whole, stamp, 'dq_faults', formatId), 'dq_faults', rows, parts > 1 ? renumberFaults(faultParts, rowsBefore, formatId === 'csv') : faultParts[0]);
  }
  const manifest: Manifest = {
    generator: GENERATOR,
    createdAt,
    format: formatId,
    partition: whole.partition,
    scenario,
    notes: [
      ...(format.spreadsheetSafe ? [CSV_FORMULA_NOTE] : []),
      `Written to disk in ${parts} part${parts === 1 ? '' : 's'} (memory held one); conformance is judged per part, its counts here are the parts' sums.`,
      ...(format.appendable || parts === 1 ? [] : [`${format.label} files are one per part: read a table's parts as one table (DuckDB: SELECT * FROM read_parquet('*_orders_part*.parquet')).`]),
    ],
    groundTruth: groundTruth(scenario, sumFaultCounts(faults)),
    conformance,
    tables: entries,
  };
  const encoder = new TextEncoder();
  await writeFile('manifest.json', null, 0, encoder.encode(manifestJSON(manifest)));
  await writeFile('scenario.json', null, 0, encoder.encode(`${JSON.stringify(scenario, null, 2)}\n`));
  return { files: written, parts, elapsedMs: opts.host.now() - started };
}

function tableRows(rowsByPart: Map<string, number>[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const m of rowsByPart) for (const [t, n] of m) total.set(t, (total.get(t) ?? 0) + n);
  return total;
}
