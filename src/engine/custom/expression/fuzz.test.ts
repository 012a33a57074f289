import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, EXPRESSION_FUNCTIONS, INTERNAL_ERROR, type ValueType, type Vector } from '.';
import { COLUMNS, ENV, evaluate, numeric } from './testing';

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
    const v = evaluate(r.value, (name) => columns.get(name)!, rows);
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
