import { conformanceJSON } from '../export/bundle';
import { sha256Hex } from '../export/hash';
import { toCSV } from '../export/csv';
import { generate, type RunRange } from '../generate';
import { conformanceReport } from '../analysis/conformance';
import { corruptionPreset } from '../quality/presets';
import type { Scenario } from '../scenario/schema';
import { TEMPLATES } from '../scenario/templates';
import { sizedTemplate } from '../testing';
import type { CustomColumn } from '../scenario/customColumns';
import { parseScenarioText } from '../scenario/validate';
import customColumnsExample from '../../../examples/custom-columns.scenario.json';

/**
 * The outputs a refactor must not change: every table of every template at a small size,
 * plus a faulted run and a partition. `npm run pin` rewrites outputs.json on purpose only.
 */
export interface PinCase {
  id: string;
  scenario: Scenario;
  range?: RunRange;
}

function small(id: string): Scenario {
  const s = sizedTemplate(id, 11, 300, 1_500);
  if (s.inventory) return { ...s, calendar: { ...s.calendar, days: 21 }, volumes: { ...s.volumes, products: 200 } };
  if (s.lifecycle) return { ...s, calendar: { ...s.calendar, days: 120 }, volumes: { ...s.volumes, customers: 600 } };
  if (s.jaffle) return { ...s, calendar: { ...s.calendar, days: 6 } };
  return s;
}

/** Every family, grouped parameters by a referenced row, nulls, both pattern encodings and each expression result type. */
const EVERY_KIND: CustomColumn[] = [
  { table: 'customers', name: 'n', kind: 'distribution', family: 'normal', params: { mean: 50, sd: 12 }, bounds: { min: 0, max: 100 }, decimals: 1, by: 'cohort', groups: { gen_z: { mean: 40 } }, nullRatePct: 10 },
  { table: 'customers', name: 'ln', kind: 'distribution', family: 'lognormal', params: { mean: 300, sd: 150 }, decimals: 3 },
  { table: 'customers', name: 'u', kind: 'distribution', family: 'uniform', params: { min: -5, max: 20 }, decimals: 0 },
  { table: 'customers', name: 'po', kind: 'distribution', family: 'poisson', params: { mean: 4 }, by: 'region', groups: { west: { mean: 250 } } },
  { table: 'customers', name: 'be', kind: 'distribution', family: 'bernoulli', params: { p: 0.3 } },
  { table: 'orders', name: 'score', kind: 'distribution', family: 'normal', params: { mean: 50, sd: 12 }, decimals: 2, by: 'customer.cohort', groups: { gen_z: { mean: 40, sd: 3 } } },
  { table: 'orders', name: 'courier', kind: 'mix', mix: { ups: 45, fedex: 35, usps: 20 }, by: 'customer.cohort', groups: { boomers: { dhl: 50, ups: 50 } }, nullRatePct: 5 },
  { table: 'orders', name: 'box', kind: 'words', words: 'colour' },
  { table: 'orders', name: 'code', kind: 'pattern', pattern: '1Z###*****??##' },
  { table: 'orders', name: 'label', kind: 'pattern', pattern: 'Ö-##-?' },
  { table: 'orders', name: 'fee', kind: 'expression', expression: "subtotal >= 50 ? 0 : (customer.cohort == 'boomers' ? 2.99 : 4.99)" },
  { table: 'orders', name: 'late', kind: 'expression', expression: "delivered_at > promised_at or courier == 'dhl'", nullRatePct: 3 },
  { table: 'orders', name: 'tag', kind: 'expression', expression: "channel + '-' + box" },
  { table: 'order_items', name: 'line_score', kind: 'distribution', family: 'uniform', params: { min: 0, max: 1 }, decimals: 4 },
];

function example(): Scenario {
  const parsed = parseScenarioText(JSON.stringify(customColumnsExample));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

export function pinCases(): PinCase[] {
  const base = small('baseline');
  return [
    ...TEMPLATES.map((t) => ({ id: t.id, scenario: small(t.id) })),
    { id: 'baseline+faults', scenario: { ...base, quality: { faults: corruptionPreset(base, 2) } } },
    { id: 'baseline@1of3', scenario: base, range: { partitions: 3, partition: 1 } },
    { id: 'custom-columns example', scenario: example() },
    { id: 'custom columns of every kind', scenario: { ...base, customColumns: EVERY_KIND } },
  ];
}

/** sha256 of each table's CSV and of the conformance report, per case. */
export function pinOf(c: PinCase): Record<string, string> {
  const run = generate(c.scenario, c.range);
  const out: Record<string, string> = {};
  for (const t of run.tables) out[t.name] = sha256Hex(toCSV(t));
  out['(conformance)'] = sha256Hex(new TextEncoder().encode(conformanceJSON(conformanceReport(run))));
  return out;
}
