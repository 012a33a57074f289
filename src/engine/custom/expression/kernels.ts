import { type DictionaryCodes, type ValueType, type Vector } from './types';

type NumericVector = Extract<Vector, { values: Float64Array }>;
export type StringVector = Extract<Vector, { type: 'string' }>;
export type NumericType = NumericVector['type'];

/** Values and validity, whatever the values are. */
interface Column<T> {
  readonly values: ArrayLike<T>;
  readonly valid: Uint8Array;
}

// The compiler has checked every type; these only tell TypeScript which kind of vector it holds.
export function num(v: Vector): NumericVector {
  if (v.type === 'string') throw new Error('expected a numeric vector');
  return v;
}
export function str(v: Vector): StringVector {
  if (v.type !== 'string') throw new Error('expected a string vector');
  return v;
}
export const text = (v: Vector): Column<string | number> => v;

/**
 * The numeric temporaries of the block being evaluated, reused block after block: a fresh
 * pair of arrays per operation and block was most of an expression's time (allocation and the
 * collector). `startBlock` hands them out again, so a block's vectors are valid until the next
 * block starts: evaluateBlocks' contract ("read it, do not keep it").
 */
const temporaries: { values: Float64Array; valid: Uint8Array }[] = [];
let handedOut = 0;

/** A new block: every temporary of the one before may be reused. */
export function startBlock(): void {
  handedOut = 0;
}

function numbers(type: NumericType, n: number): NumericVector {
  let t = temporaries[handedOut];
  if (t === undefined || t.valid.length !== n) temporaries[handedOut] = t = { values: new Float64Array(n), valid: new Uint8Array(n) };
  else {
    t.values.fill(0);
    t.valid.fill(0);
  }
  handedOut++;
  return { type, values: t.values, valid: t.valid };
}

export function nullVector(type: ValueType, n: number): Vector {
  return type === 'string' ? { type, values: new Array<string>(n).fill(''), valid: new Uint8Array(n) } : numbers(type, n);
}

export function constantVector(value: number | string | boolean, n: number): Vector {
  const valid = new Uint8Array(n).fill(1);
  if (typeof value === 'string') return { type: 'string', values: new Array<string>(n).fill(value), valid, constant: value };
  if (typeof value === 'boolean') return { type: 'boolean', values: new Float64Array(n).fill(value ? 1 : 0), valid };
  return { type: 'number', values: new Float64Array(n).fill(value), valid };
}

/** f of each row that has a value; null where it has none or f's result is not a finite number. */
export function map<A>(type: NumericType, a: Column<A>, f: (x: A) => number): NumericVector {
  const out = numbers(type, a.valid.length);
  for (let i = 0; i < a.valid.length; i++) {
    if (a.valid[i] === 0) continue;
    const r = f(a.values[i]);
    if (Number.isFinite(r)) {
      out.values[i] = r;
      out.valid[i] = 1;
    }
  }
  return out;
}

/** f of each row where both have a value; null elsewhere and where f's result is not finite. */
export function zip<A, B>(type: NumericType, a: Column<A>, b: Column<B>, f: (x: A, y: B) => number): NumericVector {
  const out = numbers(type, a.valid.length);
  for (let i = 0; i < a.valid.length; i++) {
    if (a.valid[i] === 0 || b.valid[i] === 0) continue;
    const r = f(a.values[i], b.values[i]);
    if (Number.isFinite(r)) {
      out.values[i] = r;
      out.valid[i] = 1;
    }
  }
  return out;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * a op b over numbers (and times, true/false), one loop per operator with the operator
 * written inline: through a callback shared by every operator the same loops ran 2-4×
 * slower (V8 cannot inline a call site that sees many functions). Null where either side
 * is null or the result is not finite (division by zero, overflow).
 */
export function numericBinary(op: ArithmeticOp | ComparisonOp, type: NumericType, a: NumericVector, b: NumericVector): NumericVector {
  const n = a.valid.length;
  const out = numbers(type, n);
  const x = a.values;
  const y = b.values;
  const xa = a.valid;
  const yb = b.valid;
  const o = out.values;
  const v = out.valid;
  // r - r is 0 for a finite r, NaN for ±Infinity and NaN.
  const put = (i: number, r: number) => {
    if (r - r === 0) {
      o[i] = r;
      v[i] = 1;
    }
  };
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) if (xa[i] & yb[i]) put(i, x[i] + y[i]);
      break;
    case '-':
      for (let i = 0; i < n; i++) if (xa[i] & yb[i]) put(i, x[i] - y[i]);
      break;
    case '*':
      for (let i = 0; i < n; i++) if (xa[i] & yb[i]) put(i, x[i] * y[i]);
      break;
    case '/':
      for (let i = 0; i < n; i++) if (xa[i] & yb[i]) put(i, x[i] / y[i]);
      break;
    case '%':
      for (let i = 0; i < n; i++) if (xa[i] & yb[i]) put(i, x[i] % y[i]);
      break;
    case '==':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] === y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
    case '!=':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] !== y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
    case '<':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] < y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
    case '<=':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] <= y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
    case '>':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] > y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
    case '>=':
      for (let i = 0; i < n; i++)
        if (xa[i] & yb[i]) {
          o[i] = x[i] >= y[i] ? 1 : 0;
          v[i] = 1;
        }
      break;
  }
  return out;
}

/**
 * a == b (or, with `equal` false, a != b) over text, the comparison written inline: through
 * zip's callback it was a third of a text comparison's time.
 */
export function textEquality(a: StringVector, b: StringVector, equal: boolean): NumericVector {
  // By the codes when the dictionary is no longer than the block (its words are compared once a block).
  if (a.words && b.constant !== undefined && a.words.dictionary.length <= a.valid.length) return codedEquality(a.words, a.valid, b.constant, equal);
  if (b.words && a.constant !== undefined && b.words.dictionary.length <= b.valid.length) return codedEquality(b.words, b.valid, a.constant, equal);
  const n = a.valid.length;
  const out = numbers('boolean', n);
  const { values: x, valid: xa } = a;
  const { values: y, valid: yb } = b;
  const o = out.values;
  const v = out.valid;
  for (let i = 0; i < n; i++)
    if (xa[i] & yb[i]) {
      o[i] = (x[i] === y[i]) === equal ? 1 : 0;
      v[i] = 1;
    }
  return out;
}

/** Dictionary-coded text against one string: each word compared once, each row a lookup (the literal side has a value in every row). */
function codedEquality({ codes, dictionary }: DictionaryCodes, valid: Uint8Array, constant: string, equal: boolean): NumericVector {
  const n = valid.length;
  const out = numbers('boolean', n);
  const answer = Float64Array.from(dictionary, (w) => ((w === constant) === equal ? 1 : 0));
  const o = out.values;
  const v = out.valid;
  for (let i = 0; i < n; i++)
    if (valid[i]) {
      o[i] = answer[codes[i]];
      v[i] = 1;
    }
  return out;
}

export function mapText<A>(a: Column<A>, f: (x: A) => string): StringVector {
  const values = new Array<string>(a.valid.length).fill('');
  for (let i = 0; i < a.valid.length; i++) if (a.valid[i] === 1) values[i] = f(a.values[i]);
  return { type: 'string', values, valid: a.valid.slice() };
}

export function zipText<A, B>(a: Column<A>, b: Column<B>, f: (x: A, y: B) => string): StringVector {
  const values = new Array<string>(a.valid.length).fill('');
  const valid = new Uint8Array(a.valid.length);
  for (let i = 0; i < a.valid.length; i++) {
    if (a.valid[i] === 0 || b.valid[i] === 0) continue;
    values[i] = f(a.values[i], b.values[i]);
    valid[i] = 1;
  }
  return { type: 'string', values, valid };
}

/**
 * Three-valued and (dominant 0) or or (dominant 1): a known dominant value on either side decides
 * the row; otherwise the row is known only when both sides are.
 */
export function kleene(a: NumericVector, b: NumericVector, dominant: 0 | 1): NumericVector {
  const out = numbers('boolean', a.valid.length);
  const truth = (v: NumericVector, i: number) => (v.valid[i] === 0 ? -1 : v.values[i] !== 0 ? 1 : 0);
  for (let i = 0; i < a.valid.length; i++) {
    const x = truth(a, i);
    const y = truth(b, i);
    if (x === dominant || y === dominant) {
      out.values[i] = dominant;
      out.valid[i] = 1;
    } else if (x >= 0 && y >= 0) {
      out.values[i] = 1 - dominant;
      out.valid[i] = 1;
    }
  }
  return out;
}

/** Whether each row is null (or, with isNull false, has a value); never null itself. */
export function nullTest(v: Vector, isNull: boolean): NumericVector {
  const out = numbers('boolean', v.valid.length);
  out.valid.fill(1);
  for (let i = 0; i < v.valid.length; i++) out.values[i] = (v.valid[i] === 0) === isNull ? 1 : 0;
  return out;
}

/** c ? y : n over numbers in one loop; null where c is null or the chosen side is. */
export function ternary(type: NumericType, c: NumericVector, y: NumericVector, n: NumericVector): NumericVector {
  const count = c.valid.length;
  const out = numbers(type, count);
  // Every array in a local: picking a vector per row and reading its fields cost a third more.
  const { values: test, valid: known } = c;
  const { values: yes, valid: yesValid } = y;
  const { values: no, valid: noValid } = n;
  const { values: o, valid: v } = out;
  for (let i = 0; i < count; i++) {
    if (known[i] === 0) continue;
    if (test[i] !== 0) {
      if (yesValid[i] === 0) continue;
      o[i] = yes[i];
    } else {
      if (noValid[i] === 0) continue;
      o[i] = no[i];
    }
    v[i] = 1;
  }
  return out;
}

/** Row i copied from sources[choose(i)]; null where choose gives -1 or that source's row is null. */
export function pick(type: ValueType, sources: readonly Vector[], n: number, choose: (i: number) => number): Vector {
  const valid = new Uint8Array(n);
  const copy = <T>(columns: readonly Column<T>[], values: { [i: number]: T }) => {
    for (let i = 0; i < n; i++) {
      const k = choose(i);
      if (k < 0 || columns[k].valid[i] === 0) continue;
      values[i] = columns[k].values[i];
      valid[i] = 1;
    }
  };
  if (type === 'string') {
    const values = new Array<string>(n).fill('');
    copy(sources.map(str), values);
    return { type, values, valid };
  }
  const values = new Float64Array(n);
  copy(sources.map(num), values);
  return { type, values, valid };
}
