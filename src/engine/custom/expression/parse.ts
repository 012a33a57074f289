import jsep from 'jsep';
import { fail } from './errors';

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

/** Deepest nesting an expression may have, of its operators, calls and ?: (checked in index.ts). */
export const MAX_DEPTH = 64;
/**
 * Deepest nesting of brackets, which jsep reads by recursion: deep enough, it overflowed the
 * stack at a depth that depended on what ran before (990 passed once and failed the next
 * time). Brackets that add no level are harmless below this; a call's own count in MAX_DEPTH.
 */
export const MAX_BRACKETS = 4 * MAX_DEPTH;

export function parse(source: string): jsep.Expression {
  tokenStarts.length = 0;
  const deep = bracketBeyond(source, MAX_BRACKETS);
  if (deep >= 0) fail('E130', deep, `brackets nested more than ${MAX_BRACKETS} deep`);
  try {
    return jsep(source);
  } catch (e) {
    if (e instanceof RangeError) fail('E130', 0, 'nested too deeply');
    const { index, description } = e as { index?: number; description?: string };
    if (typeof index !== 'number' || typeof description !== 'string') throw e;
    // An unclosed group or call is pointed at where it opens, not at the end of the text.
    const open = description === 'Unclosed (' || description === 'Expected )' ? unclosedParen(source) : -1;
    if (open >= 0) return fail('E130', open, 'unclosed (', "close it with ')'");
    const at = Math.min(index, source.length);
    // A lone = is SQL's or a spreadsheet's comparison (== and != read as themselves).
    const hint = source[at] === '=' && source[at + 1] !== '=' && !'=!<>'.includes(source[at - 1] ?? '') ? "compare with '=='" : undefined;
    return fail('E130', at, description.charAt(0).toLowerCase() + description.slice(1), hint);
  }
}

/** Where the first bracket, ( or [, deeper than `depth` opens (quoted text skipped); -1 if none is. */
function bracketBeyond(source: string, depth: number): number {
  let open = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
    } else if (c === '(' || c === '[') {
      if (++open > depth) return i;
    } else if (c === ')' || c === ']') open = Math.max(0, open - 1);
  }
  return -1;
}

/** Where the innermost ( that is never closed opens (quoted text skipped); -1 if every one is. */
function unclosedParen(source: string): number {
  const opens: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
    } else if (c === '(') opens.push(i);
    else if (c === ')') opens.pop();
  }
  return opens.length > 0 ? opens[opens.length - 1] : -1;
}

export function startOf(node: jsep.Expression): number {
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
export function operatorAt(source: string, node: jsep.BinaryExpression): number {
  let i = endOf(node.left);
  while (i < source.length && ' \t\n\r'.includes(source[i])) i++;
  return i;
}

/** "customer.cohort" from the member expression jsep reads it as; undefined for anything else. */
export function dottedName(node: jsep.Expression): string | undefined {
  const n = node as jsep.CoreExpression;
  if (n.type === 'Identifier') return n.name;
  if (n.type !== 'MemberExpression' || n.computed || n.optional) return undefined;
  const object = dottedName(n.object);
  const property = dottedName(n.property);
  return object === undefined || property === undefined ? undefined : `${object}.${property}`;
}
