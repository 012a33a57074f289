import { describe, expect, it } from 'vitest';
import { GrowableColumns } from './growable';

/** Fills `rows` rows a few at a time, as order lines are: row r holds r in every int column, r / 2 in every float column. */
function filled(capacity: number, rows: number): GrowableColumns {
  const g = new GrowableColumns(2, 1, capacity);
  for (let r = 0; r < rows; ) {
    const n = Math.min(3, rows - r);
    g.reserve(n);
    for (let i = 0; i < n; i++, r++) {
      g.ints[0][r] = r;
      g.ints[1][r] = r;
      g.floats[0][r] = r / 2;
    }
    g.length = r;
  }
  return g;
}

describe('growable columns', () => {
  it('finish with exactly the rows written, each column in a buffer no other uses, whether nearly full (a view) or not (a copy)', () => {
    // [room, rows, whether it ends as a view]: 16 rows of room grow by doubling to 1,024.
    for (const [capacity, rows, view] of [[1000, 990, true], [1000, 400, false], [16, 1000, true], [100, 0, false]] as const) {
      const { ints, floats } = filled(capacity, rows).finish();
      const columns = [...ints, ...floats];
      for (const c of columns) {
        expect(c.length).toBe(rows);
        expect(Array.from(c)).toEqual(Array.from({ length: rows }, (_, r) => (c instanceof Float64Array ? r / 2 : r)));
      }
      expect(new Set(columns.map((c) => c.buffer)).size).toBe(columns.length);
      // Nearly full: a view of the column's own array; otherwise a copy exactly its length.
      for (const c of columns) expect(c.buffer.byteLength > c.byteLength).toBe(view);
    }
  });
});
