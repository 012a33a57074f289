import type * as ParquetWasm from 'parquet-wasm/esm';

// Apart from the encoder (parquet.ts), which needs Arrow: a host names the module without
// loading Arrow, so a run that writes no Parquet or Arrow never evaluates it.

/**
 * The initialised parquet-wasm module and its wasm exports (what its `init` returns). The
 * engine never loads wasm itself: the worker passes the browser build (loaded on first
 * export), the CLI the same build read from disk, so both write byte-identical files.
 */
export type ParquetModule = Pick<typeof ParquetWasm, 'Table' | 'writeParquet' | 'WriterPropertiesBuilder' | 'Compression' | 'Encoding' | 'EnabledStatistics'> & {
  // The memory as the engine reads it: its own types know no WebAssembly namespace.
  wasm: Pick<ParquetWasm.InitOutput, '__wbindgen_malloc' | 'table_fromIPCStream' | '__externref_table_dealloc'> & {
    memory: { readonly buffer: ArrayBufferLike };
    __wbindgen_externrefs: { get(index: number): unknown };
  };
};

/** The module with its exports, as a host hands it to the engine. */
export function parquetModule(module: typeof ParquetWasm, wasm: ParquetWasm.InitOutput): ParquetModule {
  const { Table, writeParquet, WriterPropertiesBuilder, Compression, Encoding, EnabledStatistics } = module;
  return { Table, writeParquet, WriterPropertiesBuilder, Compression, Encoding, EnabledStatistics, wasm };
}
