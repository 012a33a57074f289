import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parquetModule, type ParquetModule } from '../engine';

let loaded: Promise<ParquetModule> | undefined;

/** The same parquet-wasm build the browser worker uses, with its wasm read from disk. */
export function loadParquet(): Promise<ParquetModule> {
  loaded ??= (async () => {
    const pq = await import('parquet-wasm/esm');
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
    return parquetModule(pq, await pq.default({ module_or_path: await readFile(wasmPath) }));
  })();
  return loaded;
}
