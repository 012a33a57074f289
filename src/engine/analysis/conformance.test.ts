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
