import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, EXPRESSION_FUNCTIONS, INTERNAL_ERROR, MAX_SOURCE_LENGTH, type ExpressionEnv, type ValueType, type Vector } from './expression';

const FLASH_START = Date.UTC(2024, 0, 10);
const FLASH_END = Date.UTC(2024, 0, 12);

const COLUMNS: [string, ValueType][] = [
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
const ENV: ExpressionEnv = {
  columns: new Map(COLUMNS),
  events: [
    { id: 'flash_sale', startMs: FLASH_START, endMs: FLASH_END },
    { id: 'black_friday', startMs: Date.UTC(2024, 10, 29), endMs: Date.UTC(2024, 10, 30) },
  ],
};

type Cell = number | string | boolean | null;

const numeric = (type: 'number' | 'timestamp' | 'boolean', xs: readonly (number | null)[]): Vector => ({
  type,
  values: Float64Array.from(xs, (x) => x ?? 0),
  valid: Uint8Array.from(xs, (x) => (x === null ? 0 : 1)),
});
const nums = (...xs: (number | null)[]) => numeric('number', xs);
const times = (...xs: (number | null)[]) => numeric('timestamp', xs);
const bools = (...xs: (boolean | null)[]) => numeric('boolean', xs.map((x) => (x === null ? null : x ? 1 : 0)));
const strs = (...xs: (string | null)[]): Vector => ({ type: 'string', values: xs.map((x) => x ?? ''), valid: Uint8Array.from(xs, (x) => (x === null ? 0 : 1)) });

/** A vector as a plain list: null where invalid, booleans as true/false. */
function cells(v: Vector): Cell[] {
  return Array.from(v.valid, (ok, i) => (ok === 0 ? null : v.type === 'boolean' ? v.values[i] === 1 : v.values[i]));
}

function compiled(source: string) {
  const r = compileExpression(source, ENV);
  if (!r.ok) throw new Error(`${source}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Evaluates `source` over the given columns (rows: their length, or `rows` when none is read). */
function run(source: string, columns: Record<string, Vector> = {}, rows = 1): { type: ValueType; cells: Cell[] } {
  const expression = compiled(source);
  const count = Object.values(columns)[0]?.valid.length ?? rows;
  const v = expression.evaluate((name) => columns[name], count);
  expect(v.type).toBe(expression.type);
  return { type: expression.type, cells: cells(v) };
}

/** The single value of an expression that reads no column. */
const value = (source: string) => run(source).cells[0];

function error(source: string) {
  const r = compileExpression(source, ENV);
  if (r.ok) throw new Error(`${source} compiled; expected an error`);
  return r.error;
}

describe('arithmetic', () => {
  const subtotal = nums(1, 2.5, null, 4);
  const total = nums(2, -1, 3, null);

  it.each([
    ['subtotal + total', [3, 1.5, null, null]],
    ['subtotal - total', [-1, 3.5, null, null]],
    ['subtotal * total', [2, -2.5, null, null]],
    ['subtotal / total', [0.5, -2.5, null, null]],
    ['-subtotal', [-1, -2.5, null, -4]],
    ['subtotal + null', [null, null, null, null]],
  ])('%s', (source, expected) => {
    expect(run(source, { subtotal, total })).toEqual({ type: 'number', cells: expected });
  });

  it('gives null for division and remainder by zero', () => {
    const columns = { subtotal: nums(1, 5, 2, 0, 7, -7, 5.5), total: nums(2, 0, -4, 0, 3, 3, 0) };
    expect(run('subtotal / total', columns).cells).toEqual([0.5, null, -0.5, null, 7 / 3, -7 / 3, null]);
    expect(run('subtotal % total', columns).cells).toEqual([1, null, 2, null, 1, -1, null]);
  });

  it('gives null, never NaN or Infinity, for results that are not finite', () => {
    expect(value('exp(1000)')).toBeNull();
    expect(value('sqrt(-1)')).toBeNull();
    expect(value('ln(0)')).toBeNull();
    expect(value('pow(10, 400)')).toBeNull();
    expect(value('pow(-8, 1 / 3)')).toBeNull();
    expect(run('subtotal * 1e308', { subtotal: nums(10, 1) }).cells).toEqual([null, 1e308]);
    expect(value('exp(1)')).toBeCloseTo(Math.E, 12);
  });

  it('follows the usual precedence and associativity', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('2 * 3 % 4')).toBe(2);
    expect(value('-2 * -3')).toBe(6);
  });

  it('joins text with + when either side is text, writing numbers as String(n) does', () => {
    const columns = { channel: strs('web', 'app', null), qty: nums(3, 1.5, 2) };
    expect(run("channel + '-' + qty", columns)).toEqual({ type: 'string', cells: ['web-3', 'app-1.5', null] });
    expect(run("qty + '' + qty", columns).cells).toEqual(['33', '1.51.5', '22']);
    expect(value("'n=' + 1e21")).toBe('n=1e+21');
    expect(value("'a' + \"b\"")).toBe('ab');
  });

  it('takes the number of hours between two timestamps', () => {
    const created_at = times(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1), null);
    const shipped_at = times(Date.UTC(2024, 0, 2, 12), Date.UTC(2023, 11, 31, 23, 30), Date.UTC(2024, 0, 1));
    expect(run('shipped_at - created_at', { created_at, shipped_at })).toEqual({ type: 'number', cells: [36, -0.5, null] });
  });
});

describe('comparisons', () => {
  const subtotal = nums(1, 2, 3, null);

  it.each([
    ['subtotal < 2', [true, false, false, null]],
    ['subtotal <= 2', [true, true, false, null]],
    ['subtotal > 2', [false, false, true, null]],
    ['subtotal >= 2', [false, true, true, null]],
    ['subtotal == 2', [false, true, false, null]],
    ['subtotal != 2', [true, false, true, null]],
    ['subtotal < null', [null, null, null, null]],
  ])('%s', (source, expected) => {
    expect(run(source, { subtotal })).toEqual({ type: 'boolean', cells: expected });
  });

  it('compares text by code unit, timestamps by time and booleans by equality', () => {
    const columns = { channel: strs('app', 'web', 'Web', null), created_at: times(1, 2, 3, null), shipped_at: times(2, 2, 2, 2), is_gift: bools(true, false, true, null) };
    expect(run("channel == 'app'", columns).cells).toEqual([true, false, false, null]);
    expect(run("channel < 'b'", columns).cells).toEqual([true, false, true, null]);
    expect(run('created_at < shipped_at', columns).cells).toEqual([true, false, false, null]);
    expect(run('created_at == shipped_at', columns).cells).toEqual([false, true, false, null]);
    expect(run('is_gift == true', columns).cells).toEqual([true, false, true, null]);
    expect(run('is_gift != false', columns).cells).toEqual([true, false, true, null]);
  });

  it('tests for null with == null and != null, which are never null themselves', () => {
    const columns = { channel: strs('web', null), subtotal: nums(null, 0) };
    expect(run('channel == null', columns)).toEqual({ type: 'boolean', cells: [false, true] });
    expect(run('null != subtotal', columns).cells).toEqual([false, true]);
    expect(value('null == null')).toBe(true);
    expect(value('null != null')).toBe(false);
  });
});

describe('three-valued logic', () => {
  // Every pair of true, false, null.
  const is_gift = bools(true, true, true, false, false, false, null, null, null);
  const is_member = bools(true, false, null, true, false, null, true, false, null);
  const AND = [true, false, null, false, false, false, null, false, null];
  const OR = [true, true, true, true, false, null, true, null, null];
  const NOT = [false, false, false, true, true, true, null, null, null];

  it.each([
    ['is_gift and is_member', AND],
    ['is_gift && is_member', AND],
    ['is_gift or is_member', OR],
    ['is_gift || is_member', OR],
    ['not is_gift', NOT],
    ['!is_gift', NOT],
  ])('%s', (source, expected) => {
    expect(run(source, { is_gift, is_member })).toEqual({ type: 'boolean', cells: expected });
  });

  it('binds and tighter than or, and not tighter than any comparison', () => {
    expect(value('true or false and false')).toBe(true);
    expect(value('false and true or true')).toBe(true);
    expect(error('not 1 == 1').code).toBe('E132');
    expect(value('not (1 == 2)')).toBe(true);
  });

  it('reads words that start like an operator as column names', () => {
    const e = compiled("order_count > 1 or notes != null and not(notes == 'x')");
    expect(e.reads).toEqual(['order_count', 'notes']);
    const columns = { order_count: nums(0, 0, 2, null), notes: strs('x', 'y', null, null) };
    expect(cells(e.evaluate((n) => columns[n as keyof typeof columns], 4))).toEqual([false, true, true, null]);
  });
});

describe('conditionals', () => {
  it('picks a branch per row; a null condition gives null', () => {
    expect(run('subtotal >= 50 ? 0 : 4.99', { subtotal: nums(10, 50, null) }).cells).toEqual([4.99, 0, null]);
    const columns = { is_gift: bools(true, false, null, true), subtotal: nums(1, 2, 3, null), total: nums(10, null, 30, 40) };
    expect(run('is_gift ? subtotal : total', columns).cells).toEqual([1, null, null, null]);
    expect(run('if(is_gift, subtotal, total)', columns).cells).toEqual([1, null, null, null]);
  });

  it('nests to the right and lets a null branch take the other branch type', () => {
    const subtotal = nums(20, 7, 1, null);
    expect(run("subtotal > 10 ? 'big' : subtotal > 5 ? 'mid' : 'small'", { subtotal }).cells).toEqual(['big', 'mid', 'small', null]);
    expect(run("subtotal > 5 ? null : 'low'", { subtotal })).toEqual({ type: 'string', cells: [null, null, 'low', null] });
    expect(run('null ? 1 : 2').cells).toEqual([null]);
  });
});

describe('functions', () => {
  it('rounds half away from zero to 0-10 digits', () => {
    expect(run('round(subtotal)', { subtotal: nums(2.5, -2.5, 0.49, -0.5, null) }).cells).toEqual([3, -3, 0, -1, null]);
    expect(value('round(0.125, 2)')).toBe(0.13);
    expect(value('round(-0.125, 2)')).toBe(-0.13);
    expect(value('round(1234.5678, 1)')).toBe(1234.6);
    expect(value('round(2.5, 0)')).toBe(3);
    expect(value('round(1 / 3, 10)')).toBe(0.3333333333);
    expect(value('round(1e300, 2)')).toBe(1e300);
  });

  it.each([
    ['floor(-1.5)', -2],
    ['ceil(-1.5)', -1],
    ['abs(-3)', 3],
    ['sqrt(9)', 3],
    ['ln(1)', 0],
    ['exp(0)', 1],
    ['pow(2, 10)', 1024],
    ['clamp(15, 0, 10)', 10],
    ['clamp(-5, 0, 10)', 0],
    ['clamp(5, 0, 10)', 5],
    ["lower('AbC')", 'abc'],
    ["upper('AbC')", 'ABC'],
    ["length('héllo')", 5],
    ["concat('a', 1, 'b', 2.5)", 'a1b2.5'],
    ['concat(7)', '7'],
    ['is_null(null)', true],
    ['is_null(1)', false],
  ])('%s = %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('takes min, max and clamp over columns, null where any argument is null', () => {
    const subtotal = nums(0, 5, null, 2);
    expect(run('min(3, subtotal, 1)', { subtotal }).cells).toEqual([0, 1, null, 1]);
    expect(run('max(3, subtotal, 1)', { subtotal }).cells).toEqual([3, 5, null, 3]);
    expect(run('clamp(subtotal, 1, 4)', { subtotal }).cells).toEqual([1, 4, null, 2]);
    const columns = { created_at: times(5, null), shipped_at: times(3, 4) };
    expect(run('min(created_at, shipped_at)', columns)).toEqual({ type: 'timestamp', cells: [3, null] });
  });

  it('coalesces to the first argument with a value', () => {
    const columns = { subtotal: nums(1, null, null), total: nums(9, 2, null) };
    expect(run('coalesce(subtotal, total, 0)', columns).cells).toEqual([1, 2, 0]);
    expect(run('coalesce(subtotal, total, null)', columns).cells).toEqual([1, 2, null]);
    expect(run("coalesce(channel, 'none')", { channel: strs('web', null) })).toEqual({ type: 'string', cells: ['web', 'none'] });
  });

  it('reads text columns with nulls', () => {
    const columns = { channel: strs('Web', null), qty: nums(1, 2) };
    expect(run('lower(channel)', columns).cells).toEqual(['web', null]);
    expect(run('length(channel)', columns)).toEqual({ type: 'number', cells: [3, null] });
    expect(run("concat(channel, '#', qty)", columns).cells).toEqual(['Web#1', null]);
    expect(run('is_null(channel)', columns).cells).toEqual([false, true]);
  });

  it('reads calendar fields in UTC', () => {
    const created_at = times(
      Date.UTC(2024, 0, 1), // Monday
      Date.UTC(2024, 0, 7, 23, 30), // Sunday
      Date.UTC(2024, 1, 29, 12), // Thursday, a leap day
      Date.UTC(1969, 11, 31, 23), // Wednesday, before the epoch
      null,
    );
    expect(run('day_of_week(created_at)', { created_at }).cells).toEqual([1, 7, 4, 3, null]);
    expect(run('hour(created_at)', { created_at }).cells).toEqual([0, 23, 12, 23, null]);
    expect(run('day(created_at)', { created_at }).cells).toEqual([1, 7, 29, 31, null]);
    expect(run('month(created_at)', { created_at }).cells).toEqual([1, 1, 2, 12, null]);
    expect(run('year(created_at)', { created_at }).cells).toEqual([2024, 2024, 2024, 1969, null]);
  });

  it('moves times by hours and days', () => {
    const columns = { created_at: times(Date.UTC(2024, 0, 1), null, Date.UTC(2024, 0, 1)), qty: nums(1.5, 1, null) };
    expect(run('add_hours(created_at, qty)', columns)).toEqual({ type: 'timestamp', cells: [Date.UTC(2024, 0, 1, 1, 30), null, null] });
    expect(run('add_days(created_at, -qty)', columns).cells).toEqual([Date.UTC(2023, 11, 30, 12), null, null]);
  });

  it('knows whether an event is active: from its start, up to but not including its end', () => {
    const created_at = times(FLASH_START - 1, FLASH_START, FLASH_END - 1, FLASH_END, null);
    expect(run("event_active('flash_sale', created_at)", { created_at })).toEqual({ type: 'boolean', cells: [false, true, true, false, null] });
  });

  it('lists every function for the help, and each is known', () => {
    expect(EXPRESSION_FUNCTIONS).toHaveLength(26);
    expect(EXPRESSION_FUNCTIONS).toContain('round(x, digits?)');
    expect(EXPRESSION_FUNCTIONS).toContain("event_active('event_id', time)");
    for (const usage of EXPRESSION_FUNCTIONS) {
      const name = usage.slice(0, usage.indexOf('('));
      // Every function takes at least one argument: the error is about the count, not the name.
      expect(error(`${name}()`).message).toMatch(new RegExp(`^${name} with 0 arguments at 1; it takes`));
    }
  });
});

describe('compiled expressions', () => {
  it('knows the type and the columns read, once each in first-use order, before any row', () => {
    const e = compiled('coalesce(total, subtotal) + total + length(customer.cohort)');
    expect(e.type).toBe('number');
    expect(e.reads).toEqual(['total', 'subtotal', 'customer.cohort']);
    expect(compiled('customer . cohort').reads).toEqual(['customer.cohort']);
    expect(compiled('null').type).toBe('number');
    expect(compiled("concat(1) == '1'").type).toBe('boolean');
  });

  it('asks for each column once per evaluation and returns a read column as given, unchanged', () => {
    const subtotal = nums(1, null, 3);
    const asked: string[] = [];
    const column = (name: string) => (asked.push(name), subtotal);
    const e = compiled('subtotal * 2 + subtotal - subtotal / 2');
    expect(cells(e.evaluate(column, 3))).toEqual([2.5, null, 7.5]);
    expect(asked).toEqual(['subtotal']);
    expect(compiled('subtotal').evaluate(column, 3)).toBe(subtotal);
    expect(cells(subtotal)).toEqual([1, null, 3]);
  });

  it('refuses a column of the wrong type or length rather than read it wrongly', () => {
    const e = compiled('subtotal + 1');
    expect(() => e.evaluate(() => strs('a'), 1)).toThrow(/subtotal/);
    expect(() => e.evaluate(() => nums(1, 2), 3)).toThrow(/subtotal/);
  });

  it('evaluates a million rows column by column', () => {
    const n = 1_000_000;
    const subtotal: Vector = { type: 'number', values: Float64Array.from({ length: n }, (_, i) => i % 100), valid: Uint8Array.from({ length: n }, (_, i) => (i % 1000 === 999 ? 0 : 1)) };
    const before = subtotal.values.slice();
    const v = compiled('subtotal >= 50 ? 0 : round(subtotal * 0.1, 2)').evaluate(() => subtotal, n);
    expect(v.type).toBe('number');
    expect(v.values).toHaveLength(n);
    const at = (i: number) => (v.valid[i] ? v.values[i] : null);
    expect([at(0), at(7), at(49), at(50), at(99), at(999), at(123_456), at(n - 1)]).toEqual([0, 0.7, 4.9, 0, 0, null, 0, null]);
    expect(at(500_023)).toBe(2.3);
    // (toEqual walks a million elements slowly; this is the same check.)
    expect(subtotal.values.every((x, i) => x === before[i])).toBe(true);
  });
});

describe('errors', () => {
  it.each([
    ['subtota + 1', 'E131', 1, "unknown column 'subtota' at 1; did you mean 'subtotal'?"],
    ['1 + subtota', 'E131', 5, "unknown column 'subtota' at 5; did you mean 'subtotal'?"],
    ['(1 + (subtota))', 'E131', 7, "unknown column 'subtota' at 7; did you mean 'subtotal'?"],
    ['1 +\n\tsubtota', 'E131', 6, "unknown column 'subtota' at 6; did you mean 'subtotal'?"],
    ['customer.cohrt', 'E131', 1, "unknown column 'customer.cohrt' at 1; did you mean 'customer.cohort'?"],
    ['cohort', 'E131', 1, "unknown column 'cohort' at 1; did you mean 'customer.cohort'?"],
    ['sub', 'E131', 1, "unknown column 'sub' at 1; did you mean 'subtotal'?"],
    ['zzz_unrelated', 'E131', 1, "unknown column 'zzz_unrelated' at 1"],
    ['toString + 1', 'E131', 1, "unknown column 'toString' at 1"],
    ["event_active('flash_sal', created_at)", 'E131', 14, "unknown event 'flash_sal' at 14; did you mean 'flash_sale'?"],
    ["total * 'x'", 'E132', 7, "cannot apply '*' to number and string at 7"],
    ['created_at + 1', 'E132', 12, "cannot apply '+' to timestamp and number at 12; move a time with add_hours(time, n) or add_days(time, n)"],
    ['2 - created_at', 'E132', 3, "cannot apply '-' to number and timestamp at 3; move a time with add_hours(time, n) or add_days(time, n)"],
    ['created_at < 5', 'E132', 12, "cannot apply '<' to timestamp and number at 12"],
    ['is_gift < true', 'E132', 9, "cannot apply '<' to boolean and boolean at 9"],
    ["channel == 1", 'E132', 9, "cannot apply '==' to string and number at 9"],
    ['not subtotal', 'E132', 1, "cannot apply 'not' to number at 1"],
    ['-channel', 'E132', 1, "cannot apply '-' to string at 1"],
    ['subtotal ? 1 : 2', 'E132', 1, 'number condition at 1; c ? a : b needs a boolean condition'],
    ["is_gift ? 1 : 'a'", 'E132', 15, 'string branch at 15; the other branch of c ? a : b is number'],
    ['foo(1)', 'E133', 1, "unknown function 'foo' at 1; did you mean 'floor'?"],
    ['rond(total)', 'E133', 1, "unknown function 'rond' at 1; did you mean 'round'?"],
    ['ROUND(total)', 'E133', 1, "unknown function 'ROUND' at 1; did you mean 'round'?"],
    ['constructor(1)', 'E133', 1, "unknown function 'constructor' at 1"],
    ['round(total, 2, 3)', 'E133', 1, 'round with 3 arguments at 1; it takes 1 or 2 arguments'],
    ['min(total)', 'E133', 1, 'min with 1 argument at 1; it takes at least 2 arguments'],
    ['1 + sqrt()', 'E133', 5, 'sqrt with 0 arguments at 5; it takes 1 argument'],
    ["sqrt('a')", 'E133', 6, 'sqrt: string argument at 6; argument 1 must be number'],
    ['round(total, 11)', 'E133', 14, 'round: argument 2 at 14; it must be a whole number from 0 to 10, written out'],
    ['round(total, qty)', 'E133', 14, 'round: argument 2 at 14; it must be a whole number from 0 to 10, written out'],
    ["coalesce(total, 'a')", 'E133', 17, 'coalesce: string argument at 17; the arguments must all be number'],
    ["min('a', 'b')", 'E133', 5, 'min: string argument at 5; it takes number or timestamp'],
    ['if(subtotal, 1, 2)', 'E133', 4, 'number condition at 4; if(c, a, b) needs a boolean condition'],
    ['event_active(channel, created_at)', 'E133', 14, "event_active: argument 1 at 14; it must be an event id in quotes, such as 'flash_sale'"],
    ["event_active('flash_sale', 1)", 'E133', 28, 'event_active: number argument at 28; argument 2 must be timestamp'],
    ['1 +', 'E130', 4, 'expected expression after + at 4'],
    ['', 'E130', 1, 'empty expression at 1'],
    ['total total', 'E130', 7, 'expected an operator at 7'],
    ['(total, qty)', 'E130', 9, 'expected an operator at 9'],
    ["channel == 'web", 'E130', 16, 'unclosed quote after "web" at 16'],
    ['total ** 2', 'E130', 7, "the operator '**' is not supported at 7; use pow(x, y)"],
    ['total === 2', 'E130', 7, "the operator '===' is not supported at 7; use '=='"],
    ['~total', 'E130', 1, "the operator '~' is not supported at 1"],
    ['total[0]', 'E130', 1, 'not a column name at 1; a column reads as name or key.name, such as customer.cohort'],
    ['[1, 2]', 'E130', 1, 'lists in [ ] are not supported at 1'],
    ['1e999', 'E130', 1, 'the number 1e999 is too large at 1'],
  ])('%j → %s at %i', (source, code, position, message) => {
    expect(error(source)).toEqual({ code, position, message });
  });

  it(`refuses more than ${MAX_SOURCE_LENGTH} characters`, () => {
    const source = (length: number) => `channel + '${'x'.repeat(length - 12)}'`;
    expect(source(MAX_SOURCE_LENGTH)).toHaveLength(MAX_SOURCE_LENGTH);
    expect(compiled(source(MAX_SOURCE_LENGTH)).type).toBe('string');
    expect(error(source(MAX_SOURCE_LENGTH + 1))).toEqual({ code: 'E130', position: MAX_SOURCE_LENGTH + 1, message: `too long at ${MAX_SOURCE_LENGTH + 1}; an expression holds at most ${MAX_SOURCE_LENGTH} characters` });
  });

  it('refuses nesting deeper than 64, pointing at the first node too deep', () => {
    // 63 minus signs and the literal: 64 levels.
    expect(value(`${'-'.repeat(63)}1`)).toBe(-1);
    expect(error(`${'-'.repeat(64)}1`)).toEqual({ code: 'E130', position: 65, message: 'nested more than 64 levels deep at 65' });
    expect(error(`${'abs('.repeat(70)}1${')'.repeat(70)}`)).toMatchObject({ code: 'E130', position: 257 });
    expect(value(`${'('.repeat(200)}1${')'.repeat(200)}`)).toBe(1);
  });
});

describe('fuzzing', () => {
  const COLUMN_NAMES = COLUMNS.map(([name]) => name);
  const columnsOf = (type: ValueType) => fc.constantFrom(...COLUMNS.filter(([, t]) => t === type).map(([name]) => name));
  const call = (name: string, ...args: fc.Arbitrary<string>[]) => fc.tuple(...args).map((xs) => `${name}(${xs.join(', ')})`);
  const infix = (left: fc.Arbitrary<string>, ops: string[], right: fc.Arbitrary<string>) => fc.tuple(left, fc.constantFrom(...ops), right).map(([a, op, b]) => `(${a} ${op} ${b})`);
  const ternary = (c: fc.Arbitrary<string>, a: fc.Arbitrary<string>, b: fc.Arbitrary<string>) => fc.tuple(c, a, b).map(([x, y, z]) => `(${x} ? ${y} : ${z})`);
  const numberLiteral = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true })).map((x) => (x < 0 || Object.is(x, -0) ? `(${x})` : String(x)));
  const stringLiteral = fc.constantFrom("'web'", "'app'", "''", '"gen_z"', "'Ä'");
  const options = { maxDepth: 4, depthIdentifier: 'expression' };

  /** Well-typed expressions of each type, rendered to text. */
  const typed = fc.letrec<Record<ValueType, string>>((tie) => {
    const n = tie('number');
    const s = tie('string');
    const b = tie('boolean');
    const t = tie('timestamp');
    const some = fc.oneof(n, s, b, t);
    return {
      number: fc.oneof(
        options,
        numberLiteral,
        columnsOf('number'),
        infix(n, ['+', '-', '*', '/', '%'], n),
        n.map((x) => `-${x}`),
        fc.constantFrom('floor', 'ceil', 'abs', 'sqrt', 'ln', 'exp', 'round').chain((f) => call(f, n)),
        fc.tuple(n, fc.integer({ min: 0, max: 10 })).map(([x, d]) => `round(${x}, ${d})`),
        call('pow', n, n),
        fc.constantFrom('min', 'max').chain((f) => fc.array(n, { minLength: 2, maxLength: 3 }).map((xs) => `${f}(${xs.join(', ')})`)),
        call('clamp', n, n, n),
        call('coalesce', n, fc.oneof(n, fc.constant('null'))),
        call('if', b, n, n),
        ternary(b, n, fc.oneof(n, fc.constant('null'))),
        call('length', s),
        fc.constantFrom('day_of_week', 'hour', 'day', 'month', 'year').chain((f) => call(f, t)),
        infix(t, ['-'], t),
      ),
      string: fc.oneof(
        options,
        stringLiteral,
        columnsOf('string'),
        infix(s, ['+'], fc.oneof(s, n)),
        infix(n, ['+'], s),
        fc.constantFrom('lower', 'upper').chain((f) => call(f, s)),
        fc.array(fc.oneof(s, n), { minLength: 1, maxLength: 3 }).map((xs) => `concat(${xs.join(', ')})`),
        call('coalesce', s, s),
        ternary(b, s, s),
      ),
      boolean: fc.oneof(
        options,
        fc.constantFrom('true', 'false'),
        columnsOf('boolean'),
        infix(n, ['==', '!=', '<', '<=', '>', '>='], n),
        infix(s, ['==', '!=', '<', '>='], s),
        infix(t, ['==', '<', '>'], t),
        infix(b, ['==', '!=', 'and', 'or', '&&', '||'], b),
        fc.tuple(fc.constantFrom('not ', '!'), b).map(([op, x]) => `${op}(${x})`),
        fc.tuple(some, fc.constantFrom('==', '!=')).map(([x, op]) => `(${x} ${op} null)`),
        call('is_null', some),
        fc.tuple(fc.constantFrom('flash_sale', 'black_friday'), t).map(([id, x]) => `event_active('${id}', ${x})`),
        ternary(b, b, b),
      ),
      timestamp: fc.oneof(
        options,
        columnsOf('timestamp'),
        fc.constantFrom('add_hours', 'add_days').chain((f) => call(f, t, n)),
        fc.constantFrom('min', 'max').chain((f) => call(f, t, t)),
        call('coalesce', t, t),
        ternary(b, t, t),
      ),
    };
  });
  const typedExpression = fc.constantFrom<ValueType>('number', 'string', 'boolean', 'timestamp').chain((type) => typed[type].map((source) => ({ type, source })));

  /** Expressions built from every token with no regard to types: most fail to compile. */
  const untyped = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { maxDepth: 4 },
      fc.oneof(numberLiteral, stringLiteral, fc.constantFrom('true', 'false', 'null', 'this', 'subtota', 'foo.bar'), fc.constantFrom(...COLUMN_NAMES)),
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '>=', 'and', 'or', '&&', '||', '**', '&', '===', '??'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(fc.constantFrom('-', 'not ', '!', '+', '~'), tie('expr')).map(([op, x]) => `${op}${x}`),
      tie('expr').map((x) => `(${x})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
      fc.tuple(fc.constantFrom(...EXPRESSION_FUNCTIONS.map((f) => f.slice(0, f.indexOf('('))), 'nope'), fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    ),
  })).expr;

  const GRAMMAR_CHARACTERS = [...'abcnotr_.0123456789()\'"?:+-*/%=!<>&|[],; \t'];
  const garbage = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: fc.constantFrom(...GRAMMAR_CHARACTERS), maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

  const cell = (type: ValueType): fc.Arbitrary<number | string | null> => {
    const values: fc.Arbitrary<number | string> = {
      number: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      timestamp: fc.oneof(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(-8.64e15, 8.64e15, 0)),
      boolean: fc.constantFrom(0, 1),
      string: fc.constantFrom('web', 'app', '', 'Ä', 'gen_z'),
    }[type];
    return fc.option(values, { nil: null, freq: 4 });
  };
  /** 0-50 rows of every column, with nulls. */
  const table = fc.integer({ min: 0, max: 50 }).chain((rows) =>
    fc.tuple(fc.constant(rows), fc.tuple(...COLUMNS.map(([, type]) => fc.array(cell(type), { minLength: rows, maxLength: rows })))),
  );
  const vectorOf = (type: ValueType, xs: readonly (number | string | null)[]): Vector =>
    type === 'string' ? { type, values: xs.map((x) => (x ?? '') as string), valid: Uint8Array.from(xs, (x) => (x === null ? 0 : 1)) } : numeric(type, xs as (number | null)[]);

  /** Compiles without throwing; where it compiles, evaluates to a sound vector of its type. */
  function check(source: string, [rows, data]: [number, (number | string | null)[][]]) {
    const r = compileExpression(source, ENV);
    if (!r.ok) {
      expect(['E130', 'E131', 'E132', 'E133']).toContain(r.error.code);
      expect(r.error.position).toBeGreaterThanOrEqual(1);
      expect(r.error.position).toBeLessThanOrEqual(source.length + 1);
      expect(r.error.message.startsWith(INTERNAL_ERROR)).toBe(false);
      return r;
    }
    const columns = new Map(COLUMNS.map(([name, type], i) => [name, vectorOf(type, data[i])]));
    const v = r.value.evaluate((name) => columns.get(name)!, rows);
    expect(v.type).toBe(r.value.type);
    expect(v.values).toHaveLength(rows);
    expect(v.valid).toHaveLength(rows);
    for (let i = 0; i < rows; i++) {
      if (!v.valid[i]) continue;
      if (v.type === 'string') expect(typeof v.values[i]).toBe('string');
      else expect(Number.isFinite(v.values[i]), `${source}: row ${i} is ${v.values[i]}`).toBe(true);
      if (v.type === 'boolean') expect([0, 1]).toContain(v.values[i]);
    }
    return r;
  }

  it('compiles every well-typed expression to its type and evaluates it soundly', () => {
    fc.assert(
      fc.property(typedExpression, table, ({ type, source }, data) => {
        const r = check(source, data);
        expect(r.ok ? r.value.type : r.error.message).toBe(type);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random token trees or garbage', () => {
    fc.assert(
      fc.property(fc.oneof(untyped, garbage), table, (source, data) => {
        check(source, data);
      }),
      { numRuns: 300 },
    );
  });
});
