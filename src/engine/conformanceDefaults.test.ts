import { describe, expect, it } from 'vitest';
import { conformanceReport } from './analysis/conformance';
import { generate } from './generate';
import { TEMPLATES, buildTemplate } from './scenario/templates';
import { failingSeeds, TWENTY_SEEDS } from './testing';

// A shipped template passes every target it declares, at its defaults, for 19 of 20 seeds
// (SPEC). Inventory retail's default size takes ~4 s a run: it is checked on three seeds at
// its default size in inventory.test.ts and on twenty at a quarter of the size there.

const RUN_ELSEWHERE = ['inventory_retail'];

describe('every template passes every target it declares, at its defaults, for 19 of 20 seeds', () => {
  for (const t of TEMPLATES.filter((x) => !RUN_ELSEWHERE.includes(x.id))) {
    it(t.id, () => {
      const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
        const rows = conformanceReport(generate({ ...buildTemplate(t.id), seed }));
        const failed = rows.filter((r) => !r.pass && !r.notJudged);
        return failed.length === 0 ? null : failed.map((r) => `${r.target}: ${r.measured.toFixed(3)} vs ${r.expected} ± ${r.tolerance.toFixed(3)}`).join('; ');
      });
      expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(1);
    });
  }
});
