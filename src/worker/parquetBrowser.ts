import init, * as parquet from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { parquetModule, type ParquetModule } from '../engine/export/parquetModule';

let ready: Promise<ParquetModule> | undefined;

/** Loaded on the first Parquet export only: the wasm is ~5 MB. */
export function loadParquetInWorker(): Promise<ParquetModule> {
  ready ??= init({ module_or_path: wasmUrl }).then((wasm) => parquetModule(parquet, wasm));
  return ready;
}
