import { civilFromDays, MS_PER_DAY, MS_PER_HOUR, weekday } from '../../time';
import { didYouMean, fail } from './errors';
import { type NumericType, type StringVector, map, mapText, nullTest, num, pick, str, text, zip, zipText } from './kernels';
import { type Op, as, choose, commonType, operation } from './ops';
import { type ExpressionEnv, type ValueType } from './types';

/** A call being compiled, with checks of its arguments. */
export class Call {
  readonly name: string;
  readonly at: number;
  readonly args: readonly Op[];
  readonly env: ExpressionEnv;

  constructor(name: string, at: number, args: readonly Op[], env: ExpressionEnv) {
    this.name = name;
    this.at = at;
    this.args = args;
    this.env = env;
  }

  /** Argument i, which must be one of `types` (a null literal becomes the first). */
  arg(i: number, ...types: ValueType[]): Op {
    const op = this.args[i];
    if (op.type !== 'null' && !types.includes(op.type)) this.fail(i, `${op.type} argument`, `argument ${i + 1} must be ${types.join(' or ')}`);
    return as(op, types[0]);
  }

  /** Every argument, all of one type among `types`. */
  sameType(types: readonly ValueType[]): { type: ValueType; args: Op[] } {
    const type = commonType(this.args, (op, expected) => this.fail(this.args.indexOf(op), `${op.type} argument`, `the arguments must all be ${expected}`));
    if (!types.includes(type)) this.fail(this.args.findIndex((op) => op.type === type), `${type} argument`, `it takes ${types.join(' or ')}`);
    return { type, args: this.args.map((op) => as(op, type)) };
  }

  /** Argument i as a whole-number literal from min to max. */
  wholeLiteral(i: number, min: number, max: number): number {
    const value = this.args[i].literal?.value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) this.fail(i, `argument ${i + 1}`, `it must be a whole number from ${min} to ${max}, written out`);
    return value;
  }

  /** E133 at argument i: "round: string argument at 7; …". */
  fail(i: number, text: string, hint: string): never {
    return fail('E133', this.args[i].at, `${this.name}: ${text}`, hint);
  }
}

interface FunctionDef {
  /** The parameters as the help shows them: "x, digits?". */
  params: string;
  /** Fewest and most arguments. */
  arity: readonly [number, number];
  compile(call: Call): Op;
}

/** f of one number: floor, sqrt, … */
const math = (f: (x: number) => number): FunctionDef => ({
  params: 'x',
  arity: [1, 1],
  compile: (c) => operation('number', c.at, [c.arg(0, 'number')], ([x]) => map('number', num(x), f)),
});

/** f folded over two or more numbers, or two or more timestamps. */
const extreme = (f: (x: number, y: number) => number): FunctionDef => ({
  params: 'a, b, …',
  arity: [2, Infinity],
  compile(c) {
    const { type, args } = c.sameType(['number', 'timestamp']);
    return operation(type, c.at, args, (vs) => vs.map(num).reduce((acc, v) => zip(type as NumericType, acc, v, f)));
  },
});

const onText = (f: (s: string) => string): FunctionDef => ({
  params: 'text',
  arity: [1, 1],
  compile: (c) => operation('string', c.at, [c.arg(0, 'string')], ([s]) => mapText(str(s), f)),
});

/** A number read from a time (UTC). */
const timePart = (f: (ms: number) => number): FunctionDef => ({
  params: 'time',
  arity: [1, 1],
  compile: (c) => operation('number', c.at, [c.arg(0, 'timestamp')], ([t]) => map('number', num(t), f)),
});

const shift = (msPerUnit: number): FunctionDef => ({
  params: 'time, n',
  arity: [2, 2],
  compile: (c) => operation('timestamp', c.at, [c.arg(0, 'timestamp'), c.arg(1, 'number')], ([t, n]) => zip('timestamp', num(t), num(n), (ms, k) => ms + k * msPerUnit)),
});

const dayOf = (ms: number) => Math.floor(ms / MS_PER_DAY);

export const FUNCTIONS = new Map<string, FunctionDef>([
  [
    'round',
    {
      params: 'x, digits?',
      arity: [1, 2],
      compile(c) {
        const digits = c.args.length > 1 ? c.wholeLiteral(1, 0, 10) : 0;
        return operation('number', c.at, [c.arg(0, 'number')], ([x]) => map('number', num(x), (v) => roundHalfAway(v, digits)));
      },
    },
  ],
  ['floor', math(Math.floor)],
  ['ceil', math(Math.ceil)],
  ['abs', math(Math.abs)],
  ['sqrt', math(Math.sqrt)],
  ['ln', math(Math.log)],
  ['exp', math(Math.exp)],
  ['pow', { params: 'x, y', arity: [2, 2], compile: (c) => operation('number', c.at, [c.arg(0, 'number'), c.arg(1, 'number')], ([x, y]) => zip('number', num(x), num(y), Math.pow)) }],
  ['min', extreme(Math.min)],
  ['max', extreme(Math.max)],
  [
    'clamp',
    {
      // max(x, lo), then min(…, hi): where lo > hi, hi wins.
      params: 'x, lo, hi',
      arity: [3, 3],
      compile: (c) => operation('number', c.at, [0, 1, 2].map((i) => c.arg(i, 'number')), ([x, lo, hi]) => zip('number', zip('number', num(x), num(lo), Math.max), num(hi), Math.min)),
    },
  ],
  [
    'coalesce',
    {
      params: 'a, b, …',
      arity: [2, Infinity],
      compile(c) {
        const { type, args } = c.sameType(['number', 'string', 'boolean', 'timestamp']);
        return operation(type, c.at, args, (vs, count) => pick(type, vs, count, (i) => vs.findIndex((v) => v.valid[i] === 1)));
      },
    },
  ],
  ['is_null', { params: 'x', arity: [1, 1], compile: (c) => operation('boolean', c.at, [as(c.args[0], 'number')], ([v]) => nullTest(v, true)) }],
  ['if', { params: 'condition, a, b', arity: [3, 3], compile: (c) => choose(c.at, c.args, 'E133', 'if(c, a, b)') }],
  ['lower', onText((s) => s.toLowerCase())],
  ['upper', onText((s) => s.toUpperCase())],
  // In UTF-16 code units, as JavaScript counts.
  ['length', { params: 'text', arity: [1, 1], compile: (c) => operation('number', c.at, [c.arg(0, 'string')], ([s]) => map('number', str(s), (x) => x.length)) }],
  [
    'concat',
    {
      // Text and numbers, as + joins them.
      params: 'a, b, …',
      arity: [1, Infinity],
      compile(c) {
        const args = c.args.map((_, i) => c.arg(i, 'string', 'number'));
        return operation('string', c.at, args, ([first, ...rest]) =>
          rest.reduce<StringVector>((acc, v) => zipText(acc, text(v), (x, y) => `${x}${y}`), mapText(text(first), (x) => `${x}`)),
        );
      },
    },
  ],
  ['day_of_week', timePart((ms) => weekday(dayOf(ms)) + 1)], // 1 Monday … 7 Sunday
  ['hour', timePart((ms) => mod(Math.floor(ms / MS_PER_HOUR), 24))],
  ['day', timePart((ms) => civilFromDays(dayOf(ms))[2])],
  ['month', timePart((ms) => civilFromDays(dayOf(ms))[1])],
  ['year', timePart((ms) => civilFromDays(dayOf(ms))[0])],
  ['add_hours', shift(MS_PER_HOUR)],
  ['add_days', shift(MS_PER_DAY)],
  ['event_active', { params: "'event_id', time", arity: [2, 2], compile: eventActive }],
]);

/** Every function with its parameters, for the editor's help: "round(x, digits?)", … */
export const EXPRESSION_FUNCTIONS: readonly string[] = [...FUNCTIONS].map(([name, f]) => `${name}(${f.params})`);

function eventActive(c: Call): Op {
  const id = c.args[0].literal?.value;
  if (typeof id !== 'string') c.fail(0, 'argument 1', "it must be an event id in quotes, such as 'flash_sale'");
  const event = c.env.events.find((e) => e.id === id);
  if (!event) return fail('E131', c.args[0].at, `unknown event '${id}'`, c.env.events.length === 0 ? 'this scenario has no events (add one on the timeline)' : (didYouMean(id, c.env.events.map((e) => e.id)) ?? `its events: ${c.env.events.map((e) => `'${e.id}'`).join(', ')}`));
  const { startMs, endMs } = event;
  return operation('boolean', c.at, [c.arg(1, 'timestamp')], ([t]) => map('boolean', num(t), (ms) => (ms >= startMs && ms < endMs ? 1 : 0)));
}

/** Half away from zero, to `digits` decimals. */
function roundHalfAway(x: number, digits: number): number {
  const scale = 10 ** digits;
  // From 2^52 on, x * scale has no fraction left to round (and could overflow): x is already rounded.
  if (Math.abs(x) * scale >= 2 ** 52) return x;
  return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
}

const mod = (a: number, m: number) => ((a % m) + m) % m;
