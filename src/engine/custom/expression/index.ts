/**
 * The expression language of custom columns: `subtotal >= 50 ? 0 : 4.99`,
 * `customer.cohort == 'gen_z' and channel == 'app'`, `event_active('flash_sale', created_at)`.
 *
 * An expression is parsed once (jsep), type-checked, and compiled into a tree of column
 * operations. Evaluation runs each operation over a block of rows (4,096) at a time: one loop
 * over the block per node, never a walk of the tree per row. Nothing is eval'd (the page's
 * CSP forbids eval and new Function).
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
 * level, so a chain of 65 additions is too deep too; brackets over 256 deep), E131 unknown column or event, E132 types do not
 * fit, E133 unknown function or wrong arguments, E137 division or remainder by a written 0.
 */
import jsep from 'jsep';
import { Failure, didYouMean, fail } from './errors';
import { Call, FUNCTIONS } from './functions';
import { constantVector, map, nullTest, nullVector, num, startBlock } from './kernels';
import { BINARY, UNSUPPORTED_HINTS } from './operators';
import { type Op, type Rows, arityText, as, choose, fits, isNullLiteral, operation, plural, typeHint } from './ops';
import { dottedName, MAX_DEPTH, operatorAt, parse, startOf } from './parse';

export { MAX_DEPTH } from './parse';
import { type ColumnSource, type ExpressionEnv, type ExpressionError, type ValueType, type Vector } from './types';

export type { BlockSource, ColumnSource, ExpressionEnv, ExpressionError, ValueType, Vector } from './types';
export { EXPRESSION_FUNCTIONS } from './functions';

export interface CompiledExpression {
  /** The result type, known before any row is evaluated. */
  type: ValueType;
  /** Column names the expression reads (for dependency order / cycle checks), deduplicated, in first-use order. */
  reads: string[];
  /**
   * Evaluates over rowCount rows, a block at a time, handing each block's result and its first
   * row to `onBlock` (the vector is the caller's to read, not to keep: the next block may reuse
   * nothing of it, but it may be a view of an input). `column(name)` gives a column named in
   * reads: a whole Vector (rowCount long) or a source read block by block.
   */
  evaluateBlocks(column: (name: string) => ColumnSource, rowCount: number, onBlock: (v: Vector, from: number) => void): void;
}

export const MAX_SOURCE_LENGTH = 2000;

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
    evaluateBlocks(column, rowCount, onBlock) {
      const sources = new Map<string, ColumnSource>();
      const source = (name: string) => {
        let s = sources.get(name);
        if (!s) sources.set(name, (s = checkedColumn(name, column(name), types.get(name)!, rowCount)));
        return s;
      };
      // Block by block: every operation's result is a block long and soon garbage, so a
      // million rows cost no fresh column of memory per operation.
      for (let from = 0; from < rowCount || from === 0; from += BLOCK_ROWS) {
        const to = Math.min(rowCount, from + BLOCK_ROWS);
        startBlock();
        const read = new Map<string, Vector>();
        const rows: Rows = {
          count: to - from,
          column(name) {
            let v = read.get(name);
            if (!v) read.set(name, (v = rowsOf(source(name), from, to)));
            return v;
          },
        };
        onBlock(root.run(rows), from);
      }
    },
  };
}

/** and, or, not: read as column names by jsep when nothing follows them. */
const LOGIC_WORDS = new Set(['and', 'or', 'not']);

/** "a and" with nothing after the and: the error at its end, not "expected an operator". */
function trailingLogic(body: readonly jsep.Expression[]): void {
  const last = body[body.length - 1] as jsep.Identifier;
  if (body.length === 2 && last.type === 'Identifier' && LOGIC_WORDS.has(last.name)) fail('E130', startOf(last) + last.name.length, `expected a condition after '${last.name}'`);
}

/** What SQL or a spreadsheet would have said where an operator was expected (AND, in, between). */
function wordHint(node: jsep.Expression): string | undefined {
  // "x in ('a', 'b')" reads as x, then a call of a function named in.
  const named = node.type === 'CallExpression' ? (node as jsep.CallExpression).callee : node;
  const word = named.type === 'Identifier' ? String((named as jsep.Identifier).name).toLowerCase() : undefined;
  if (word !== undefined && LOGIC_WORDS.has(word)) return `write '${word}' in lower case`;
  if (word === 'in') return "compare each value with '==' and join them with 'or'";
  if (word === 'between') return "write x >= low and x <= high";
  if (word === 'is') return "test for null with '== null' or is_null(x)";
  return undefined;
}

/** Rows per block of an evaluation: its temporaries (8 bytes a row each) stay in the CPU's cache. */
export const BLOCK_ROWS = 4096;

/** Rows from..to of a column: views of a whole vector (no copy), or a block read from its source. */
function rowsOf(source: ColumnSource, from: number, to: number): Vector {
  if (!('values' in source)) return source.block(from, to);
  if (from === 0 && to === source.valid.length) return source;
  const valid = source.valid.subarray(from, to);
  return source.type === 'string' ? { type: source.type, values: source.values.slice(from, to), valid } : { type: source.type, values: source.values.subarray(from, to), valid };
}

/** A wrong column from the caller would give wrong values silently; fail loudly instead. */
function checkedColumn(name: string, v: ColumnSource, type: ValueType, rowCount: number): ColumnSource {
  if (v.type !== type) throw new Error(`column '${name}' is ${v.type}; the expression was compiled for ${type}`);
  const length = 'values' in v ? v.values.length : v.rows;
  if (length !== rowCount || ('valid' in v && v.valid.length !== rowCount)) throw new Error(`column '${name}' has ${length} values for ${rowCount} rows`);
  return v;
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
        trailingLogic(n.body);
        return fail('E130', startOf(n.body[1]), 'expected an operator', wordHint(n.body[1]));
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
    // One constant block per size, made once: kernels never write into their inputs.
    let made: Vector | undefined;
    const run = (rows: Rows) => (made?.valid.length === rows.count ? made : (made = constantVector(value, rows.count)));
    return { type, at, literal: { value }, run };
  }

  private column(node: jsep.Identifier | jsep.MemberExpression | jsep.ThisExpression): Op {
    const at = startOf(node);
    const name = node.type === 'ThisExpression' ? 'this' : dottedName(node);
    if (name === undefined) return fail('E130', at, 'not a column name', 'a column reads as name or key.name, such as customer.cohort');
    const type = this.env.columns.get(name);
    if (LOGIC_WORDS.has(name)) return fail('E130', at, `'${name}' needs a condition after it`);
    // A bare word that names nothing is most often text someone forgot to quote (channel == app).
    const quoteIt = node.type === 'Identifier' ? `text goes in quotes: '${name}'` : undefined;
    if (type === undefined) return fail('E131', at, `unknown column '${name}'`, didYouMean(name, this.env.columns.keys()) ?? quoteIt);
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
    // A chain of one operator (a or b or c …, a + b + c …) is one level, however long: jsep
    // nests it to the left, one node a term.
    const chained = node.left.type === 'BinaryExpression' && (node.left as jsep.BinaryExpression).operator === operator;
    const left = this.compile(node.left, chained ? depth : depth + 1);
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
    // Division by zero gives null (kernels.ts): by a written 0, every row's, which is never meant.
    if ((operator === '/' || operator === '%') && right.literal?.value === 0) return fail('E137', opAt, `${operator === '/' ? 'division' : 'remainder'} by zero makes every row null`);
    return operation(signature.result, at, [as(left, signature.left), as(right, signature.right)], ([a, b]) => signature.kernel(a, b));
  }

  private call(node: jsep.CallExpression, depth: number): Op {
    const at = startOf(node);
    const name = dottedName(node.callee);
    const fn = name === undefined ? undefined : FUNCTIONS.get(name);
    // Only a name can be called: what a call or a bracket gives is no function here (it read "unknown function ''").
    if (name === undefined) return fail('E133', at, 'only a function’s name can be called', 'such as round(total, 2)');
    if (!fn) return fail('E133', at, `unknown function '${name}'`, didYouMean(name, FUNCTIONS.keys()));
    const [min, max] = fn.arity;
    const count = node.arguments.length;
    if (count < min || count > max) fail('E133', at, `${name} with ${count} ${plural(count, 'argument')}`, `it takes ${arityText(min, max)}`);
    return fn.compile(new Call(name, at, this.compileAll(node.arguments, depth), this.env));
  }
}
