import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArrowIPC } from '../export/arrow';
import { toCSV } from '../export/csv';
import { generate } from '../generate';
import { ScenarioError } from '../scenario/errors';
import { CUSTOM_KINDS, DISTRIBUTION_FAMILIES, WORD_LISTS } from '../scenario/customColumns';
import { buildTemplate } from '../scenario/templates';
import { validateScenario } from '../scenario/validate';

// Mutated custom columns thrown at the engine: any input is either refused with numbered
// issues, or runs to tables every writer can write (no NaN, no Infinity, no crash).

// Mostly plausible values, now and then a wild one: inputs must get through often enough to reach a run.
const number = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 500 }), weight: 6 },
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(0, -1, 1e308, -1e308, 1e12, Number.NaN, Number.MIN_VALUE), weight: 1 },
);
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const params = fc.record({ mean: maybe(number), sd: maybe(number), min: maybe(number), max: maybe(number), p: maybe(number) }, { requiredKeys: [] });
const name = fc.oneof({ arbitrary: fc.constantFrom('x', 'y_2', 'z3', 'w'), weight: 8 }, { arbitrary: fc.constantFrom('total', 'cohort', 'Bad Name', '', '__proto__'), weight: 1 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 });
const expression = fc.oneof(
  fc.constantFrom('subtotal >= 50 ? 0 : 4.99', "customer.cohort == 'gen_z'", 'total / 0', 'exp(total)', 'x + 1', "concat(channel, '-', status)", 'add_days(created_at, 1e9)', 'round(total, 2)', 'day_of_week(created_at)', '(((', ''),
  fc.string({ maxLength: 30 }),
);

const table = fc.oneof({ arbitrary: fc.constantFrom('orders', 'customers', 'order_items', 'products', 'payments'), weight: 8 }, { arbitrary: fc.constantFrom('dq_faults', 'tenants'), weight: 1 });
const nullRatePct = maybe(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 100 }), weight: 8 }, { arbitrary: fc.constantFrom(-5, 105), weight: 1 }));
const decimals = maybe(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 6 }), weight: 8 }, { arbitrary: fc.constantFrom(-1, 8, 2.5), weight: 1 }));
const by = maybe(fc.constantFrom('cohort', 'customer.cohort', 'channel', 'status', 'product.category', 'total', 'nope'));

/** Columns of each kind shaped as the schema expects, with mutated values; now and then a stray field or kind. */
const column = fc.oneof(
  fc.record({ table, name, kind: fc.constant('distribution'), family: fc.constantFrom(...DISTRIBUTION_FAMILIES), params, by, groups: maybe(fc.dictionary(fc.constantFrom('gen_z', 'boomers', 'app', 'web', 'true'), params, { maxKeys: 3 })), bounds: maybe(fc.record({ min: maybe(number), max: maybe(number) }, { requiredKeys: [] })), decimals, nullRatePct }, { requiredKeys: ['table', 'name', 'kind', 'family', 'params'] }),
  fc.record({ table, name, kind: fc.constant('mix'), mix: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 100 }), { minKeys: 1, maxKeys: 3 }), by, nullRatePct }, { requiredKeys: ['table', 'name', 'kind', 'mix'] }),
  fc.record({ table, name, kind: fc.constant('words'), words: fc.constantFrom(...WORD_LISTS, 'planets'), nullRatePct }, { requiredKeys: ['table', 'name', 'kind', 'words'] }),
  fc.record({ table, name, kind: fc.constant('pattern'), pattern: fc.oneof(fc.constantFrom('SKU-####-??', '\\#*', '', '🎉#'), fc.string({ maxLength: 12 })), nullRatePct }, { requiredKeys: ['table', 'name', 'kind', 'pattern'] }),
  fc.record({ table, name, kind: fc.constant('expression'), expression, decimals, nullRatePct }, { requiredKeys: ['table', 'name', 'kind', 'expression'] }),
  fc.record({ table, name, kind: fc.constantFrom(...CUSTOM_KINDS, 'other'), stray: fc.integer() }),
);
const columns = fc.uniqueArray(column, { minLength: 1, maxLength: 3, selector: (c) => `${c.table}.${c.name}` });

describe('custom columns under mutated input', () => {
  it('are refused with numbered issues or generate tables every writer accepts', () => {
    const base = buildTemplate('baseline');
    let tried = 0;
    let ran = 0;
    const small = { ...base, calendar: { ...base.calendar, days: 1 }, volumes: { ...base.volumes, customers: 60, ordersPerDay: 40, products: 50, suppliers: 5 } };
    fc.assert(
      fc.property(columns, fc.integer({ min: 0, max: 1000 }), (columns, seed) => {
        const v = validateScenario(JSON.parse(JSON.stringify({ ...small, seed, customColumns: columns })));
        tried++;
        if (!v.ok) {
          expect(v.issues.length).toBeGreaterThan(0);
          for (const i of v.issues) expect(i.code).toMatch(/^E1\d\d$/);
          return;
        }
        let run;
        try {
          run = generate(v.scenario);
          ran++;
        } catch (e) {
          // A valid scenario may still be refused at run time, but only with numbered issues.
          expect(e).toBeInstanceOf(ScenarioError);
          return;
        }
        for (const t of run.tables) {
          for (const c of t.columns) {
            if (c.type === 'fixed' || c.type === 'timestamp') for (let r = 0; r < t.rowCount; r++) if (!c.valid || c.valid[r]) expect(Number.isFinite(c.values[r]), `${t.name}.${c.name}`).toBe(true);
          }
          toCSV(t);
          toArrowIPC(t);
        }
        for (const spec of v.scenario.customColumns ?? []) {
          const t = run.tables.find((x) => x.name === spec.table);
          if (t) expect(t.columns.some((c) => c.name === spec.name)).toBe(true);
        }
      }),
      { numRuns: 500, seed: 20261202 },
    );
    // The property means something only if many inputs got through to a run.
    expect(ran / tried).toBeGreaterThan(0.05);
  });
});
