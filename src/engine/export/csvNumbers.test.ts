import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column } from '../table';
import { isoDay } from '../time';
import { csvText, toCSV, writeCSV } from './csv';

// The CSV writer formats numbers and times by hand (digit pairs, a table of the seconds
// of a day); every cell must read back as the value JavaScript itself would print.
const cells = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split('\r\n').slice(1, -1);

describe('the CSV writer prints numbers and times exactly', () => {
  it('integers: any int32 is its decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 50 }), (xs) => {
        expect(cells(toCSV({ name: 't', rowCount: xs.length, columns: [{ name: 'v', type: 'int32', values: Int32Array.from(xs) }] }))).toEqual(xs.map(String));
      }),
      { numRuns: 300 },
    );
  });

  it('fixed point: cents of any size up to 2^53 print with two decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeInteger(), { minLength: 1, maxLength: 50 }), (xs) => {
        const want = xs.map((v) => `${v < 0 ? '-' : ''}${Math.floor(Math.abs(v) / 100)}.${String(Math.abs(v) % 100).padStart(2, '0')}`);
        expect(cells(toCSV({ name: 't', rowCount: xs.length, columns: [{ name: 'v', type: 'fixed', scale: 2, values: Float64Array.from(xs) }] }))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('timestamps: any second from 1900 to 2200 is its ISO text', () => {
    const lo = Date.UTC(1900, 0, 1) / 1000;
    const hi = Date.UTC(2200, 0, 1) / 1000;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: lo, max: hi }), { minLength: 1, maxLength: 50 }), (secs) => {
        const ms = secs.map((s) => s * 1000);
        expect(cells(toCSV({ name: 't', rowCount: ms.length, columns: [{ name: 'v', type: 'timestamp', values: Float64Array.from(ms) }] }))).toEqual(ms.map((m) => new Date(m).toISOString().slice(0, 19).replace('T', ' ')));
      }),
      { numRuns: 300 },
    );
  });

  it('dictionary words of any length, beside times, across chunk boundaries: every cell whole, nothing of a neighbour', () => {
    // Words and times are stored a 32-bit word at a time, running up to 3 bytes past a cell
    // for the next cell to overwrite; up to 120,000 rows fill more than one 2 MB chunk.
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'z', '7'), maxLength: 13 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (words, rows, seed) => {
          const dictionary = [...new Set(words)];
          const indices = Int32Array.from({ length: rows }, (_, r) => (r * 7 + seed) % dictionary.length);
          const ms = Float64Array.from({ length: rows }, (_, r) => Date.UTC(2024, 0, 1) + ((r * 7919 + seed) % 86_400_000) * 1000);
          const table = { name: 't', rowCount: rows, columns: [{ name: 'w', type: 'dict' as const, dictionary, indices }, { name: 't', type: 'timestamp' as const, values: ms }, { name: 'w2', type: 'dict' as const, dictionary, indices }] };
          const got = cells(toCSV(table));
          expect(got).toHaveLength(rows);
          for (let r = 0; r < rows; r += Math.max(1, Math.floor(rows / 500))) {
            const w = dictionary[indices[r]];
            expect(got[r]).toBe(`${w},${new Date(ms[r]).toISOString().slice(0, 19).replace('T', ' ')},${w}`);
          }
          expect(got[rows - 1]).toBe(`${dictionary[indices[rows - 1]]},${new Date(ms[rows - 1]).toISOString().slice(0, 19).replace('T', ' ')},${dictionary[indices[rows - 1]]}`);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('one file in memory is the chunks a stream writes, joined: rows that grow longer after the first chunk included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (rows, longer, from) => {
        // Short cells first, then cells `longer` characters longer: past about 200,000 short rows
        // (one 2 MB chunk) the size guessed from the first chunk runs out and the buffer grows.
        const start = Math.floor(rows * from);
        const values = Array.from({ length: rows }, (_, r) => (r < start ? 'a' : 'b'.repeat(1 + longer)));
        const table = { name: 't', rowCount: rows, columns: [{ name: 's', type: 'string' as const, values }, { name: 'n', type: 'int32' as const, values: Int32Array.from({ length: rows }, (_, r) => r) }] };
        const chunks: Uint8Array[] = [];
        writeCSV(table, (chunk) => chunks.push(chunk.slice()));
        const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        chunks.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
        const whole = toCSV(table);
        // (toEqual walks megabytes an element at a time; this is the same check.)
        expect(whole.length).toBe(joined.length);
        expect(Buffer.compare(whole, joined)).toBe(0);
      }),
      { numRuns: 20, examples: [[400_000, 40, 0.9]] },
    );
  });

  it('any mix of columns, nulls and row counts (blocks of rows, the last column, chunk ends) is each cell as it prints alone', () => {
    // The writer lays out a block of rows from every column's cell widths, then writes a
    // column at a time; here each cell is printed on its own and the cells joined by hand.
    const word = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '=', '-', '1', ' ', '€'), maxLength: 9 });
    const kind = fc.constantFrom('int32', 'bool', 'fixed', 'dict', 'string', 'ascii', 'timestamp', 'date');
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.array(word, { minLength: 1, maxLength: 5 }), (kinds, rows, seed, words) => {
        const pick = (r: number, c: number, m: number) => Math.abs(Math.imul(r + 1, 2654435761) ^ Math.imul(c + seed, 40503)) % m;
        const printed: string[][] = Array.from({ length: rows }, () => []);
        const columns = kinds.map((k, c): Column => {
          const valid = Uint8Array.from({ length: rows }, (_, r) => (pick(r, c, 5) === 0 ? 0 : 1));
          const out = (r: number, text: string) => printed[r].push(valid[r] ? text : '');
          const name = `c${c}`;
          switch (k) {
            case 'int32':
            case 'bool': {
              const values = k === 'bool' ? Uint8Array.from({ length: rows }, (_, r) => pick(r, c, 2)) : Int32Array.from({ length: rows }, (_, r) => pick(r, c, 2 ** 31) * (r % 2 ? -1 : 1));
              values.forEach((v, r) => out(r, String(v)));
              return k === 'bool' ? { name, type: 'bool', values: values as Uint8Array, valid } : { name, type: 'int32', values: values as Int32Array, valid };
            }
            case 'fixed': {
              const scale = seed % 5;
              const values = Float64Array.from({ length: rows }, (_, r) => (pick(r, c, 2 ** 31) * 4099 + r) * (r % 3 ? 1 : -1));
              values.forEach((v, r) => out(r, `${v < 0 ? '-' : ''}${Math.floor(Math.abs(v) / 10 ** scale)}${scale ? `.${String(Math.abs(v) % 10 ** scale).padStart(scale, '0')}` : ''}`));
              return { name, type: 'fixed', scale, values, valid };
            }
            case 'dict': {
              const dictionary = [...new Set(words)];
              const indices = Int32Array.from({ length: rows }, (_, r) => pick(r, c, dictionary.length));
              indices.forEach((k, r) => out(r, csvText(dictionary[k])));
              return { name, type: 'dict', dictionary, indices, valid };
            }
            case 'string': {
              const values = Array.from({ length: rows }, (_, r) => words[pick(r, c, words.length)].repeat(1 + (r % 3)));
              values.forEach((v, r) => out(r, csvText(v)));
              return { name, type: 'string', values, valid };
            }
            case 'ascii': {
              const width = 1 + (seed % 6);
              const bytes = Uint8Array.from({ length: rows * width }, (_, i) => 'AB,-7"'.charCodeAt(pick(i, c, seed % 2 ? 6 : 2)));
              for (let r = 0; r < rows; r++) out(r, csvText(String.fromCharCode(...bytes.subarray(r * width, (r + 1) * width))));
              return { name, type: 'ascii', width, bytes, valid };
            }
            case 'timestamp': {
              const values = Float64Array.from({ length: rows }, (_, r) => Date.UTC(1990, 0, 1) + pick(r, c, 2 ** 30) * 1000);
              values.forEach((v, r) => out(r, new Date(v).toISOString().slice(0, 19).replace('T', ' ')));
              return { name, type: 'timestamp', values, valid };
            }
            case 'date': {
              const values = Int32Array.from({ length: rows }, (_, r) => 7000 + pick(r, c, 20000));
              values.forEach((v, r) => out(r, isoDay(v)));
              return { name, type: 'date', values, valid };
            }
          }
        });
        const want = [kinds.map((_, c) => `c${c}`).join(','), ...printed.map((cells) => cells.join(','))].join('\r\n') + '\r\n';
        expect(new TextDecoder().decode(toCSV({ name: 't', rowCount: rows, columns }))).toBe(want);
      }),
      { numRuns: 150 },
    );
  });
});
