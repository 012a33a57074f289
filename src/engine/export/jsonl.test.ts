import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { corruptionPreset } from '../quality/presets';
import { cellText, fixedText, isNull, type Column, type DataTable } from '../table';
import { sizedTemplate } from '../testing';
import { toJSONLines, writeJSONLines } from './jsonl';

/** The definition, one row and one cell at a time: what the chunked writer must reproduce byte for byte. */
function reference(table: DataTable): string {
  const keys = table.columns.map((c) => JSON.stringify(c.name));
  const cell = (c: Column, r: number) => {
    if (isNull(c, r)) return 'null';
    if (c.type === 'int32') return cellText(c, r)!;
    if (c.type === 'fixed') return (c.values[r] / 10 ** c.scale).toFixed(c.scale);
    if (c.type === 'bool') return c.values[r] ? 'true' : 'false';
    return JSON.stringify(cellText(c, r));
  };
  let text = '';
  for (let r = 0; r < table.rowCount; r++) text += `{${table.columns.map((c, i) => `${keys[i]}:${cell(c, r)}`).join(',')}}\n`;
  return text;
}

/** Every chunk the writer hands over, copied (it reuses its buffer), joined. */
function streamed(table: DataTable): { bytes: Uint8Array; chunks: number } {
  const parts: Uint8Array[] = [];
  let rows = -1;
  writeJSONLines(table, (chunk, rowsWritten) => {
    expect(rowsWritten).toBeGreaterThanOrEqual(rows);
    rows = rowsWritten;
    parts.push(chunk.slice());
  });
  expect(rows).toBe(table.rowCount);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
  return { bytes, chunks: parts.length };
}

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('JSON Lines written in chunks', () => {
  it('every template, with faults (null cells): the same bytes as one row and one cell at a time, streamed and whole', () => {
    for (const id of ['baseline', 'flash_sale', 'weather_tenants', 'jaffle_shop', 'churn_feature_store', 'inventory_retail']) {
      const base = sizedTemplate(id, 21, 200, 900);
      const s = base.inventory ? { ...base, calendar: { ...base.calendar, days: 10 }, volumes: { ...base.volumes, products: 60 } } : base;
      const run = generate({ ...s, quality: { faults: corruptionPreset(s, 8) } });
      for (const table of run.tables) {
        const want = reference(table);
        expect(decode(streamed(table).bytes), `${id} ${table.name}`).toBe(want);
        expect(decode(toJSONLines(table)), `${id} ${table.name}`).toBe(want);
      }
    }
  });

  it('text that needs escaping, characters beyond ASCII, dates far from 1970 and a line longer than a chunk', () => {
    const long = 'x'.repeat(3_000_000);
    const strings = ['plain', 'quote " and \\ backslash', 'line\nbreak\ttab', 'émoji 🛒 and 中文', '', long];
    const table: DataTable = {
      name: 'odd',
      rowCount: strings.length,
      columns: [
        { name: 'text', type: 'string', values: strings, valid: Uint8Array.from(strings, (_, i) => (i === 4 ? 0 : 1)) },
        { name: 'word', type: 'dict', dictionary: ['a"b', 'ünï', 'c'], indices: Int32Array.from(strings, (_, i) => i % 3) },
        { name: 'at', type: 'timestamp', values: Float64Array.from(strings, (_, i) => [-86_400_500, 0, 1_700_000_123_456, 253_402_300_799_000, 86_399_999, -1][i]) },
        { name: 'day', type: 'date', values: Int32Array.from(strings, (_, i) => [-719_468, 0, 19_000, 2_932_896, -1, 365][i]) },
        { name: 'ok', type: 'bool', values: Uint8Array.from(strings, (_, i) => i % 2) },
        { name: 'cents', type: 'fixed', scale: 2, values: Float64Array.from(strings, (_, i) => [-1, 0, 5, 123_456_789, -250, 99][i]) },
      ] as Column[],
    };
    const { bytes } = streamed(table);
    expect(decode(bytes)).toBe(reference(table));
    const rows = decode(bytes).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.text)).toEqual(strings.map((s, i) => (i === 4 ? null : s)));
    // The long line after a first chunk's worth of rows: the buffer is handed over, then grown.
    const many = Array.from({ length: 40_000 }, (_, i) => (i === 30_000 ? long : `row ${i} "${'é'.repeat(i % 7)}"`));
    const wide: DataTable = { name: 'wide', rowCount: many.length, columns: [{ name: 'text', type: 'string', values: many } as Column] };
    const out = streamed(wide);
    expect(out.chunks).toBeGreaterThan(1);
    expect(decode(out.bytes)).toBe(reference(wide));
  });

  it('fixed-point text from integers is toFixed of the quotient, for any value and scale', () => {
    const units = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1 }), fc.maxSafeInteger(), fc.double({ noNaN: true, min: -1e17, max: 1e17 }), fc.constantFrom(-0, 0, 2 ** 52, -(2 ** 52) + 1, 0.5, -0.005));
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 6 }), (v, scale) => {
        expect(fixedText(v, scale)).toBe((v / 10 ** scale).toFixed(scale));
      }),
      { numRuns: 5_000 },
    );
  });
});
