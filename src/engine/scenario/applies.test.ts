import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { tablesOnOffer } from './applies';
import { TABLE_NAMES } from './tables';
import { buildTemplate, TEMPLATES } from './templates';
import { validateScenario } from './validate';

/** The template at a few days and few orders: enough to see whether a table has rows. */
function small(id: string) {
  const s = buildTemplate(id);
  return { ...s, calendar: { ...s.calendar, days: Math.min(s.calendar.days, 3) }, volumes: { ...s.volumes, ordersPerDay: 40, customers: 200 } };
}

describe('the tables a scenario offers', () => {
  for (const { id } of TEMPLATES) {
    it(`${id}: offers every table it selects; the others are refused or come out empty`, () => {
      const s = small(id);
      const offered = tablesOnOffer(s);
      expect(offered).not.toContain('dq_faults');
      for (const t of s.tables.filter((x) => x !== 'dq_faults')) expect(offered, t).toContain(t);
      const others = TABLE_NAMES.filter((t) => t !== 'dq_faults' && !offered.includes(t));
      const refused = (t: string) => {
        const v = validateScenario({ ...s, tables: [...s.tables, t] });
        return !v.ok && v.issues.some((i) => i.code === 'E109' && i.field === 'tables');
      };
      const empty = (t: (typeof TABLE_NAMES)[number]) => generate({ ...s, tables: [t] }, undefined, { faults: false }).tables.find((x) => x.name === t)?.rowCount === 0;
      for (const t of others) expect(refused(t) || empty(t), `${t} would have rows in ${id}`).toBe(true);
    });
  }

  it('offers the sections’ tables with their sections', () => {
    const base = small('baseline');
    expect(tablesOnOffer(base)).toHaveLength(12);
    const tenants = buildTemplate('weather_tenants').tenants;
    expect(tablesOnOffer({ ...base, tenants })).toEqual(expect.arrayContaining(['shopify_orders', 'weather_daily']));
    expect(tablesOnOffer({ ...base, inventory: buildTemplate('inventory_retail').inventory })).toEqual(expect.arrayContaining(['inventory_daily', 'stockout_events']));
  });
});
