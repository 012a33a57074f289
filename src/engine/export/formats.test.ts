import { parse } from 'csv-parse/sync';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { corruptionPreset } from '../quality/presets';
import { cellText } from '../table';
import { smallScenario } from '../testing';
import { exportFileName } from './bundle';
import { EXPORT_FORMATS, encodeTable } from './formats';

const base = smallScenario(33, { volumes: { customers: 300, ordersPerDay: 80, suppliers: 8, products: 40 } });
// Faults give null cells, so the readers are checked on nulls too.
const run = generate({ ...base, calendar: { ...base.calendar, days: 2 }, quality: { faults: corruptionPreset(base, 10) } });
const noParquet = () => Promise.reject(new Error('no parquet here'));

describe('export formats as records', () => {
  it('every format has its own extension in file names', () => {
    const names = EXPORT_FORMATS.map((f) => exportFileName(run, 'T', 'orders', f.id));
    expect(new Set(names).size).toBe(EXPORT_FORMATS.length);
    for (const f of EXPORT_FORMATS) expect(exportFileName(run, 'T', 'orders', f.id).endsWith(`.${f.extension}`)).toBe(true);
  });

  it('JSON Lines: one object per row, every cell as the CSV writes it (numbers as numbers, nulls as null)', async () => {
    for (const table of run.tables) {
      const text = new TextDecoder().decode(await encodeTable(table, 'jsonl', noParquet));
      const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.length, table.name).toBe(table.rowCount);
      for (const r of [0, Math.floor(table.rowCount / 2), table.rowCount - 1]) {
        if (r < 0) continue;
        for (const c of table.columns) {
          const want = cellText(c, r);
          const got = rows[r][c.name];
          expect(got === null ? null : String(c.type === 'fixed' ? (got as number).toFixed(c.scale) : got), `${table.name}.${c.name}[${r}]`).toBe(
            c.type === 'bool' && want !== null ? String(want === '1') : want,
          );
        }
      }
    }
  });

  it('Arrow IPC file: read back with apache-arrow, same rows, columns and cells', async () => {
    for (const table of run.tables) {
      const bytes = await encodeTable(table, 'arrow', noParquet);
      // The file format starts and ends with the ARROW1 magic (what DuckDB and pandas expect).
      expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('ARROW1');
      const back = tableFromIPC(bytes);
      expect(back.numRows, table.name).toBe(table.rowCount);
      expect(back.schema.fields.map((f) => f.name)).toEqual(table.columns.map((c) => c.name));
      const orderId = table.columns[0];
      const last = table.rowCount - 1;
      if (last >= 0 && orderId.type === 'int32') expect(back.getChildAt(0)!.get(last)).toBe(orderId.values[last]);
    }
  });

  it('CSV through the registry is the CSV writer (header and row count)', async () => {
    const orders = run.tables.find((t) => t.name === 'orders')!;
    const rows = parse(Buffer.from(await encodeTable(orders, 'csv', noParquet)), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(orders.rowCount);
  });
});
