import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertFitsMemory } from '../generate';
import { assertPartFitsMemory } from '../estimate';
import { ScenarioError } from './errors';
import { applyOverride } from './overrides';
import { SCHEMA_VERSION } from './schema';
import { rebalance } from './shares';
import { buildTemplate } from './templates';
import { parseScenarioText, validateScenario } from './validate';

const base = () => buildTemplate('baseline');
const issuesOf = (input: unknown) => {
  const v = validateScenario(input);
  if (v.ok) throw new Error('expected the scenario to be rejected');
  return v.issues;
};

describe('bad input gets numbered errors naming the field', () => {
  it('accepts every template as built', () => {
    expect(validateScenario(base()).ok).toBe(true);
  });

  it('E101: a negative volume', () => {
    const s = base();
    s.volumes.ordersPerDay = -5;
    expect(issuesOf(s)).toEqual([{ code: 'E101', field: 'volumes.ordersPerDay', message: 'orders per day must be at least 0' }]);
  });

  it('E101: an event at 100% off (demand would have no finite value); 99% is taken', () => {
    const s = buildTemplate('flash_sale');
    s.events[0].discountPct = 100;
    expect(issuesOf(s)).toEqual([{ code: 'E101', field: 'events.0.discountPct', message: expect.stringContaining('discount must be 0-99') }]);
    s.events[0].discountPct = 99;
    expect(validateScenario(s).ok).toBe(true);
  });

  it("a custom column's field errors name the column (when its name is valid)", () => {
    const long = '1+'.repeat(1000) + '1';
    const issues = (name: string, expression: string) => issuesOf({ ...base(), customColumns: [{ table: 'orders', name, kind: 'expression', expression }] });
    expect(issues('fee', long)).toEqual([{ code: 'E130', field: 'customColumns.0.expression', message: 'fee: an expression is at most 2,000 characters' }]);
    expect(issues('fee', '')).toEqual([{ code: 'E130', field: 'customColumns.0.expression', message: 'fee: write an expression' }]);
    expect(issues('Bad Name', long).map((i) => i.message)).toEqual(['column name must be lower_snake_case, at most 63 characters', 'an expression is at most 2,000 characters']);
  });

  it('an expression may run over lines (tabs and line breaks are white space); other control characters are E113', () => {
    const expression = (text: string) => validateScenario({ ...base(), customColumns: [{ table: 'orders', name: 'fee', kind: 'expression', expression: text }] });
    expect(expression('subtotal >= 50\r\n\t? 0\n: 4.99').ok).toBe(true);
    expect(issuesOf({ ...base(), customColumns: [{ table: 'orders', name: 'fee', kind: 'expression', expression: 'subtotal\u0007' }] })).toEqual([
      { code: 'E113', field: 'customColumns.0.expression', message: 'fee: expression must not contain control characters' },
    ]);
  });

  it('E102: cohort shares that do not sum to 100', () => {
    const s = base();
    s.cohorts[0].share = 40;
    expect(issuesOf(s)).toEqual([{ code: 'E102', field: 'cohorts', message: 'cohort shares sum to 112, not 100' }]);
  });

  it('E102: a behaviour mix that does not sum to 100', () => {
    const s = base();
    s.cohorts[1].mixes.payment.card = 10;
    const issues = issuesOf(s);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'E102', field: 'cohorts.1.mixes.payment' });
  });

  it('E103: zero days', () => {
    const s = base();
    s.calendar.days = 0;
    expect(issuesOf(s)).toEqual([{ code: 'E103', field: 'calendar.days', message: 'days must be at least 1' }]);
  });

  it('E104: an unknown template', () => {
    expect(() => buildTemplate('black_friday')).toThrowError(ScenarioError);
    try {
      buildTemplate('black_friday');
    } catch (e) {
      expect((e as ScenarioError).issues[0]).toMatchObject({ code: 'E104', field: 'template' });
    }
  });

  it('E105: a malformed scenario file', () => {
    const v = parseScenarioText('{"schemaVersion": 1, "name": ');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]).toMatchObject({ code: 'E105', field: '' });
  });

  it('E106: a scenario file from an unknown schema version', () => {
    const v = parseScenarioText(JSON.stringify({ ...base(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues).toEqual([expect.objectContaining({ code: 'E106', field: 'schemaVersion' })]);
    // Without one, the message says it is missing (not "version undefined").
    const { schemaVersion: _, ...unversioned } = base();
    const u = parseScenarioText(JSON.stringify(unversioned));
    expect(u.ok || u.issues[0].message).toMatch(/^is missing: /);
  });

  it('E107: a run too large for the memory budget is refused up front with an estimate', () => {
    const s = base();
    s.volumes.ordersPerDay = 5_000_000;
    s.calendar.days = 365;
    expect(() => assertFitsMemory(s, 2 * 2 ** 30)).toThrowError(/E107|needs about/);
    try {
      assertFitsMemory(s, 2 * 2 ** 30);
    } catch (e) {
      expect((e as ScenarioError).issues[0].message).toMatch(/needs about \d+\.\d GiB/);
    }
    expect(() => assertFitsMemory(base(), 2 * 2 ** 30)).not.toThrow();
  });

  it('E107 for a part: a run too large for the tab passes while its first days fit, and says the days when even they do not', () => {
    const s = base();
    s.calendar.days = 30;
    s.volumes.ordersPerDay = 1_000_000;
    expect(() => assertPartFitsMemory(s, 30, 2 * 2 ** 30)).not.toThrow();
    expect(() => assertFitsMemory(s, 2 * 2 ** 30)).toThrow(/E107/);
    s.volumes.ordersPerDay = 8_000_000;
    expect(() => assertPartFitsMemory(s, 15, 2 * 2 ** 30)).toThrow(/the first 2 days of this run need about \d+\.\d GiB/);
  });

  it('E108: an impossible start date', () => {
    const s = base();
    s.calendar.start = '2024-02-30';
    expect(issuesOf(s)).toEqual([expect.objectContaining({ code: 'E108', field: 'calendar.start' })]);
  });

  it('E109: an unknown field, named, at any depth', () => {
    expect(issuesOf({ ...base(), colour: 'red' })[0]).toEqual({ code: 'E109', field: 'colour', message: "unknown field 'colour'" });
    const s = base();
    expect(issuesOf({ ...s, cohorts: [{ ...s.cohorts[0], hue: 1 }, ...s.cohorts.slice(1)] })[0]).toEqual({ code: 'E109', field: 'cohorts.0.hue', message: "unknown field 'hue'" });
  });

  it('a number past 2^53 gets its range error only, not also "not a whole number"', () => {
    expect(issuesOf({ ...base(), seed: 1e20 })).toEqual([{ code: 'E101', field: 'seed', message: 'seed must be at most 2,147,483,647' }]);
    expect(issuesOf({ ...base(), seed: 1.5 })).toEqual([{ code: 'E101', field: 'seed', message: 'seed must be a whole number' }]);
  });

  it('E109: a missing section, or one of the wrong kind, says what belongs there', () => {
    const { volumes: _, ...noVolumes } = base();
    expect(issuesOf(noVolumes)).toContainEqual({ code: 'E109', field: 'volumes', message: 'is missing (a section of fields { … } expected)' });
    expect(issuesOf({ ...base(), cohorts: { gen_z: 30 } })).toContainEqual({ code: 'E109', field: 'cohorts', message: 'must be a list [ … ], not a section { … }' });
    expect(issuesOf({ ...base(), name: 5 })).toContainEqual({ code: 'E109', field: 'name', message: 'must be text, not 5' });
  });

  it('E110: an override of a field that does not exist', () => {
    expect(() => applyOverride(base(), 'dayz=3')).toThrowError(/E110/);
    expect(applyOverride(base(), 'days=10').calendar.days).toBe(10);
    expect(applyOverride(base(), 'cohorts.0.mixes.channel.app=45').cohorts[0].mixes.channel.app).toBe(45);
  });

  it('a version-1 file (before events) opens, migrated to the current version', () => {
    const v1 = { ...base(), schemaVersion: 1 } as Record<string, unknown>;
    delete v1.events;
    delete v1.service;
    delete v1.correlations;
    const v = parseScenarioText(JSON.stringify(v1));
    expect(v.ok && v.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    expect(v.ok && v.scenario.events).toEqual([]);
    expect(v.ok && v.scenario.correlations).toEqual(base().correlations);
  });

  it('a valid file round-trips through text', () => {
    const v = parseScenarioText(JSON.stringify(base()));
    expect(v.ok && v.scenario).toEqual(base());
  });
});

describe('rebalance (property)', () => {
  it('keeps the sum at exactly 100, sets the moved share, keeps all shares ≥ 0; kept shares stay while another can take up the difference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (raw, pick, value, keepRaw) => {
          const total = raw.reduce((a, b) => a + b, 0) || 1;
          const shares = raw.map((r) => (r / total) * 100);
          const i = pick % shares.length;
          // Half the runs keep nothing: rebalance as it always was.
          const keep = keepRaw.length % 2 === 0 ? [] : keepRaw.map((k) => k % shares.length);
          const out = rebalance(shares, i, value, keep);
          const tenths = out.map((x) => Math.round(x * 10));
          expect(tenths.reduce((a, b) => a + b, 0)).toBe(1000);
          for (const t of tenths) expect(t).toBeGreaterThanOrEqual(0);
          if (shares.length > 1) expect(out[i]).toBe(Math.round(value * 10) / 10);
          const held = [...new Set(keep)].filter((k) => k !== i);
          const heldTenths = held.reduce((a, k) => a + Math.round(shares[k] * 10), 0);
          if (held.length < shares.length - 1 && heldTenths + Math.round(value * 10) <= 1000) for (const k of held) expect(out[k]).toBe(Math.round(shares[k] * 10) / 10);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps the proportions of the others', () => {
    expect(rebalance([28, 35, 25, 12], 0, 48)).toEqual([48, 25.3, 18, 8.7]);
  });

  it('typing into each box in turn, the boxes typed so far kept, gives the shares typed', () => {
    const typeInTurn = (start: number[], values: number[]) =>
      values.reduce((shares, v, i) => rebalance(shares, i, v, values.slice(0, i).map((_, k) => k)), start);
    expect(typeInTurn([28, 35, 25, 12], [25, 25, 25, 25])).toEqual([25, 25, 25, 25]);
    expect(typeInTurn([28, 35, 25, 12], [40, 30, 20, 10])).toEqual([40, 30, 20, 10]);
    expect(typeInTurn([45, 35, 20], [10, 50, 40])).toEqual([10, 50, 40]);
  });
});
