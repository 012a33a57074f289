import type * as ParquetWasm from 'parquet-wasm/esm';
import { sliceTable, type DataTable } from '../table';
import { toArrowIPC } from './arrow';

/**
 * The initialised parquet-wasm module. The engine never loads wasm itself: the worker
 * passes the browser build (loaded on first export), the CLI the same build read from disk,
 * so both write byte-identical files.
 */
export type ParquetModule = Pick<typeof ParquetWasm, 'Table' | 'writeParquet' | 'transformParquetStream' | 'WriterPropertiesBuilder' | 'Compression' | 'Encoding'>;

export const PARQUET_CREATED_BY = 'scenario-designer (parquet-wasm)';

export function toParquet(table: DataTable, pq: ParquetModule): Uint8Array {
  // writeParquet consumes both the table and the properties.
  return pq.writeParquet(pq.Table.fromIPCStream(toArrowIPC(table)), writerProperties(table, pq));
}

/**
 * Rows per batch when a file is streamed. The writer cuts row groups itself (2^20 rows,
 * parquet-rs's default) however the rows arrive, and pages on 1,024-row steps within each
 * batch, so a batch of a multiple of 1,024 rows gives toParquet's bytes (parquetStream.test.ts,
 * over three row groups).
 */
const BATCH_ROWS = 1 << 18;

/**
 * The same file as toParquet, handed over a chunk at a time: the table goes to the writer a
 * batch at a time, so memory holds a batch's Arrow copies and the row group being written,
 * not the whole table's twice (its IPC stream and the writer's own copy). Inventory retail's
 * large size, written as Parquet from the CLI, peaked at 1.94 GB with the whole tables.
 *
 * parquet-wasm's stream writer drops a batch that fails and still closes a valid file: an
 * error making a batch is kept here and thrown once the stream ends, and a file that did not
 * take every row is refused, so a short file is never taken for the table.
 */
export async function streamParquet(table: DataTable, pq: ParquetModule, sink: (chunk: Uint8Array) => void): Promise<void> {
  let from = 0;
  let started = false;
  let failed: { error: unknown } | null = null;
  const batches = new ReadableStream({
    pull(controller) {
      // An empty table is one empty batch, as toParquet writes it.
      if (started && from >= table.rowCount) return controller.close();
      started = true;
      try {
        const to = Math.min(table.rowCount, from + BATCH_ROWS);
        controller.enqueue(pq.Table.fromIPCStream(toArrowIPC(sliceTable(table, from, to))).recordBatch(0));
        from = to;
      } catch (error) {
        failed = { error };
        controller.error(error);
      }
    },
  });
  const reader = (await pq.transformParquetStream(batches, writerProperties(table, pq))).getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) sink(next.value as Uint8Array);
  } catch (error) {
    // The sink failed (a write): stop the writer, which would otherwise hold its row group.
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  if (failed) throw (failed as { error: unknown }).error;
  if (from !== table.rowCount) throw new Error(`the Parquet writer stopped after ${from} of ${table.rowCount} rows of ${table.name}`);
}

function writerProperties(table: DataTable, pq: ParquetModule): ReturnType<InstanceType<ParquetModule['WriterPropertiesBuilder']>['build']> {
  // Snappy, as Arrow, DuckDB and Spark write by default: at 1M orders the four big tables
  // took 1.7 s against ZSTD's 2.6-3.0 s, for 42 MB against 33 MB (and 44 MB as ZSTD with
  // a dictionary on every column, as written before).
  let props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).setCreatedBy(PARQUET_CREATED_BY);
  for (const c of table.columns) {
    // Only categories repeat: a dictionary tried on ids, amounts and times is given up
    // after its first megabyte, and trying cost a third of the writing (1M orders: 0.8 →
    // 0.5 s for the three big tables) for larger files.
    if (c.type !== 'dict') props = props.setColumnDictionaryEnabled(c.name, false);
    // Ids count up and times rise through the day: stored as differences, they take a
    // quarter less room (DELTA_BINARY_PACKED, read by DuckDB, Arrow, Polars, Spark).
    if (c.type === 'int32' || c.type === 'timestamp' || c.type === 'date') props = props.setColumnEncoding(c.name, pq.Encoding.DELTA_BINARY_PACKED);
  }
  return props.build();
}
