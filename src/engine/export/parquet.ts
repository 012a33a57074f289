import type * as ParquetWasm from 'parquet-wasm/esm';
import type { DataTable } from '../table';
import { toArrowIPC } from './arrow';

/**
 * The initialised parquet-wasm module. The engine never loads wasm itself: the worker
 * passes the browser build (loaded on first export), the CLI the same build read from disk,
 * so both write byte-identical files.
 */
export type ParquetModule = Pick<typeof ParquetWasm, 'Table' | 'writeParquet' | 'WriterPropertiesBuilder' | 'Compression'>;

export const PARQUET_CREATED_BY = 'scenario-designer (parquet-wasm)';

export function toParquet(table: DataTable, pq: ParquetModule): Uint8Array {
  const wasmTable = pq.Table.fromIPCStream(toArrowIPC(table));
  const props = new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.ZSTD)
    .setCreatedBy(PARQUET_CREATED_BY)
    .build();
  // writeParquet consumes both the table and the properties.
  return pq.writeParquet(wasmTable, props);
}
