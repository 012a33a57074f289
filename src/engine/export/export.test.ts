import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import * as parquetWasm from 'parquet-wasm/esm';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { smallScenario } from '../testing';
import { cellText, type DataTable } from '../table';
import { isoDay, isoTimestamp } from '../time';
import { GENERATOR } from '../version';
import { buildManifest, exportRunFiles, fileStamp, zipBundle } from './bundle';

const noParquet = () => Promise.reject(new Error('no parquet in this test'));
import { csvText, toCSV } from './csv';
import { sha256Hex } from './hash';
import { toParquet } from './parquet';
import { parquetModule, type ParquetModule } from './parquetModule';

let pq: ParquetModule;
beforeAll(async () => {
  const wasm = await readFile(createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));
  pq = parquetModule(parquetWasm, await parquetWasm.default({ module_or_path: wasm }));
});

/** The value an independent reader should see in a cell, as text. */
/** The cell as text (null: an empty cell), formatted apart from the CSV byte writer. */
function expected(table: DataTable, row: number, c: number): string {
  return cellText(table.columns[c], row) ?? '';
}

const run = generate(smallScenario(21, { volumes: { customers: 500, ordersPerDay: 150, suppliers: 12, products: 80 } }));

describe('CSV', () => {
  it.each(run.tables.map((t) => [t.name, t] as const))('%s reads back cell for cell with an independent parser', (_, table) => {
    const rows = parse(Buffer.from(toCSV(table)), { columns: false, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]).toEqual(table.columns.map((c) => c.name));
    expect(rows.length - 1).toBe(table.rowCount);
    for (let r = 0; r < table.rowCount; r += Math.max(1, Math.floor(table.rowCount / 97))) {
      table.columns.forEach((_, c) => expect(rows[r + 1][c], `${table.name}[${r}].${table.columns[c].name}`).toBe(expected(table, r, c)));
    }
  });

  it('defuses formula starts and quotes delimiters', () => {
    expect(csvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvText('-3')).toBe('-3');
    expect(csvText('-12.50')).toBe('-12.50');
    expect(csvText('-3+4')).toBe("'-3+4");
    expect(csvText('-A1')).toBe("'-A1");
    expect(csvText('@cmd')).toBe("'@cmd");
    expect(csvText('-1+2')).toBe("'-1+2");
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('plain')).toBe('plain');
  });

  it('writes negative fixed-point numbers and a text cell with a comma', () => {
    const t: DataTable = {
      name: 't',
      rowCount: 2,
      columns: [
        { name: 'amount', type: 'fixed', scale: 2, values: new Float64Array([-1205, 7]) },
        { name: 'note', type: 'string', values: ['x, y', '+1'] },
      ],
    };
    expect(new TextDecoder().decode(toCSV(t))).toBe(`amount,note\r\n-12.05,"x, y"\r\n0.07,'+1\r\n`);
  });
});

describe('Parquet', () => {
  it.each(run.tables.map((t) => [t.name, t] as const))('%s reads back with hyparquet, types intact', async (_, table) => {
    const bytes = await toParquet(table, pq);
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, compressors })) as Record<string, unknown>[];
    expect(rows.length).toBe(table.rowCount);
    for (let r = 0; r < table.rowCount; r += Math.max(1, Math.floor(table.rowCount / 97))) {
      table.columns.forEach((col, c) => {
        const got = rows[r][col.name];
        let text: string;
        if (got === null || got === undefined) text = '';
        else if (col.type === 'timestamp') text = isoTimestamp((got as Date).getTime());
        else if (col.type === 'date') text = isoDay(Math.round((got as Date).getTime() / 86_400_000));
        else if (col.type === 'fixed') text = (got as number).toFixed(col.scale);
        else text = String(got);
        expect(text, `${table.name}[${r}].${col.name}`).toBe(expected(table, r, c));
      });
    }
  });

  it('is Snappy; a dictionary only on categories; ids and times as differences; min and max on all but categories', async () => {
    const orders = run.tables.find((t) => t.name === 'orders')!;
    const bytes = await toParquet(orders, pq);
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const chunks = new Map(meta.row_groups[0].columns.map((c) => [c.meta_data!.path_in_schema[0], c.meta_data!]));
    for (const col of orders.columns) {
      const m = chunks.get(col.name)!;
      expect(m.codec, col.name).toBe('SNAPPY');
      expect(m.encodings.includes('RLE_DICTIONARY'), col.name).toBe(col.type === 'dict');
      if (col.type === 'int32' || col.type === 'timestamp') expect(m.encodings, col.name).toContain('DELTA_BINARY_PACKED');
      const stats = m.statistics;
      if (col.type === 'dict') expect(stats?.min_value ?? stats?.max_value, col.name).toBeUndefined();
      else expect([stats?.min_value, stats?.max_value].every((v) => v !== undefined && v !== null), col.name).toBe(true);
    }
  });

  it("passes on parquet-wasm's own error when it cannot read the stream, and writes again after it", async () => {
    const t = run.tables[3];
    // The same module, but the stream's first bytes are spoiled inside wasm before it is read.
    const spoiled: ParquetModule = {
      ...pq,
      wasm: {
        ...pq.wasm,
        table_fromIPCStream: (at: number, length: number) => {
          new Uint8Array(pq.wasm.memory.buffer, at, 16).fill(0xff);
          return pq.wasm.table_fromIPCStream(at, length);
        },
      },
    };
    const error = await toParquet(t, spoiled).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/could not read the Arrow stream/);
    expect((error as Error).message.length).toBeGreaterThan(0);
    expect(sha256Hex(await toParquet(t, pq))).toBe(sha256Hex(await toParquet(t, pq)));
  });

  it('is byte-identical for the same table', async () => {
    const t = run.tables[3];
    expect(sha256Hex(await toParquet(t, pq))).toBe(sha256Hex(await toParquet(t, pq)));
  });
});

describe('bundle', () => {
  it('zips scenario.json, manifest.json and the tables, with a manifest that lists names, rows, bytes and sha256', async () => {
    const createdAt = '2026-01-02T03:04:05.678Z';
    const stamp = fileStamp(createdAt);
    expect(stamp).toBe('20260102T030405Z');
    const files = await exportRunFiles(run, 'csv', stamp, noParquet);
    const manifest = buildManifest(run, files, 'csv', createdAt);
    const zip = unzipSync(zipBundle(manifest, files));
    expect(Object.keys(zip).sort()).toEqual(['conformance.json', 'ground_truth.json', 'manifest.json', 'scenario.json', ...files.map((f) => f.fileName)].sort());
    const m = JSON.parse(strFromU8(zip['manifest.json']));
    expect(m.generator).toEqual(GENERATOR);
    expect(m.scenario).toEqual(run.scenario);
    for (const f of files) {
      expect(f.fileName).toBe(`${run.scenario.name}_${stamp}_${f.table}.csv`);
      const entry = m.tables.find((t: { table: string }) => t.table === f.table);
      expect(entry).toMatchObject({ file: f.fileName, rows: f.rows, bytes: zip[f.fileName].length, sha256: sha256Hex(zip[f.fileName]) });
    }
  });

  it("generator version equals package.json's", async () => {
    const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(GENERATOR.version).toBe(pkg.version);
    expect(GENERATOR.name).toBe(pkg.name);
  });
});
