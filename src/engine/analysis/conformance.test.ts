import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { buildTemplate } from '../scenario/templates';
import { TEMPLATES } from '../scenario/templates';
import { conformanceReport } from './conformance';

describe('conformance report', () => {
  it.each(TEMPLATES.map((t) => t.id))('%s: every declared target holds at the defaults', (id) => {
    const s = buildTemplate(id);
    // The half-year templates run at a lighter volume to keep the suite quick.
    const scenario = s.calendar.days > 60 && s.tenants.length === 0 ? { ...s, volumes: { ...s.volumes, ordersPerDay: 1000 } } : s;
    const rows = conformanceReport(generate(scenario));
    expect(rows.length).toBeGreaterThan(0);
    const failing = rows.filter((r) => !r.pass).map((r) => `${r.target}: ${r.measured} vs ${r.expected} ± ${r.tolerance}`);
    expect(failing, failing.join('\n')).toEqual([]);
  });

  it('fails a target the data does not meet', () => {
    const s = buildTemplate('baseline');
    const run = generate({ ...s, volumes: { ...s.volumes, ordersPerDay: 600 } });
    // Claim a different target than the data was made with: the report must say fail.
    const claimed = { ...run, scenario: { ...run.scenario, service: { ...run.scenario.service, returnRatePct: 20 } } };
    const row = conformanceReport(claimed).find((r) => r.target.startsWith('return rate'))!;
    expect(row.expected).toBe(20);
    expect(row.pass).toBe(false);
  });
});

describe('targets on too few rows', () => {
  it('a share whose tolerance covers 0 to 100% is not judged, not passed; at the defaults none is', () => {
    const s = buildTemplate('baseline');
    const tiny = conformanceReport(generate({ ...s, seed: 0, calendar: { ...s.calendar, days: 1 }, volumes: { ...s.volumes, customers: 1, ordersPerDay: 0, products: 1, suppliers: 1 } }));
    const shares = tiny.filter((r) => r.unit === '%' && !r.atMost);
    expect(shares.length).toBeGreaterThan(0);
    for (const r of shares) {
      const couldFail = r.tolerance < Math.max(r.expected, 100 - r.expected);
      expect(r.notJudged === undefined, `${r.target} ± ${r.tolerance}`).toBe(couldFail);
    }
    expect(tiny.find((r) => r.target === 'cohort share: Gen X')?.notJudged).toMatch(/too few rows/);
    const usual = conformanceReport(generate({ ...s, volumes: { ...s.volumes, ordersPerDay: 600 } }));
    expect(usual.filter((r) => r.notJudged?.startsWith('too few rows')).map((r) => r.target)).toEqual([]);
  });
});

describe('conformance of a part of a run', () => {
  it('never reports a whole-run target as failed: each row passes or says why it is not judged', async () => {
    const { generate } = await import('../generate');
    const { buildTemplate } = await import('../scenario/templates');
    const { conformanceReport: report } = await import('./conformance');
    const jaffle = buildTemplate('jaffle_shop');
    const base = buildTemplate('baseline');
    const cases = [
      { s: { ...jaffle, calendar: { ...jaffle.calendar, days: 6 } }, range: { partitions: 6, partition: 2 }, totals: true },
      { s: { ...base, volumes: { ...base.volumes, ordersPerDay: 600, customers: 3000 }, calendar: { ...base.calendar, days: 8 } }, range: { partitions: 4, partition: 1 }, totals: false },
    ];
    for (const { s, range, totals } of cases) {
      const rows = report(generate(s, range));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.pass || Boolean(r.notJudged), `${s.name} ${r.target}: ${r.measured} vs ${r.expected}`).toBe(true);
      // The jaffle shop's run totals (customers, orders, sessions per run) are named as not judged on a day, with the reason.
      if (totals) expect(rows.filter((r) => r.notJudged?.includes('total of the whole run')).length).toBe(3);
    }
    // A whole run judges everything.
    expect(report(generate({ ...base, volumes: { ...base.volumes, ordersPerDay: 300, customers: 2000 }, calendar: { ...base.calendar, days: 3 } })).every((r) => r.notJudged === undefined)).toBe(true);
  });
});
