import { fail } from './errors';
import { nullVector, num, pick, ternary } from './kernels';
import { type ValueType, type Vector } from './types';

/** The type of an operand; 'null' only for a null literal whose place has not yet given it a type. */
type Type = ValueType | 'null';

export interface Rows {
  readonly count: number;
  column(name: string): Vector;
}

/** One node of the compiled tree: `run` computes the node's whole column. */
export interface Op {
  readonly type: Type;
  /** Where the operand starts in the source (0-based), for errors about it. */
  readonly at: number;
  /** Set on literals: the value, known before any row. */
  readonly literal?: { value: string | number | boolean | null };
  run(rows: Rows): Vector;
}

export function operation(type: ValueType, at: number, inputs: readonly Op[], kernel: (vectors: Vector[], count: number) => Vector): Op {
  return { type, at, run: (rows) => kernel(inputs.map((op) => op.run(rows)), rows.count) };
}

/** The operand as `type`: a null literal becomes an all-null column of it; others are unchanged. */
export function as(op: Op, type: ValueType): Op {
  return op.type === 'null' ? { ...op, type, run: (rows) => nullVector(type, rows.count) } : op;
}

export const fits = (op: Op, type: ValueType) => op.type === type || op.type === 'null';
export const isNullLiteral = (op: Op) => op.literal?.value === null;

/** The one type operands share (a null literal fits any); number when all are null literals. */
export function commonType(ops: readonly Op[], mismatch: (op: Op, expected: ValueType) => never): ValueType {
  let type: ValueType | undefined;
  for (const op of ops) {
    if (op.type === 'null') continue;
    if (type === undefined) type = op.type;
    else if (op.type !== type) mismatch(op, type);
  }
  return type ?? 'number';
}


/**
 * c ? a : b, and if(c, a, b), whose type errors are E132 and E133 (wrong arguments) respectively;
 * `what` names it in errors. Both branches are computed whole, then each row picks from one.
 */
export function choose(at: number, [test, yes, no]: readonly Op[], code: 'E132' | 'E133', what: string): Op {
  if (!fits(test, 'boolean')) fail(code, test.at, `${test.type} condition`, `${what} needs a boolean condition`);
  const type = commonType([yes, no], (op, expected) => fail(code, op.at, `${op.type} branch`, `the other branch of ${what} is ${expected}`));
  return operation(type, at, [as(test, 'boolean'), as(yes, type), as(no, type)], ([c, y, n], count) => {
    const condition = num(c);
    if (type !== 'string') return ternary(type, condition, num(y), num(n));
    return pick(type, [y, n], count, (i) => (condition.valid[i] === 0 ? -1 : condition.values[i] !== 0 ? 0 : 1));
  });
}

export function arityText(min: number, max: number): string {
  if (min === max) return `${min} ${plural(min, 'argument')}`;
  return max === Infinity ? `at least ${min} ${plural(min, 'argument')}` : `${min} or ${max} arguments`;
}

export const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

export function typeHint(operator: string, left: Op, right: Op): string | undefined {
  const types = [left.type, right.type];
  if ((operator === '+' || operator === '-') && types.includes('timestamp') && types.includes('number')) return 'move a time with add_hours(time, n) or add_days(time, n)';
  return undefined;
}
