// Columns, an environment and small helpers the expression tests share.
import { expect } from 'vitest';
import { compileExpression, type ColumnSource, type CompiledExpression, type ExpressionEnv, type ValueType, type Vector } from '.';
import { nullVector } from './kernels';

export const FLASH_START = Date.UTC(2024, 0, 10);
export const FLASH_END = Date.UTC(2024, 0, 12);

export const COLUMNS: [string, ValueType][] = [
  ['subtotal', 'number'],
  ['total', 'number'],
  ['qty', 'number'],
  ['order_count', 'number'],
  ['channel', 'string'],
  ['notes', 'string'],
  ['customer.cohort', 'string'],
  ['created_at', 'timestamp'],
  ['shipped_at', 'timestamp'],
  ['is_gift', 'boolean'],
  ['is_member', 'boolean'],
];
export const ENV: ExpressionEnv = {
  columns: new Map(COLUMNS),
  events: [
    { id: 'flash_sale', startMs: FLASH_START, endMs: FLASH_END },
    { id: 'black_friday', startMs: Date.UTC(2024, 10, 29), endMs: Date.UTC(2024, 10, 30) },
  ],
};

export type Cell = number | string | boolean | null;

export const numeric = (type: 'number' | 'timestamp' | 'boolean', xs: readonly (number | null)[]): Vector => ({
  type,
  values: Float64Array.from(xs, (x) => x ?? 0),
  valid: Uint8Array.from(xs, (x) => (x === null ? 0 : 1)),
});
export const nums = (...xs: (number | null)[]) => numeric('number', xs);
export const times = (...xs: (number | null)[]) => numeric('timestamp', xs);
export const bools = (...xs: (boolean | null)[]) => numeric('boolean', xs.map((x) => (x === null ? null : x ? 1 : 0)));
export const strs = (...xs: (string | null)[]): Vector => ({ type: 'string', values: xs.map((x) => x ?? ''), valid: Uint8Array.from(xs, (x) => (x === null ? 0 : 1)) });

/** A vector as a plain list: null where invalid, booleans as true/false. */
export function cells(v: Vector): Cell[] {
  return Array.from(v.valid, (ok, i) => (ok === 0 ? null : v.type === 'boolean' ? v.values[i] === 1 : v.values[i]));
}

/** The whole result of an expression as one vector (a single block's result as it comes: possibly an input vector itself). */
export function evaluate(expression: CompiledExpression, column: (name: string) => ColumnSource, rowCount: number): Vector {
  let whole: Vector | undefined;
  expression.evaluateBlocks(column, rowCount, (v, from) => {
    // Copied: a block's vector is reused by the next evaluation.
    whole ??= nullVector(expression.type, rowCount);
    whole.valid.set(v.valid, from);
    if (whole.type === 'string') for (let i = 0; i < v.valid.length; i++) (whole.values as string[])[from + i] = v.values[i] as string;
    else whole.values.set(v.values as Float64Array, from);
  });
  return whole!;
}

export function compiled(source: string) {
  const r = compileExpression(source, ENV);
  if (!r.ok) throw new Error(`${source}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Evaluates `source` over the given columns (rows: their length, or `rows` when none is read). */
export function run(source: string, columns: Record<string, Vector> = {}, rows = 1): { type: ValueType; cells: Cell[] } {
  const expression = compiled(source);
  const count = Object.values(columns)[0]?.valid.length ?? rows;
  const v = evaluate(expression, (name) => columns[name], count);
  expect(v.type).toBe(expression.type);
  return { type: expression.type, cells: cells(v) };
}

/** The single value of an expression that reads no column. */
export const value = (source: string) => run(source).cells[0];

export function error(source: string) {
  const r = compileExpression(source, ENV);
  if (r.ok) throw new Error(`${source} compiled; expected an error`);
  return r.error;
}
