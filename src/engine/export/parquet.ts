import { RecordBatchStreamWriter } from 'apache-arrow';
import type * as ParquetWasm from 'parquet-wasm/esm';
import type { DataTable } from '../table';
import { toArrow } from './arrow';
import type { ParquetModule } from './parquetModule';

export const PARQUET_CREATED_BY = 'scenario-designer (parquet-wasm)';

export async function toParquet(table: DataTable, pq: ParquetModule): Promise<Uint8Array> {
  const wasmTable = await wasmTableOf(table, pq);
  // Snappy, as Arrow, DuckDB and Spark write by default: at 1M orders the four big tables
  // took 1.7 s against ZSTD's 2.6-3.0 s, for 42 MB against 33 MB (and 44 MB as ZSTD with
  // a dictionary on every column, as written before).
  let props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).setCreatedBy(PARQUET_CREATED_BY);
  for (const c of table.columns) {
    // Only categories repeat: a dictionary tried on ids, amounts and times is given up
    // after its first megabyte, and trying cost a third of the writing (1M orders: 0.8 →
    // 0.5 s for the three big tables) for larger files.
    if (c.type !== 'dict') props = props.setColumnDictionaryEnabled(c.name, false);
    // A category's min and max let a reader skip no row group (each holds every category),
    // and comparing every value's text for them was a fifth of the writing (1M orders: the
    // three big tables 1.04-1.25 → 0.84-0.95 s). Ids, amounts and times keep theirs.
    else props = props.setColumnStatisticsEnabled(c.name, pq.EnabledStatistics.None);
    // Ids count up and times rise through the day: stored as differences, they take a
    // quarter less room (DELTA_BINARY_PACKED, read by DuckDB, Arrow, Polars, Spark).
    if (c.type === 'int32' || c.type === 'timestamp' || c.type === 'date') props = props.setColumnEncoding(c.name, pq.Encoding.DELTA_BINARY_PACKED);
  }
  // writeParquet consumes both the table and the properties.
  return pq.writeParquet(wasmTable, props.build());
}

/**
 * The table inside wasm, read from its Arrow IPC stream. The stream's pieces (mostly the
 * columns' own arrays) are copied straight into wasm memory, where `Table.fromIPCStream`
 * would take them joined into one array first: that join was a second copy of every table
 * in fresh memory (1M orders as Parquet: 2.6-2.7 → 2.1-2.3 s for the six tables, same
 * bytes). This is what the generated `fromIPCStream` does with the joined array: allocate
 * in wasm, copy, call the export, take its error or wrap the pointer (`__wrap`, which the
 * typings leave out).
 */
async function wasmTableOf(table: DataTable, pq: ParquetModule): Promise<ParquetWasm.Table> {
  const pieces: Uint8Array[] = [];
  // The writer queues every piece before it returns: iterating only hands them over.
  for await (const piece of RecordBatchStreamWriter.writeAll(toArrow(table))) pieces.push(piece);
  const length = pieces.reduce((n, p) => n + p.length, 0);
  const { wasm } = pq;
  const at = wasm.__wbindgen_malloc(length, 1) >>> 0;
  // The view is taken after the allocation: growing the memory detaches older views.
  const memory = new Uint8Array(wasm.memory.buffer);
  let offset = at;
  for (const p of pieces) {
    memory.set(p, offset);
    offset += p.length;
  }
  const [pointer, error, failed] = wasm.table_fromIPCStream(at, length);
  if (failed) {
    // parquet-wasm's own error, taken out of its table of JS values as its glue does.
    const thrown = wasm.__wbindgen_externrefs.get(error);
    wasm.__externref_table_dealloc(error);
    throw thrown instanceof Error ? thrown : new Error(`parquet-wasm could not read the Arrow stream of ${table.name}: ${String(thrown)}`);
  }
  return (pq.Table as unknown as { __wrap(pointer: number): ParquetWasm.Table }).__wrap(pointer);
}
