import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArrowIPC } from '../export/arrow';
import { toCSV } from '../export/csv';
import { toJSONLines } from '../export/jsonl';
import { hashUnit } from '../random/hash';
import { concatTables, sliceTable, stringValues, takeRows, type Column, type DataTable } from '../table';
import type { RowDraws } from './draws';
import { asciiMatches, patternColumn, patternRegExp } from './pattern';

/** Uniforms hashed from (seed, salt, row): any stream will do, the same one for both columns compared. */
const draws = (seed: number): RowDraws => ({
  fill(salt, from, out) {
    for (let i = 0; i < out.length; i++) out[i] = hashUnit(seed, salt, from + i);
  },
});

const asStrings = (c: Column): Column => (c.type === 'ascii' ? { name: c.name, type: 'string', values: stringValues(c), valid: c.valid } : c);
const tableOf = (rows: number, ...columns: Column[]): DataTable => ({ name: 't', rowCount: rows, columns });

// Placeholders, letters, and every character CSV treats specially (quotes, commas, line ends, formula starts).
const patternChar = fc.constantFrom('#', '?', '*', 'A', 'z', '0', '-', ',', '"', '=', '+', '@', '\t', '\r', '\n', ' ', '\\');

describe('pattern columns', () => {
  it('an ASCII pattern is fixed-width bytes; other text is strings, with the same draws', () => {
    const ascii = patternColumn('p', 'E##-??', draws(3), 500);
    const text = patternColumn('p', '€##-??', draws(3), 500);
    expect(ascii.type).toBe('ascii');
    expect(text.type).toBe('string');
    const a = stringValues(ascii as Extract<Column, { type: 'ascii' }>);
    const t = stringValues(text as Extract<Column, { type: 'string' }>);
    expect(a.every((v) => patternRegExp('E##-??').test(v))).toBe(true);
    expect(t.map((v) => v.slice(1))).toEqual(a.map((v) => v.slice(1)));
  });

  it('fixed-width ASCII writes the very bytes its values as strings write (CSV, Arrow, JSON Lines), nulls included', () =>
    fc.assert(
      fc.property(fc.array(patternChar, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 300 }), fc.integer(), (chars, rows, seed) => {
        const pattern = chars.join('');
        const col = patternColumn('code', pattern, draws(seed), rows);
        if (col.type !== 'ascii') return false;
        const valid = Uint8Array.from({ length: rows }, (_, r) => (hashUnit(seed, 9, r) < 0.2 ? 0 : 1));
        for (const c of [col, { ...col, valid }]) {
          const ours = tableOf(rows, c);
          const plain = tableOf(rows, asStrings(c));
          expect(toCSV(ours)).toEqual(toCSV(plain));
          expect(toArrowIPC(ours)).toEqual(toArrowIPC(plain));
          expect(toJSONLines(ours)).toEqual(toJSONLines(plain));
        }
        return true;
      }),
      { numRuns: 80 },
    ));

  it('slices, picked rows and joined parts keep each row its value', () => {
    const rows = 257;
    const col = patternColumn('code', 'K-#?*', draws(8), rows);
    const values = stringValues(col as Extract<Column, { type: 'ascii' }>);
    const t = tableOf(rows, col);
    const text = (x: DataTable) => stringValues(x.columns[0] as Extract<Column, { type: 'ascii' }>);
    expect(text(sliceTable(t, 40, 90))).toEqual(values.slice(40, 90));
    const picked = Int32Array.of(5, 0, 256, 5);
    expect(text(takeRows(t, picked))).toEqual(Array.from(picked, (r) => values[r]));
    expect(text(concatTables([sliceTable(t, 0, 100), sliceTable(t, 100, rows)]))).toEqual(values);
  });

  it('counts from the bytes the matches the regular expression finds, spoiled values and nulls included', () =>
    fc.assert(
      fc.property(fc.constantFrom('SKU-####-??', '1Z###*****', 'a\\*b.#', '##'), fc.integer({ min: 0, max: 2 ** 31 }), fc.array(fc.nat(), { maxLength: 20 }), (pattern, seed, spoil) => {
        const rows = 60;
        const col = patternColumn('p', pattern, draws(seed), rows);
        if (col.type !== 'ascii') throw new Error('an ASCII pattern makes bytes');
        const bytes = col.bytes.slice();
        // Spoil some bytes (any byte, the pattern's own characters too) and empty a few rows.
        for (const x of spoil) bytes[x % bytes.length] = 32 + (x % 95);
        const valid = Uint8Array.from({ length: rows }, (_, r) => (r % 7 === 3 ? 0 : 1));
        const spoiled: Column = { ...col, bytes, valid };
        const re = patternRegExp(pattern);
        const values = stringValues(spoiled);
        const expected = { n: 0, matched: 0 };
        for (let r = 0; r < rows; r++) {
          if (!valid[r]) continue;
          expected.n++;
          if (re.test(values[r])) expected.matched++;
        }
        expect(asciiMatches(pattern, spoiled)).toEqual(expected);
      }),
      { numRuns: 200 },
    ));
  it('leaves text that is not fixed-width ASCII of the pattern to the regular expression', () => {
    expect(asciiMatches('ÅB-##', patternColumn('p', 'ÅB-##', draws(1), 5))).toBeNull();
    expect(asciiMatches('##', { name: 'p', type: 'string', values: ['12', '34'] })).toBeNull();
  });
});
