import { describe, expect, it } from 'vitest';
import { cellText, isNull } from '../table';
import { expressionColumn } from './expressionColumn';
import { cells, compiled, evaluate, nums, times } from './expression/testing';
import type { Vector } from './expression';

// An expression's blocks go straight into its column: every cell must be what the whole
// result vector says, across blocks (4,096 rows), in each result type.
const N = 60_000;
const subtotal = nums(...Array.from({ length: N }, (_, i) => (i % 101 === 0 ? null : (i * 7919) % 100_003)));
const created = times(...Array.from({ length: N }, (_, i) => Date.UTC(2024, 0, 1) + i * 60_000));
const columns: Record<string, Vector> = { subtotal, created_at: created };
const subtotals = subtotal.values as Float64Array;
const createdMs = created.values as Float64Array;
const read = (name: string) => columns[name];

function columnCells(source: string, decimals = 2) {
  const c = expressionColumn('x', compiled(source), read, N, decimals);
  return { c, cells: Array.from({ length: N }, (_, r) => (isNull(c, r) ? null : cellText(c, r))) };
}

describe('an expression written into its column a block at a time', () => {
  it('numbers: fixed-point to the decimals asked, null where the expression is null or the value cannot be written exactly', () => {
    const { c, cells: got } = columnCells('subtotal > 100000 ? subtotal * 1e300 * 1e10 : subtotal / 7', 3);
    expect(c.type).toBe('fixed');
    const want = cells(evaluate(compiled('subtotal / 7'), read, N)).map((v, i) => (v === null || (subtotals[i] > 100000 && subtotal.valid[i]) ? null : (Math.round((v as number) * 1000) / 1000).toFixed(3)));
    expect(got).toEqual(want);
  });

  it('text: a dictionary while the words are few, plain strings past 50,000 distinct, the same cells either way', () => {
    const few = columnCells("subtotal > 50000 ? 'high' : 'low'");
    expect(few.c.type).toBe('dict');
    expect(few.cells).toEqual(cells(evaluate(compiled("subtotal > 50000 ? 'high' : 'low'"), read, N)));
    const many = columnCells("concat('#', subtotal)");
    expect(many.c.type).toBe('string');
    expect(many.cells).toEqual(cells(evaluate(compiled("concat('#', subtotal)"), read, N)));
  });

  it('times: kept to the second, null outside the calendar’s years; booleans as they are', () => {
    const t = columnCells('subtotal > 99000 ? add_days(created_at, 400000) : created_at');
    expect(t.c.type).toBe('timestamp');
    const late = (i: number) => subtotal.valid[i] === 1 && subtotals[i] > 99000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    const wrong = t.cells.filter((v, i) => v !== (late(i) ? null : subtotal.valid[i] ? iso(createdMs[i]) : null));
    expect(wrong).toEqual([]);
    const b = columnCells('subtotal > 50000');
    expect(b.c.type).toBe('bool');
    expect(b.cells).toEqual(cells(evaluate(compiled('subtotal > 50000'), read, N)).map((v) => (v === null ? null : v ? '1' : '0')));
  });
});
