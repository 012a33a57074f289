import { MAX_YEAR, MIN_YEAR } from '../scenario/fields';
import type { Column } from '../table';
import { roundHalfUp } from './round';
import type { ColumnSource, CompiledExpression, Vector } from './expression';

const FIRST_MS = Date.UTC(MIN_YEAR, 0, 1);
const END_MS = Date.UTC(MAX_YEAR + 1, 0, 1);

/** Largest scaled integer a fixed-point column writes exactly. */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** x as a fixed-point cell scaled by `scale` (10^decimals), or NaN where no file could hold it exactly (not finite, too large). */
export function fixedCell(x: number, scale: number): number {
  const scaled = roundHalfUp(x * scale);
  if (!(Math.abs(scaled) <= MAX_EXACT)) return NaN;
  return scaled === 0 ? 0 : scaled;
}

/** Text results with more distinct values than this are written as plain strings, not a dictionary. */
const MAX_DICTIONARY = 50_000;

/**
 * An expression's result written straight into a column as each block is evaluated (no whole
 * result vector in between): numbers fixed-point with `decimals` places, text a dictionary
 * while its words are few. A number too large to write exactly, or a time outside the
 * calendar's years (every file holds four-digit dates), is left empty.
 */
export function expressionColumn(name: string, expression: CompiledExpression, column: (name: string) => ColumnSource, rows: number, decimals: number): Column {
  const valid = new Uint8Array(rows);
  const finish = <C extends Column>(c: C): C => (valid.includes(0) ? { ...c, valid } : c);
  switch (expression.type) {
    case 'number': {
      const scale = 10 ** decimals;
      const values = new Float64Array(rows);
      expression.evaluateBlocks(column, rows, (v, from) => fixedCells(v.values as Float64Array, v.valid, scale, from, values, valid));
      return finish({ name, type: 'fixed', scale: decimals, values });
    }
    case 'boolean': {
      const values = new Uint8Array(rows);
      expression.evaluateBlocks(column, rows, (v, from) => {
        values.set(v.values as Float64Array, from);
        valid.set(v.valid, from);
      });
      return finish({ name, type: 'bool', values });
    }
    case 'timestamp': {
      const values = new Float64Array(rows);
      expression.evaluateBlocks(column, rows, (v, from) => {
        for (let i = 0; i < v.valid.length; i++) {
          const t = v.values[i] as number;
          if (t >= FIRST_MS && t < END_MS) {
            values[from + i] = roundHalfUp(t);
            valid[from + i] = v.valid[i];
          }
        }
      });
      return finish({ name, type: 'timestamp', values });
    }
    case 'string':
      return textColumn(name, expression, column, rows, valid);
  }
}

function textColumn(name: string, expression: CompiledExpression, column: (name: string) => ColumnSource, rows: number, valid: Uint8Array): Column {
  const words = new Map<string, number>();
  const indices = new Int32Array(rows);
  expression.evaluateBlocks(column, rows, (v: Vector, from) => {
    valid.set(v.valid, from);
    for (let i = 0; i < v.valid.length; i++) {
      if (!v.valid[i]) continue;
      const word = v.values[i] as string;
      let k = words.get(word);
      if (k === undefined) words.set(word, (k = words.size));
      indices[from + i] = k;
    }
  });
  const anyNull = valid.includes(0);
  const dictionary = [...words.keys()];
  if (words.size <= MAX_DICTIONARY) return { name, type: 'dict', dictionary: words.size ? dictionary : [''], indices, ...(anyNull ? { valid } : {}) };
  const values = Array.from(indices, (k, r) => (valid[r] ? dictionary[k] : ''));
  return { name, type: 'string', values, ...(anyNull ? { valid } : {}) };
}

/**
 * A block of numbers into the column's cells: null where the value is null or cannot be
 * written exactly. A function of its own, not a loop in each column's closure: a fresh closure
 * ran its first blocks unoptimised, boxing each double it read.
 */
function fixedCells(block: Float64Array, blockValid: Uint8Array, scale: number, from: number, values: Float64Array, valid: Uint8Array): void {
  for (let i = 0; i < blockValid.length; i++) {
    if (!blockValid[i]) continue;
    const cell = fixedCell(block[i], scale);
    if (!Number.isNaN(cell)) {
      values[from + i] = cell;
      valid[from + i] = 1;
    }
  }
}
