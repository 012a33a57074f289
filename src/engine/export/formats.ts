import type { DataTable } from '../table';
import type { ParquetModule } from './parquetModule';

/** What an encoder may need from its host (loaded lazily: parquet-wasm is 5 MB). */
export interface EncodeHost {
  loadParquet(): Promise<ParquetModule>;
}

/**
 * An export format is a record: adding one is a record here and its encoder file; the
 * page's export menu, the CLI's --format, file names and bundles follow from the list.
 * Encoders are imported when first used, so the page's export menu (which reads this
 * list) does not carry the writers in its bundle.
 */
export interface ExportFormatRecord {
  id: string;
  label: string;
  extension: string;
  /** zip's deflate level in bundles: 0 for formats that are compressed already. */
  zipLevel: 0 | 6 | 9;
  /** True for formats whose text cells get the formula-injection guard (the manifest says so). */
  spreadsheetSafe?: boolean;
  encode(table: DataTable, host: EncodeHost): Uint8Array | Promise<Uint8Array>;
  /**
   * For formats a writer can hand over a chunk at a time (from a reused buffer: the sink
   * uses each chunk before it returns): the CLI streams such tables straight to disk
   * instead of holding the whole file.
   */
  stream?(table: DataTable, sink: (chunk: Uint8Array) => void): Promise<void>;
  /**
   * For formats whose files can be appended (the file of a whole table is its parts'
   * files one after the other, each after the first without its header): the header's
   * length in a part's file. Parts are then encoded in parallel and streamed to disk;
   * without it, the whole table is encoded once.
   */
  appendable?: { headerBytes(file: Uint8Array): number };
}

/** The file of a whole table from its parts' files, in order (appendable formats only). */
export function joinParts(format: ExportFormatRecord, parts: readonly Uint8Array[]): Uint8Array {
  const from = parts.map((p, i) => (i === 0 ? 0 : format.appendable!.headerBytes(p)));
  const out = new Uint8Array(parts.reduce((n, p, i) => n + p.length - from[i], 0));
  let at = 0;
  parts.forEach((p, i) => {
    out.set(p.subarray(from[i]), at);
    at += p.length - from[i];
  });
  return out;
}

export const EXPORT_FORMATS = [
  { id: 'csv', label: 'CSV', extension: 'csv', zipLevel: 6, spreadsheetSafe: true, encode: async (t) => (await import('./csv')).toCSV(t), stream: async (t, sink) => (await import('./csv')).writeCSV(t, sink), appendable: { headerBytes: (file) => file.indexOf(10) + 1 } },
  { id: 'parquet', label: 'Parquet', extension: 'parquet', zipLevel: 0, encode: async (t, host) => (await import('./parquet')).toParquet(t, await host.loadParquet()) },
  { id: 'jsonl', label: 'JSON Lines', extension: 'jsonl', zipLevel: 6, encode: async (t) => (await import('./jsonl')).toJSONLines(t), stream: async (t, sink) => (await import('./jsonl')).writeJSONLines(t, sink), appendable: { headerBytes: () => 0 } },
  { id: 'arrow', label: 'Arrow IPC', extension: 'arrow', zipLevel: 6, encode: async (t) => (await import('./arrow')).toArrowIPC(t, 'file') },
] as const satisfies readonly ExportFormatRecord[];

export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = EXPORT_FORMATS.map((f) => f.id);

export function formatOf(id: string): ExportFormatRecord {
  const f = EXPORT_FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown export format ${id}`);
  return f;
}

export function isExportFormat(id: string): id is ExportFormatId {
  return EXPORT_FORMATS.some((f) => f.id === id);
}

export async function encodeTable(table: DataTable, format: ExportFormatId, loadParquet: () => Promise<ParquetModule>): Promise<Uint8Array> {
  return formatOf(format).encode(table, { loadParquet });
}
