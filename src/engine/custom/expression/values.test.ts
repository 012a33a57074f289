import { describe, expect, it } from 'vitest';
import { EXPRESSION_FUNCTIONS, type BlockSource, type Vector } from '.';
import { FLASH_START, FLASH_END, nums, times, bools, strs, cells, compiled, evaluate, run, value, error } from './testing';

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
    expect(cells(evaluate(e, (n) => columns[n as keyof typeof columns], 4))).toEqual([false, true, true, null]);
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
    expect(cells(evaluate(e, column, 3))).toEqual([2.5, null, 7.5]);
    expect(asked).toEqual(['subtotal']);
    const blocks: Vector[] = [];
    compiled('subtotal').evaluateBlocks(column, 3, (v) => blocks.push(v));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toBe(subtotal);
    expect(cells(subtotal)).toEqual([1, null, 3]);
  });

  it('refuses a column of the wrong type or length rather than read it wrongly', () => {
    const e = compiled('subtotal + 1');
    expect(() => evaluate(e, () => strs('a'), 1)).toThrow(/subtotal/);
    expect(() => evaluate(e, () => nums(1, 2), 3)).toThrow(/subtotal/);
  });

  it('reads a block source once per block, in order, and gives what whole vectors give', () => {
    const n = 10_000;
    const cohorts = ['gen_z', 'boomers', 'millennials'];
    const whole: Record<string, Vector> = {
      subtotal: { type: 'number', values: Float64Array.from({ length: n }, (_, i) => (i * 37) % 120), valid: Uint8Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 0 : 1)) },
      'customer.cohort': { type: 'string', values: Array.from({ length: n }, (_, i) => cohorts[i % 3]), valid: Uint8Array.from({ length: n }, (_, i) => (i % 89 === 0 ? 0 : 1)) },
    };
    const asked: string[] = [];
    const source = (name: string): BlockSource => ({
      type: whole[name].type,
      rows: n,
      block(from, to) {
        asked.push(`${name} ${from}-${to}`);
        const v = whole[name];
        return v.type === 'string' ? { type: v.type, values: v.values.slice(from, to), valid: v.valid.slice(from, to) } : { type: v.type, values: v.values.slice(from, to), valid: v.valid.slice(from, to) };
      },
    });
    const e = compiled("customer.cohort == 'gen_z' and subtotal > 50 ? subtotal * 2 : (subtotal - 1) / 2");
    expect(cells(evaluate(e, source, n))).toEqual(cells(evaluate(e, (name) => whole[name], n)));
    const blocks = ['0-4096', '4096-8192', '8192-10000'];
    expect(asked).toEqual(blocks.flatMap((b) => [`customer.cohort ${b}`, `subtotal ${b}`]));
  });

  it('evaluates a million rows a block at a time', () => {
    const n = 1_000_000;
    const subtotal: Vector = { type: 'number', values: Float64Array.from({ length: n }, (_, i) => i % 100), valid: Uint8Array.from({ length: n }, (_, i) => (i % 1000 === 999 ? 0 : 1)) };
    const before = subtotal.values.slice();
    const v = evaluate(compiled('subtotal >= 50 ? 0 : round(subtotal * 0.1, 2)'), () => subtotal, n);
    expect(v.type).toBe('number');
    expect(v.values).toHaveLength(n);
    const at = (i: number) => (v.valid[i] ? v.values[i] : null);
    expect([at(0), at(7), at(49), at(50), at(99), at(999), at(123_456), at(n - 1)]).toEqual([0, 0.7, 4.9, 0, 0, null, 0, null]);
    expect(at(500_023)).toBe(2.3);
    // (toEqual walks a million elements slowly; this is the same check.)
    expect(subtotal.values.every((x, i) => x === before[i])).toBe(true);
  });
});
