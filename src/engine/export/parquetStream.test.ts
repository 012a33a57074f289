import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as pq from 'parquet-wasm/esm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { smallScenario } from '../testing';
import type { DataTable } from '../table';
import { streamParquet, toParquet } from './parquet';

beforeAll(async () => {
  const wasm = await readFile(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));
  await pq.default({ module_or_path: wasm });
});

async function streamed(table: DataTable): Promise<{ bytes: Buffer; chunks: number }> {
  const chunks: Uint8Array[] = [];
  await streamParquet(table, pq, (c) => chunks.push(c.slice()));
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

/** More rows than one row group (2^20): id, a category with nulls, an amount. */
function bigTable(rows: number): DataTable {
  return {
    name: 'big',
    rowCount: rows,
    columns: [
      { name: 'id', type: 'int32', values: Int32Array.from({ length: rows }, (_, i) => i + 1) },
      { name: 'kind', type: 'dict', dictionary: ['a', 'b', 'c'], indices: Int32Array.from({ length: rows }, (_, i) => (i * 7) % 3), valid: Uint8Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? 0 : 1)) },
      { name: 'amount', type: 'fixed', scale: 2, values: Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 100_003) },
    ],
  };
}

describe('Parquet streamed a row group at a time', () => {
  const run = generate(smallScenario(8, { volumes: { customers: 400, ordersPerDay: 120, suppliers: 10, products: 60 } }));

  it.each(run.tables.map((t) => [t.name, t] as const))('%s: the same bytes as written whole', async (_, table) => {
    expect((await streamed(table)).bytes.equals(Buffer.from(toParquet(table, pq)))).toBe(true);
  });

  it('a table of three row groups: the same bytes, handed over in more than one chunk', async () => {
    const table = bigTable((1 << 20) * 2 + 12_345);
    const { bytes, chunks } = await streamed(table);
    expect(chunks).toBeGreaterThan(1);
    expect(bytes.equals(Buffer.from(toParquet(table, pq)))).toBe(true);
  }, 60_000);

  it('an empty table: the same bytes', async () => {
    const empty = { ...bigTable(0), name: 'empty' };
    expect((await streamed(empty)).bytes.equals(Buffer.from(toParquet(empty, pq)))).toBe(true);
  });

  it('a batch that cannot be made fails the file (the stream writer would close a short one)', async () => {
    const rows = 300_000;
    // A column whose second batch cannot be read.
    const values = { length: rows, slice: (start: number, end: number) => (start > 0 ? fail() : new Int32Array(end - start)) };
    const fail = (): never => {
      throw new Error('the second batch could not be read');
    };
    const table = { name: 'broken', rowCount: rows, columns: [{ name: 'id', type: 'int32', values }] } as unknown as DataTable;
    await expect(streamed(table)).rejects.toThrow('the second batch could not be read');
  });
});
