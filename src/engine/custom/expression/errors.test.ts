import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_SOURCE_LENGTH } from '.';
import { compiled, value, error, ENV } from './testing';

describe('errors', () => {
  it.each([
    ['subtota + 1', 'E131', 1, "unknown column 'subtota' at 1; did you mean 'subtotal'?"],
    ['1 + subtota', 'E131', 5, "unknown column 'subtota' at 5; did you mean 'subtotal'?"],
    ['(1 + (subtota))', 'E131', 7, "unknown column 'subtota' at 7; did you mean 'subtotal'?"],
    ['1 +\n\tsubtota', 'E131', 6, "unknown column 'subtota' at 6; did you mean 'subtotal'?"],
    ['customer.cohrt', 'E131', 1, "unknown column 'customer.cohrt' at 1; did you mean 'customer.cohort'?"],
    ['cohort', 'E131', 1, "unknown column 'cohort' at 1; did you mean 'customer.cohort'?"],
    ['sub', 'E131', 1, "unknown column 'sub' at 1; did you mean 'subtotal'?"],
    ['zzz_unrelated', 'E131', 1, "unknown column 'zzz_unrelated' at 1; text goes in quotes: 'zzz_unrelated'"],
    ['toString + 1', 'E131', 1, "unknown column 'toString' at 1; text goes in quotes: 'toString'"],
    ['channel == app', 'E131', 12, "unknown column 'app' at 12; text goes in quotes: 'app'"],
    ["event_active('flash_sal', created_at)", 'E131', 14, "unknown event 'flash_sal' at 14; did you mean 'flash_sale'?"],
    ["event_active('outage', created_at)", 'E131', 14, "unknown event 'outage' at 14; its events: 'flash_sale', 'black_friday'"],
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
    // What SQL or a spreadsheet would say, answered with this language's way.
    ["total > 5 AND channel == 'web'", 'E130', 11, "expected an operator at 11; write 'and' in lower case"],
    ["channel == 'web' and", 'E130', 21, "expected a condition after 'and' at 21"],
    ['not', 'E130', 1, "'not' needs a condition after it at 1"],
    ["channel in ('web', 'app')", 'E130', 9, "expected an operator at 9; compare each value with '==' and join them with 'or'"],
    ['total between 1 and 5', 'E130', 7, 'expected an operator at 7; write x >= low and x <= high'],
    ['total = 5', 'E130', 7, `unexpected "=" at 7; compare with '=='`],
    ['(total, qty)', 'E130', 9, 'expected an operator at 9'],
    ["channel == 'web", 'E130', 16, 'unclosed quote after "web" at 16'],
    // An unclosed group or call: where it opens, not where the text ends (a ')' in quotes closes nothing).
    ['round((total + 1, 2', 'E130', 7, "unclosed ( at 7; close it with ')'"],
    ["max(total, len(')')", 'E130', 4, "unclosed ( at 4; close it with ')'"],
    ['total ** 2', 'E130', 7, "the operator '**' is not supported at 7; use pow(x, y)"],
    ['total === 2', 'E130', 7, "the operator '===' is not supported at 7; use '=='"],
    ['~total', 'E130', 1, "the operator '~' is not supported at 1"],
    ['total[0]', 'E130', 1, 'not a column name at 1; a column reads as name or key.name, such as customer.cohort'],
    ['[1, 2]', 'E130', 1, 'lists in [ ] are not supported at 1'],
    ['1e999', 'E130', 1, 'the number 1e999 is too large at 1'],
    ['total / 0', 'E137', 7, 'division by zero makes every row null at 7'],
    ['round(subtotal % 0.0, 2)', 'E137', 16, 'remainder by zero makes every row null at 16'],
    // What a call gives is not called (it read "unknown function ''").
    ['constructor.constructor("return 1")()', 'E133', 1, 'only a function’s name can be called at 1; such as round(total, 2)'],
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
    // A long chain of one operator is not nesting: 300 terms of + (and 70 of or) compile.
    expect(value(Array.from({ length: 300 }, () => '1').join(' + '))).toBe(300);
    expect(compiled(Array.from({ length: 70 }, (_, i) => `${i} == 3`).join(' or ')).type).toBe('boolean');
  });

  it('an event named in a scenario without events says there are none', () => {
    const result = compileExpression("event_active('flash_sale', created_at)", { ...ENV, events: [] });
    expect(result.ok ? null : result.error).toEqual({ code: 'E131', position: 14, message: "unknown event 'flash_sale' at 14; this scenario has no events (add one on the timeline)" });
  });
});
