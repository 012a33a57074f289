import { describe, expect, it } from 'vitest';
import { toCSV } from '../export/csv';
import { generate } from '../generate';
import { eventWindows } from '../model/events';
import { sizedTemplate } from '../testing';
import { takeRows, type DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import { compareKpis } from './compare';

/** The rows of a table whose time column falls before `ms`, as CSV text. */
function before(t: DataTable, timeColumn: string, ms: number): string {
  const c = t.columns.find((x) => x.name === timeColumn) as { values: Float64Array };
  const rows = Int32Array.from([...c.values.keys()].filter((i) => c.values[i] < ms));
  return new TextDecoder().decode(toCSV(takeRows(t, rows)));
}

describe('counterfactual compare (common random numbers)', () => {
  it('a scenario compared with itself has zero deltas', () => {
    const s = sizedTemplate('payment_outage', 3, 600);
    const kpis = compareKpis(generate(s), generate(structuredClone(s)));
    expect(kpis.length).toBeGreaterThanOrEqual(6);
    for (const k of kpis) expect(k.value - k.baseline, k.key).toBe(0);
  });

  it.each(['flash_sale', 'payment_outage', 'viral_moment'])('%s against itself without the event differs only from the event’s day on', (id) => {
    const s = sizedTemplate(id, 11, 600);
    const withEvent = generate(s);
    const without = generate({ ...s, events: [] });
    const w = eventWindows(s)[0];
    const dayStart = Math.floor(w.startMs / MS_PER_DAY) * MS_PER_DAY;
    const byName = (run: typeof withEvent, n: string) => run.tables.find((t) => t.name === n)!;
    for (const [name, col] of [
      ['orders', 'created_at'],
      ['support_tickets', 'created_at'],
      ['cart_abandonment', 'created_at'],
      ['hourly_metrics', 'hour'],
    ] as const) {
      expect(before(byName(withEvent, name), col, dayStart), `${name} before the event`).toBe(before(byName(without, name), col, dayStart));
    }
    // …and the event does change things.
    expect(before(byName(withEvent, 'hourly_metrics'), 'hour', w.endMs)).not.toBe(before(byName(without, 'hourly_metrics'), 'hour', w.endMs));
    const kpis = compareKpis(withEvent, without);
    expect(kpis.some((k) => k.value !== k.baseline)).toBe(true);
  });
});
