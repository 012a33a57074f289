import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArrowIPC } from './export/arrow';
import { toCSV } from './export/csv';
import { generate } from './generate';
import { eventStartMs } from './model/events';
import { jaffleFaults } from './modules/jaffle/faults';
import { ScenarioError } from './scenario/errors';
import { FAULT_KINDS, TABLE_NAMES, type Scenario } from './scenario/schema';
import { tablesOnOffer } from './scenario/applies';
import { TEMPLATES } from './scenario/templates';
import { validateScenario } from './scenario/validate';
import { dayNumber, isoTimestamp, MS_PER_DAY } from './time';
import { columnLength } from './table';

const CHOOSABLE = TABLE_NAMES.filter((t) => t !== 'dq_faults');

/** Any valid scenario a person could set up in the editor runs and exports, whatever its size. */
describe('robustness (property over random small scenarios)', () => {
  it('every template, resized, reseeded, with events moved anywhere, generates and exports without error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES.map((t) => t.id)),
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          days: fc.integer({ min: 1, max: 9 }),
          ordersPerDay: fc.integer({ min: 0, max: 300 }),
          customers: fc.integer({ min: 1, max: 400 }),
          products: fc.integer({ min: 1, max: 60 }),
          suppliers: fc.integer({ min: 1, max: 6 }),
          shiftDays: fc.integer({ min: -20, max: 20 }),
          tables: fc.subarray(CHOOSABLE, { minLength: 1 }),
          faults: fc.array(fc.record({ table: fc.constantFrom(...CHOOSABLE), kind: fc.constantFrom(...FAULT_KINDS), ratePct: fc.integer({ min: 0, max: 12 }) }), { maxLength: 4 }),
        }),
        (id, o) => {
          const base = TEMPLATES.find((t) => t.id === id)!.build();
          // Tenants', lifecycle, inventory and jaffle tables need their sections (the tables on offer); a fault is kept only where its table is chosen and has a column it can take.
          const offered = tablesOnOffer(base);
          const tables = o.tables.filter((t) => offered.includes(t));
          const chosen = tables.length > 0 ? tables : base.tables;
          const s: Scenario = {
            ...base,
            seed: o.seed,
            calendar: { ...base.calendar, days: o.days },
            volumes: { customers: o.customers, ordersPerDay: o.ordersPerDay, products: o.products, suppliers: o.suppliers },
            events: base.events.map((e) => ({ ...e, start: isoTimestamp(eventStartMs(e) + o.shiftDays * MS_PER_DAY).slice(0, 16).replace(' ', 'T') })),
            tables: chosen,
            // A validation anomaly on a day the shortened calendar no longer has is refused (E101), rightly.
            jaffle: base.jaffle && { ...base.jaffle, anomalies: base.jaffle.anomalies.filter((a) => a.day < o.days) },
            quality: { faults: o.faults.filter((f) => chosen.includes(f.table)).map((f) => ({ ...f, column: '' })) },
          };
          expect(validateScenario(s).ok).toBe(true);
          let run;
          try {
            run = generate(s);
          } catch (e) {
            // The one refusal allowed: a fault kind the table has no column for (E111).
            expect(e instanceof ScenarioError && e.issues.every((i) => i.code === 'E111')).toBe(true);
            return;
          }
          const withFaults = s.quality.faults.length + jaffleFaults(s).length > 0 ? ['dq_faults'] : [];
          expect(run.tables.map((t) => t.name)).toEqual([...TABLE_NAMES.filter((t) => chosen.includes(t)), ...withFaults]);
          for (const t of run.tables) {
            for (const c of t.columns) {
              const n = columnLength(c);
              expect(n, `${t.name}.${c.name}`).toBe(t.rowCount);
            }
            toCSV(t);
            toArrowIPC(t);
          }
          // Timestamps of the calendar's own rows stay inside it.
          const orders = run.tables.find((t) => t.name === 'orders');
          const created = orders?.columns.find((c) => c.name === 'created_at');
          if (created && created.type === 'timestamp') {
            const start = dayNumber(s.calendar.start) * MS_PER_DAY;
            for (const v of created.values) expect(v >= start && v < start + s.calendar.days * MS_PER_DAY).toBe(true);
          }
        },
      ),
      { numRuns: 120, seed: 20261121 },
    );
  });
});
