import { MS_PER_HOUR } from '../../time';
import { type ArithmeticOp, type ComparisonOp, kleene, num, numericBinary, str, text, textEquality, zip, zipText } from './kernels';
import { type ValueType, type Vector } from './types';

interface Signature {
  left: ValueType;
  right: ValueType;
  result: ValueType;
  kernel: (a: Vector, b: Vector) => Vector;
}

const arithmetic = (op: ArithmeticOp): Signature => ({ left: 'number', right: 'number', result: 'number', kernel: (a, b) => numericBinary(op, 'number', num(a), num(b)) });
const joined = (left: ValueType, right: ValueType): Signature => ({ left, right, result: 'string', kernel: (a, b) => zipText(text(a), text(b), (x, y) => `${x}${y}`) });
const logic = (dominant: 0 | 1): Signature[] => [{ left: 'boolean', right: 'boolean', result: 'boolean', kernel: (a, b) => kleene(num(a), num(b), dominant) }];

/** A comparison's signatures: numbers, times and true/false through one inline loop each, text by its order. */
function comparison(op: ComparisonOp, types: readonly ValueType[] = ['number', 'timestamp', 'string']): Signature[] {
  const holds = (order: number) => (op === '==' ? order === 0 : op === '!=' ? order !== 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0);
  const order = (x: string, y: string) => (holds(x < y ? -1 : x > y ? 1 : 0) ? 1 : 0);
  // Equality straight from ===, the same answer as neither < nor > and one comparison, not two.
  const textKernel = op === '==' || op === '!=' ? (a: Vector, b: Vector) => textEquality(str(a), str(b), op === '==') : (a: Vector, b: Vector) => zip('boolean', str(a), str(b), order);
  return types.map((type) => ({
    left: type,
    right: type,
    result: 'boolean',
    kernel: type === 'string' ? textKernel : (a, b) => numericBinary(op, 'boolean', num(a), num(b)),
  }));
}

/** Signatures in order of preference: the first that fits wins (so null + null is a number). */
export const BINARY = new Map<string, Signature[]>([
  ['+', [arithmetic('+'), joined('string', 'string'), joined('string', 'number'), joined('number', 'string')]],
  ['-', [arithmetic('-'), { left: 'timestamp', right: 'timestamp', result: 'number', kernel: (a, b) => zip('number', num(a), num(b), (x, y) => (x - y) / MS_PER_HOUR) }]],
  ['*', [arithmetic('*')]],
  ['/', [arithmetic('/')]],
  ['%', [arithmetic('%')]],
  ['==', comparison('==', ['number', 'timestamp', 'string', 'boolean'])],
  ['!=', comparison('!=', ['number', 'timestamp', 'string', 'boolean'])],
  ['<', comparison('<')],
  ['<=', comparison('<=')],
  ['>', comparison('>')],
  ['>=', comparison('>=')],
  ['and', logic(0)],
  ['&&', logic(0)],
  ['or', logic(1)],
  ['||', logic(1)],
]);

/** jsep reads these JavaScript operators; the language has another way to say each. */
export const UNSUPPORTED_HINTS = new Map([
  ['===', "use '=='"],
  ['!==', "use '!='"],
  ['**', 'use pow(x, y)'],
  ['&', "use 'and'"],
  ['|', "use 'or'"],
  ['??', 'use coalesce(a, b)'],
]);
