/**
 * The expression language of custom columns: `subtotal >= 50 ? 0 : 4.99`,
 * `customer.cohort == 'gen_z' and channel == 'app'`, `event_active('flash_sale', created_at)`.
 *
 * An expression is parsed once (jsep), type-checked, and compiled into a tree of column
 * operations. Evaluation runs each operation over whole columns: one loop over the rows per
 * node, never a walk of the tree per row. Nothing is eval'd (the page's CSP forbids eval and
 * new Function).
 *
 * Semantics
 * - Types: number, string, boolean, timestamp (ms since epoch, UTC). Any row of any value may be null.
 * - Literals: numbers, 'text' or "text", true, false, null. A null literal takes whatever type its
 *   place needs (number where several would do). `customer.cohort` names one column.
 * - Null in, null out, except where said below.
 * - + - * / % on numbers; + joins text when either side is text (a number is written as JavaScript's
 *   String(n) writes it). Unary minus. Division or remainder by zero, and any other result that is
 *   not a finite number (exp(1000), sqrt(-1), ln(0)), is null: no NaN or Infinity ever comes out.
 * - timestamp - timestamp is the number of hours between them. timestamp ± number is a type error:
 *   add_hours and add_days move a time.
 * - == != < <= > >= compare number with number, timestamp with timestamp, text with text (by UTF-16
 *   code unit), and (== and != only) boolean with boolean. `x == null` and `x != null` test for null
 *   and are never null themselves; any other comparison with null is null.
 * - and, or, not (also &&, ||, !) take booleans with SQL's three-valued logic: false and null is false,
 *   true or null is true, not null is null. Precedence is JavaScript's: and binds tighter than or, and
 *   not (like !) binds tighter than any binary operator, so `not a == b` reads `(not a) == b`.
 * - c ? a : b and if(c, a, b): c is boolean, a null condition gives null, a and b share one type.
 * - Functions (names are case-sensitive, see FUNCTIONS): round(x, digits?) half away from zero, digits
 *   a whole number 0-10 written out; floor, ceil, abs, sqrt, ln, exp, pow(x, y); min and max(a, b, …) of
 *   numbers or of timestamps; clamp(x, lo, hi); coalesce(a, b, …), the first that is not null;
 *   is_null(x); if(c, a, b); lower, upper, length (in UTF-16 code units); concat(a, …) of text and
 *   numbers; day_of_week (1 Monday … 7 Sunday), hour, day, month, year of a time in UTC;
 *   add_hours(time, n), add_days(time, n); event_active('event_id', time), true where the event's
 *   window [start, end) holds the time. min, max and concat are null where any argument is null.
 *
 * Errors come back as values, never thrown, with a 1-based position in the source: E130 cannot be
 * read (syntax; over 2,000 characters; nested over 64 deep, where every operator, call and ?: is a
 * level, so a chain of 65 additions is too deep too), E131 unknown column or event, E132 types do not
 * fit, E133 unknown function or wrong arguments.
 */
import jsep from 'jsep';
import { civilFromDays, MS_PER_DAY, MS_PER_HOUR, weekday } from '../time';

export type ValueType = 'number' | 'string' | 'boolean' | 'timestamp';
/** A whole column of values. number/timestamp(ms since epoch UTC)/boolean(0|1) in Float64Array; strings in an array. valid[i] = 1 where row i has a value, 0 where null. */
export type Vector =
  | { type: 'number' | 'timestamp' | 'boolean'; values: Float64Array; valid: Uint8Array }
  | { type: 'string'; values: readonly string[]; valid: Uint8Array };
export interface ExpressionEnv {
  /** Every column the expression may name, with its type: own-table columns ("subtotal") and columns reached through a key ("customer.cohort"). Order matters only for suggestions. */
  columns: ReadonlyMap<string, ValueType>;
  /** Events of the scenario, by id, with their active window [startMs, endMs). */
  events: readonly { id: string; startMs: number; endMs: number }[];
}
export interface ExpressionError {
  code: 'E130' | 'E131' | 'E132' | 'E133';
  /** 1-based character position in the source */
  position: number;
  message: string;
}
export interface CompiledExpression {
  /** The result type, known before any row is evaluated. */
  type: ValueType;
  /** Column names the expression reads (for dependency order / cycle checks), deduplicated, in first-use order. */
  reads: string[];
  /** Evaluates over rowCount rows; `column(name)` returns the Vector of a column named in reads (same length rowCount). */
  evaluate(column: (name: string) => Vector, rowCount: number): Vector;
}

export const MAX_SOURCE_LENGTH = 2000;
export const MAX_DEPTH = 64;

/** Parses, checks and compiles `source` against the columns and events of `env`; never throws. */
export function compileExpression(source: string, env: ExpressionEnv): { ok: true; value: CompiledExpression } | { ok: false; error: ExpressionError } {
  try {
    if (source.length > MAX_SOURCE_LENGTH) fail('E130', MAX_SOURCE_LENGTH, 'too long', `an expression holds at most ${MAX_SOURCE_LENGTH} characters`);
    const compiler = new Compiler(source, env);
    const root = as(compiler.compile(parse(source), 1), 'number');
    return { ok: true, value: compiled(root, compiler.reads, env.columns) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    // A bug here must not break the page the user is typing in; the tests look for this message.
    return { ok: false, error: { code: 'E130', position: 1, message: `${INTERNAL_ERROR}: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** Starts the message of an error that is a bug in this module, not in the expression. */
export const INTERNAL_ERROR = 'the expression could not be compiled';

function compiled(root: Op, reads: string[], columns: ReadonlyMap<string, ValueType>): CompiledExpression {
  const types = new Map(reads.map((name) => [name, columns.get(name)!]));
  return {
    type: root.type as ValueType,
    reads,
    evaluate(column, rowCount) {
      const read = new Map<string, Vector>();
      const rows: Rows = {
        count: rowCount,
        column(name) {
          let v = read.get(name);
          if (!v) read.set(name, (v = checkedColumn(name, column(name), types.get(name)!, rowCount)));
          return v;
        },
      };
      return root.run(rows);
    },
  };
}

/** A wrong column from the caller would give wrong values silently; fail loudly instead. */
function checkedColumn(name: string, v: Vector, type: ValueType, rowCount: number): Vector {
  if (v.type !== type) throw new Error(`column '${name}' is ${v.type}; the expression was compiled for ${type}`);
  if (v.values.length !== rowCount || v.valid.length !== rowCount) throw new Error(`column '${name}' has ${v.values.length} values for ${rowCount} rows`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Errors

class Failure extends Error {
  readonly error: ExpressionError;
  constructor(error: ExpressionError) {
    super(error.message);
    this.error = error;
  }
}

/** Stops compiling with an error at `index` (0-based; reported 1-based). */
function fail(code: ExpressionError['code'], index: number, text: string, hint?: string): never {
  const position = index + 1;
  throw new Failure({ code, position, message: `${text} at ${position}${hint ? `; ${hint}` : ''}` });
}

function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const near = nearest(name, candidates);
  return near === undefined ? undefined : `did you mean '${near}'?`;
}

/**
 * The candidate a typo most likely meant: within edit distance 2, or one name a prefix of the other,
 * or the candidate reaching the name through a key ("cohort" → "customer.cohort"). Ties go to the
 * candidate listed first.
 */
function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const typed = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const gap = Math.abs(c.length - typed.length);
    const related = typed.length >= 3 && (c.startsWith(typed) || typed.startsWith(c) || c.endsWith(`.${typed}`));
    // A related name differs only by the characters added or dropped; any other name within two
    // edits is within two characters of the length.
    const distance = related ? gap : gap <= 2 ? editDistance(typed, c) : Infinity;
    if ((related || (distance <= 2 && distance < typed.length)) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// ---------------------------------------------------------------------------------------------
// Parsing: jsep, with words for the logic operators and a record of where each token sits.

/** Where a node sits in the source, 0-based; `end` is past the token and the spaces after it. */
interface Span {
  start: number;
  end: number;
}

// jsep 1.x nodes carry no positions; its token hooks see the parser's index, so record them here.
const spans = new WeakMap<jsep.Expression, Span>();
/** Where each token being read began; tokens nest (unary operators, groups, arguments). */
const tokenStarts: number[] = [];

const PERIOD = 46;
const isDigit = (code: number) => code >= 48 && code <= 57;

// jsep's configuration is global to the page; registering as a plugin makes this happen once.
jsep.plugins.register({
  name: 'custom-column-expressions',
  init() {
    jsep.addBinaryOp('or', 1); // as ||
    jsep.addBinaryOp('and', 2); // as &&
    jsep.addUnaryOp('not');
    jsep.hooks.add('gobble-token', function (env) {
      tokenStarts.push(this.index);
      // jsep returns number literals without running 'after-token', so read them here, where it does.
      if (isDigit(this.code) || this.code === PERIOD) env.node = this.gobbleNumericLiteral();
    });
    jsep.hooks.add('after-token', function (env) {
      const start = tokenStarts.pop()!;
      if (!env.node) return;
      // A group "(x)" passes x through again: keep x's own start, take the group's end.
      const known = spans.get(env.node);
      spans.set(env.node, { start: known?.start ?? start, end: this.index });
    });
  },
});

function parse(source: string): jsep.Expression {
  tokenStarts.length = 0;
  try {
    return jsep(source);
  } catch (e) {
    if (e instanceof RangeError) fail('E130', 0, 'nested too deeply');
    const { index, description } = e as { index?: number; description?: string };
    if (typeof index !== 'number' || typeof description !== 'string') throw e;
    return fail('E130', Math.min(index, source.length), description.charAt(0).toLowerCase() + description.slice(1));
  }
}

function startOf(node: jsep.Expression): number {
  const span = spans.get(node);
  if (span) return span.start;
  const n = node as jsep.CoreExpression;
  if (n.type === 'BinaryExpression') return startOf(n.left);
  if (n.type === 'ConditionalExpression') return startOf(n.test);
  return 0;
}

function endOf(node: jsep.Expression): number {
  const span = spans.get(node);
  if (span) return span.end;
  const n = node as jsep.CoreExpression;
  if (n.type === 'BinaryExpression') return endOf(n.right);
  if (n.type === 'ConditionalExpression') return endOf(n.alternate);
  return 0;
}

/** A binary operator comes right after its left operand and any spaces (jsep's four). */
function operatorAt(source: string, node: jsep.BinaryExpression): number {
  let i = endOf(node.left);
  while (i < source.length && ' \t\n\r'.includes(source[i])) i++;
  return i;
}

/** "customer.cohort" from the member expression jsep reads it as; undefined for anything else. */
function dottedName(node: jsep.Expression): string | undefined {
  const n = node as jsep.CoreExpression;
  if (n.type === 'Identifier') return n.name;
  if (n.type !== 'MemberExpression' || n.computed || n.optional) return undefined;
  const object = dottedName(n.object);
  const property = dottedName(n.property);
  return object === undefined || property === undefined ? undefined : `${object}.${property}`;
}

// ---------------------------------------------------------------------------------------------
// Compiling: type-check the tree and turn each node into a column operation.

/** The type of an operand; 'null' only for a null literal whose place has not yet given it a type. */
type Type = ValueType | 'null';

interface Rows {
  readonly count: number;
  column(name: string): Vector;
}

/** One node of the compiled tree: `run` computes the node's whole column. */
interface Op {
  readonly type: Type;
  /** Where the operand starts in the source (0-based), for errors about it. */
  readonly at: number;
  /** Set on literals: the value, known before any row. */
  readonly literal?: { value: string | number | boolean | null };
  run(rows: Rows): Vector;
}

function operation(type: ValueType, at: number, inputs: readonly Op[], kernel: (vectors: Vector[], count: number) => Vector): Op {
  return { type, at, run: (rows) => kernel(inputs.map((op) => op.run(rows)), rows.count) };
}

/** The operand as `type`: a null literal becomes an all-null column of it; others are unchanged. */
function as(op: Op, type: ValueType): Op {
  return op.type === 'null' ? { ...op, type, run: (rows) => nullVector(type, rows.count) } : op;
}

const fits = (op: Op, type: ValueType) => op.type === type || op.type === 'null';
const isNullLiteral = (op: Op) => op.literal?.value === null;

/** The one type operands share (a null literal fits any); number when all are null literals. */
function commonType(ops: readonly Op[], mismatch: (op: Op, expected: ValueType) => never): ValueType {
  let type: ValueType | undefined;
  for (const op of ops) {
    if (op.type === 'null') continue;
    if (type === undefined) type = op.type;
    else if (op.type !== type) mismatch(op, type);
  }
  return type ?? 'number';
}

class Compiler {
  readonly reads: string[] = [];
  private readonly source: string;
  private readonly env: ExpressionEnv;

  constructor(source: string, env: ExpressionEnv) {
    this.source = source;
    this.env = env;
  }

  compile(node: jsep.Expression, depth: number): Op {
    if (depth > MAX_DEPTH) fail('E130', startOf(node), `nested more than ${MAX_DEPTH} levels deep`);
    const n = node as jsep.CoreExpression;
    switch (n.type) {
      case 'Literal':
        return this.literal(n);
      case 'Identifier':
      case 'MemberExpression':
      case 'ThisExpression':
        return this.column(n);
      case 'UnaryExpression':
        return this.unary(n, depth);
      case 'BinaryExpression':
        return this.binary(n, depth);
      case 'ConditionalExpression':
        return choose(startOf(n), this.compileAll([n.test, n.consequent, n.alternate], depth), 'E132', 'c ? a : b');
      case 'CallExpression':
        return this.call(n, depth);
      case 'Compound':
        // jsep reads "a b" or "a; b" as a list of expressions.
        if (n.body.length === 0) fail('E130', 0, 'empty expression');
        return fail('E130', startOf(n.body[1]), 'expected an operator');
      case 'SequenceExpression':
        return fail('E130', startOf(n.expressions[1]), 'expected an operator');
      case 'ArrayExpression':
        return fail('E130', startOf(n), 'lists in [ ] are not supported');
      default:
        return fail('E130', startOf(node), `unexpected ${node.type}`);
    }
  }

  private compileAll(nodes: readonly jsep.Expression[], depth: number): Op[] {
    return nodes.map((n) => this.compile(n, depth + 1));
  }

  private literal(node: jsep.Literal): Op {
    const at = startOf(node);
    const { value } = node;
    if (value === null) return { type: 'null', at, literal: { value }, run: (rows) => nullVector('number', rows.count) };
    if (value instanceof RegExp) return fail('E130', at, 'unexpected regular expression');
    if (typeof value === 'number' && !Number.isFinite(value)) fail('E130', at, `the number ${node.raw} is too large`);
    const type = typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'number';
    return { type, at, literal: { value }, run: (rows) => constantVector(value, rows.count) };
  }

  private column(node: jsep.Identifier | jsep.MemberExpression | jsep.ThisExpression): Op {
    const at = startOf(node);
    const name = node.type === 'ThisExpression' ? 'this' : dottedName(node);
    if (name === undefined) return fail('E130', at, 'not a column name', 'a column reads as name or key.name, such as customer.cohort');
    const type = this.env.columns.get(name);
    if (type === undefined) return fail('E131', at, `unknown column '${name}'`, didYouMean(name, this.env.columns.keys()));
    if (!this.reads.includes(name)) this.reads.push(name);
    return { type, at, run: (rows) => rows.column(name) };
  }

  private unary(node: jsep.UnaryExpression, depth: number): Op {
    const at = startOf(node);
    const { operator } = node;
    const type = operator === '-' ? 'number' : operator === 'not' || operator === '!' ? 'boolean' : undefined;
    if (type === undefined) return fail('E130', at, `the operator '${operator}' is not supported`);
    const argument = this.compile(node.argument, depth + 1);
    if (!fits(argument, type)) fail('E132', at, `cannot apply '${operator}' to ${argument.type}`);
    const negate = type === 'number' ? (x: number) => -x : (x: number) => (x === 0 ? 1 : 0);
    return operation(type, at, [as(argument, type)], ([v]) => map(type, num(v), negate));
  }

  private binary(node: jsep.BinaryExpression, depth: number): Op {
    const { operator } = node;
    const opAt = operatorAt(this.source, node);
    const left = this.compile(node.left, depth + 1);
    const signatures = BINARY.get(operator);
    if (!signatures) return fail('E130', opAt, `the operator '${operator}' is not supported`, UNSUPPORTED_HINTS.get(operator));
    const right = this.compile(node.right, depth + 1);
    const at = startOf(node);
    if ((operator === '==' || operator === '!=') && (isNullLiteral(left) || isNullLiteral(right))) {
      const tested = isNullLiteral(left) ? right : left;
      return operation('boolean', at, [as(tested, 'number')], ([v]) => nullTest(v, operator === '=='));
    }
    const signature = signatures.find((s) => fits(left, s.left) && fits(right, s.right));
    if (!signature) return fail('E132', opAt, `cannot apply '${operator}' to ${left.type} and ${right.type}`, typeHint(operator, left, right));
    return operation(signature.result, at, [as(left, signature.left), as(right, signature.right)], ([a, b]) => signature.kernel(a, b));
  }

  private call(node: jsep.CallExpression, depth: number): Op {
    const at = startOf(node);
    const name = dottedName(node.callee);
    const fn = name === undefined ? undefined : FUNCTIONS.get(name);
    if (name === undefined || !fn) return fail('E133', at, `unknown function '${name ?? this.source.slice(at, endOf(node.callee)).trim()}'`, name && didYouMean(name, FUNCTIONS.keys()));
    const [min, max] = fn.arity;
    const count = node.arguments.length;
    if (count < min || count > max) fail('E133', at, `${name} with ${count} ${plural(count, 'argument')}`, `it takes ${arityText(min, max)}`);
    return fn.compile(new Call(name, at, this.compileAll(node.arguments, depth), this.env));
  }
}

/**
 * c ? a : b, and if(c, a, b), whose type errors are E132 and E133 (wrong arguments) respectively;
 * `what` names it in errors. Both branches are computed whole, then each row picks from one.
 */
function choose(at: number, [test, yes, no]: readonly Op[], code: 'E132' | 'E133', what: string): Op {
  if (!fits(test, 'boolean')) fail(code, test.at, `${test.type} condition`, `${what} needs a boolean condition`);
  const type = commonType([yes, no], (op, expected) => fail(code, op.at, `${op.type} branch`, `the other branch of ${what} is ${expected}`));
  return operation(type, at, [as(test, 'boolean'), as(yes, type), as(no, type)], ([c, y, n], count) => {
    const condition = num(c);
    if (type !== 'string') return ternary(type, condition, num(y), num(n));
    return pick(type, [y, n], count, (i) => (condition.valid[i] === 0 ? -1 : condition.values[i] !== 0 ? 0 : 1));
  });
}

function arityText(min: number, max: number): string {
  if (min === max) return `${min} ${plural(min, 'argument')}`;
  return max === Infinity ? `at least ${min} ${plural(min, 'argument')}` : `${min} or ${max} arguments`;
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

function typeHint(operator: string, left: Op, right: Op): string | undefined {
  const types = [left.type, right.type];
  if ((operator === '+' || operator === '-') && types.includes('timestamp') && types.includes('number')) return 'move a time with add_hours(time, n) or add_days(time, n)';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Operators

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
  return types.map((type) => ({
    left: type,
    right: type,
    result: 'boolean',
    kernel: type === 'string' ? (a, b) => zip('boolean', str(a), str(b), order) : (a, b) => numericBinary(op, 'boolean', num(a), num(b)),
  }));
}

/** Signatures in order of preference: the first that fits wins (so null + null is a number). */
const BINARY = new Map<string, Signature[]>([
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
const UNSUPPORTED_HINTS = new Map([
  ['===', "use '=='"],
  ['!==', "use '!='"],
  ['**', 'use pow(x, y)'],
  ['&', "use 'and'"],
  ['|', "use 'or'"],
  ['??', 'use coalesce(a, b)'],
]);

// ---------------------------------------------------------------------------------------------
// Functions

/** A call being compiled, with checks of its arguments. */
class Call {
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

const FUNCTIONS = new Map<string, FunctionDef>([
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
  if (!event) return fail('E131', c.args[0].at, `unknown event '${id}'`, didYouMean(id, c.env.events.map((e) => e.id)));
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

// ---------------------------------------------------------------------------------------------
// Column kernels: one loop over the rows each.

type NumericVector = Extract<Vector, { values: Float64Array }>;
type StringVector = Extract<Vector, { type: 'string' }>;
type NumericType = NumericVector['type'];

/** Values and validity, whatever the values are. */
interface Column<T> {
  readonly values: ArrayLike<T>;
  readonly valid: Uint8Array;
}

// The compiler has checked every type; these only tell TypeScript which kind of vector it holds.
function num(v: Vector): NumericVector {
  if (v.type === 'string') throw new Error('expected a numeric vector');
  return v;
}
function str(v: Vector): StringVector {
  if (v.type !== 'string') throw new Error('expected a string vector');
  return v;
}
const text = (v: Vector): Column<string | number> => v;

function numbers(type: NumericType, n: number): NumericVector {
  return { type, values: new Float64Array(n), valid: new Uint8Array(n) };
}

function nullVector(type: ValueType, n: number): Vector {
  return type === 'string' ? { type, values: new Array<string>(n).fill(''), valid: new Uint8Array(n) } : numbers(type, n);
}

function constantVector(value: number | string | boolean, n: number): Vector {
  const valid = new Uint8Array(n).fill(1);
  if (typeof value === 'string') return { type: 'string', values: new Array<string>(n).fill(value), valid };
  if (typeof value === 'boolean') return { type: 'boolean', values: new Float64Array(n).fill(value ? 1 : 0), valid };
  return { type: 'number', values: new Float64Array(n).fill(value), valid };
}

/** f of each row that has a value; null where it has none or f's result is not a finite number. */
function map<A>(type: NumericType, a: Column<A>, f: (x: A) => number): NumericVector {
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
function zip<A, B>(type: NumericType, a: Column<A>, b: Column<B>, f: (x: A, y: B) => number): NumericVector {
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

type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * a op b over numbers (and times, true/false), one loop per operator with the operator
 * written inline: through a callback shared by every operator the same loops ran 2-4×
 * slower (V8 cannot inline a call site that sees many functions). Null where either side
 * is null or the result is not finite (division by zero, overflow).
 */
function numericBinary(op: ArithmeticOp | ComparisonOp, type: NumericType, a: NumericVector, b: NumericVector): NumericVector {
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

function mapText<A>(a: Column<A>, f: (x: A) => string): StringVector {
  const values = new Array<string>(a.valid.length).fill('');
  for (let i = 0; i < a.valid.length; i++) if (a.valid[i] === 1) values[i] = f(a.values[i]);
  return { type: 'string', values, valid: a.valid.slice() };
}

function zipText<A, B>(a: Column<A>, b: Column<B>, f: (x: A, y: B) => string): StringVector {
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
function kleene(a: NumericVector, b: NumericVector, dominant: 0 | 1): NumericVector {
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
function nullTest(v: Vector, isNull: boolean): NumericVector {
  const out = numbers('boolean', v.valid.length);
  out.valid.fill(1);
  for (let i = 0; i < v.valid.length; i++) out.values[i] = (v.valid[i] === 0) === isNull ? 1 : 0;
  return out;
}

/** c ? y : n over numbers in one loop; null where c is null or the chosen side is. */
function ternary(type: NumericType, c: NumericVector, y: NumericVector, n: NumericVector): NumericVector {
  const count = c.valid.length;
  const out = numbers(type, count);
  for (let i = 0; i < count; i++) {
    if (c.valid[i] === 0) continue;
    const from = c.values[i] !== 0 ? y : n;
    if (from.valid[i] === 0) continue;
    out.values[i] = from.values[i];
    out.valid[i] = 1;
  }
  return out;
}

/** Row i copied from sources[choose(i)]; null where choose gives -1 or that source's row is null. */
function pick(type: ValueType, sources: readonly Vector[], n: number, choose: (i: number) => number): Vector {
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
