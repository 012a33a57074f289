import { describe, expect, it } from 'vitest';
import { compileExpression } from './custom/expression';
import { ENV } from './custom/expression/testing';
import { generate } from './generate';
import { estimateTotalRows, formatGiB } from './estimate';
import { eventWindows } from './model/events';
import { TENANT_TABLES } from './scenario/tables';
import { buildTemplate, TEMPLATES } from './scenario/templates';
import { parseScenarioText, validateScenario } from './scenario/validate';
import { sizedTemplate, tableOf } from './testing';

// One test per defect a first-time user found in the browser, each reproducing it first.
describe('defects a new user found', () => {
  it('1: a flash sale at intensity 0 runs (it threw "AliasTable needs a positive total weight"), with most of its window’s orders gone', () => {
    const s = sizedTemplate('flash_sale', 11, 2000);
    const off = { ...s, events: s.events.map((e) => ({ ...e, intensity: 0 })), tables: ['customers' as const, 'orders' as const] };
    const inside = (scenario: typeof s) => {
      const w = eventWindows(scenario)[0];
      const created = tableOf(generate(scenario), 'orders').columns.find((c) => c.name === 'created_at')!;
      if (created.type !== 'timestamp') throw new Error('created_at is a timestamp');
      return created.values.filter((t) => t >= w.startMs && t < w.endMs).length;
    };
    expect(validateScenario(off).ok).toBe(true);
    // The event's window still has its shoulders; intensity 0 takes most of its orders away.
    expect(inside(off)).toBeLessThan(inside({ ...s, tables: off.tables }) / 4);
  });

  it('3: tenants’ tables without tenants are refused (E109), as the lifecycle’s and inventory’s are, not written empty', () => {
    for (const table of TENANT_TABLES) {
      const v = validateScenario({ ...buildTemplate('baseline'), tables: ['orders', table] });
      expect(v.ok ? [] : v.issues.map((i) => `${i.code} ${i.field} ${i.message}`), table).toEqual([expect.stringMatching(/^E109 tables .*need tenants$/)]);
    }
    expect(validateScenario(buildTemplate('weather_tenants')).ok).toBe(true);
  });

  it('4: brackets nested deeper than 256 are E130 every time, and 256 compile every time (jsep overflowed its stack depending on what ran before)', () => {
    const nested = (n: number) => `${'('.repeat(n)}total${')'.repeat(n)}`;
    for (let i = 0; i < 3; i++) {
      expect(compileExpression(nested(256), ENV).ok).toBe(true);
      const deep = compileExpression(nested(990), ENV);
      expect(deep.ok ? null : deep.error).toMatchObject({ code: 'E130', position: 257, message: 'brackets nested more than 256 deep at 257' });
      const square = compileExpression(`${'['.repeat(300)}1`, ENV);
      expect(square.ok ? null : square.error.code).toBe('E130');
    }
  });

  it('5: a reserved mix option is named in its error (it read as if the column’s name were reserved)', () => {
    const s = { ...buildTemplate('baseline'), customColumns: [{ table: 'orders', name: 'tier', kind: 'mix', mix: { gold: 50, constructor: 50 } }] };
    const v = validateScenario(s);
    expect(v.ok ? [] : v.issues.map((i) => `${i.code} ${i.message}`)).toContainEqual(expect.stringMatching(/^E113 .*"constructor" is a reserved name/));
  });

  it('6: the row estimate counts what events add (seasonal planning was estimated at 1.29M for 1.90M rows, so Auto-run took it)', () => {
    for (const { id } of TEMPLATES.filter((t) => !['inventory_retail', 'churn_feature_store', 'jaffle_shop'].includes(t.id))) {
      const s = { ...buildTemplate(id), volumes: { ...buildTemplate(id).volumes, ordersPerDay: 300, customers: 2000 } };
      const rows = generate(s, undefined, { faults: false }).tables.reduce((n, t) => n + t.rowCount, 0);
      // Within 5%: the hourly draws scatter around the expected curve, returns follow their own rates.
      expect(Math.abs(estimateTotalRows(s) / rows - 1), id).toBeLessThan(0.05);
    }
  });

  it('12: an event, a cohort or a product named with nothing (or spaces alone) is E113 at that field, once, in words', () => {
    for (const name of ['', '   ']) {
      const s = buildTemplate('weather_tenants');
      const v = validateScenario({
        ...s,
        events: buildTemplate('flash_sale').events.map((e, i) => (i === 0 ? { ...e, label: name } : e)),
        cohorts: s.cohorts.map((c, i) => (i === 1 ? { ...c, label: name } : c)),
        tenants: s.tenants.map((t, i) => (i === 0 ? { ...t, products: [name, ...t.products.slice(1)] } : t)),
      });
      expect(v.ok).toBe(false);
      if (v.ok) continue;
      expect(v.issues.map((x) => `${x.code} ${x.field}: ${x.message}`)).toEqual([
        'E113 cohorts.1.label: cohort label must not be empty',
        'E113 events.0.label: event label must not be empty',
        'E113 tenants.0.products.0: product name must not be empty',
      ]);
    }
  });

  it('13: a scenario file saved with a byte-order mark opens (it was E105 "not valid JSON")', () => {
    const text = `\uFEFF${JSON.stringify(buildTemplate('flash_sale'))}`;
    const parsed = parseScenarioText(text);
    expect(parsed.ok && parsed.scenario.template).toBe('flash_sale');
    expect(parseScenarioText(`\uFEFF\uFEFF${text.slice(1)}`).ok).toBe(false);
  });

  it('14: a tenant id, which names its folder, is at most 64 characters (a longer one failed at the file system)', () => {
    const s = buildTemplate('weather_tenants');
    const withId = (id: string) => validateScenario({ ...s, tenants: s.tenants.map((t, i) => (i === 0 ? { ...t, id } : t)) });
    expect(withId('a'.repeat(64)).ok).toBe(true);
    const long = withId('a'.repeat(65));
    expect(long.ok ? [] : long.issues.map((x) => `${x.code} ${x.field}`)).toEqual(['E109 tenants.0.id']);
  });

  it('15: a memory estimate far over the limit reads in TiB with its thousands separated (it read "19541.6 GiB"), one in GiB as before', () => {
    expect(formatGiB(19_541.6 * 2 ** 30)).toBe('19.1 TiB');
    expect(formatGiB(2_000_000 * 2 ** 40)).toBe('2,000,000 TiB');
    expect(formatGiB(3.25 * 2 ** 30)).toBe('3.3 GiB');
  });
});

describe('the row estimate of a draft', () => {
  it('answers at once for a calendar no scenario may have (1e9 days typed in froze the page while it summed their hours)', async () => {
    const { plannedOrders } = await import('./model/plan');
    const s = buildTemplate('seasonal_planning');
    // Summing 24e9 hours would outlast the test's time limit by far.
    expect(plannedOrders({ ...s, calendar: { ...s.calendar, days: 1e9 } })).toBe(1e9 * s.volumes.ordersPerDay);
  });
});
