import { conformanceJSON } from '../export/bundle';
import { sha256Hex } from '../export/hash';
import { toCSV } from '../export/csv';
import { generate, type RunRange } from '../generate';
import { conformanceReport } from '../analysis/conformance';
import { corruptionPreset } from '../quality/presets';
import type { Scenario } from '../scenario/schema';
import { TEMPLATES } from '../scenario/templates';
import { sizedTemplate } from '../testing';

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

export function pinCases(): PinCase[] {
  const base = small('baseline');
  return [
    ...TEMPLATES.map((t) => ({ id: t.id, scenario: small(t.id) })),
    { id: 'baseline+faults', scenario: { ...base, quality: { faults: corruptionPreset(base, 2) } } },
    { id: 'baseline@1of3', scenario: base, range: { partitions: 3, partition: 1 } },
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
