import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { toCSV } from '../engine/export/csv';
import { generate } from '../engine/generate';
import { assertFitsMemory } from '../engine/estimate';
import { ScenarioError } from '../engine/scenario/errors';
import type { Scenario } from '../engine/scenario/schema';
import { decodeShareFragment } from '../engine/scenario/shareLink';
import { TEMPLATES } from '../engine/scenario/templates';
import { validateScenario } from '../engine/scenario/validate';

/** A template at a size that runs in milliseconds, the ground the mutations start from. */
export function tinyTemplate(id: string): Scenario {
  const s = TEMPLATES.find((t) => t.id === id)!.build();
  return {
    ...s,
    calendar: { ...s.calendar, days: Math.min(s.calendar.days, s.lifecycle ? 40 : 3) },
    volumes: { customers: 200, ordersPerDay: 40, products: 30, suppliers: 4 },
    jaffle: s.jaffle && { ...s.jaffle, customersPerRun: 60, anomalies: s.jaffle.anomalies.filter((a) => a.day < 3) },
  };
}

/** Every leaf path of a JSON value: ['volumes', 'customers'], ['cohorts', 0, 'share'], … */
function leafPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => leafPaths((v as Record<string | number, unknown>)[k], [...at, k]))];
}

/** Values a careless or hostile input might hold: extremes, non-finite numbers, wrong types, prototype names, bad dates. */
export const hostileValue = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 9007199254740994, 1e300, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 0.5, 100, 101, -0),
  fc.constantFrom('', '0000-01-01', '2024-11-31', '2024-11-31T02:00', '2024-11-25T99:99', '9999-12-31', '__proto__', 'constructor', 'toString', 'a\u0000b', '=1+1', 'x'.repeat(300)),
  fc.constantFrom(null, true, [], {}, { __proto__: { polluted: 1 } }, [1, 2, 3]),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: false }),
);

export interface Mutation {
  path: number[];
  /** Delete the field instead of setting it. */
  remove: boolean;
  value: unknown;
}

export const mutationArb = fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 1 }), remove: fc.boolean(), value: hostileValue });

/** Applies mutations, each at a path picked (by index) among the scenario's current leaf paths. */
export function mutate(base: Scenario, mutations: readonly Mutation[]): unknown {
  const s = structuredClone(base) as unknown as Record<string | number, unknown>;
  for (const m of mutations) {
    const paths = leafPaths(s).filter((p) => p.length > 0);
    const path = paths[m.path[0] % paths.length];
    let node = s as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    const leaf = path[path.length - 1];
    if (m.remove && !Array.isArray(node)) delete node[leaf];
    // A copy: the generators hand out shared objects, and one set into itself would make a cycle.
    else node[leaf] = structuredClone(m.value);
  }
  return s;
}

export type Outcome = 'data' | 'refused' | 'thrown';

/** Memory a fuzzed run may take here: larger valid runs are refused with E107, as the page would. */
const FUZZ_BUDGET = 48 * 2 ** 20;

/**
 * What happens to one input: validation must answer (never throw); a valid scenario either
 * runs to well-formed CSV (every row as wide as the header, no NUL) or is refused with a
 * numbered error. Anything else is 'thrown', with the reason.
 */
export function outcomeOf(input: unknown): { outcome: Outcome; why?: string } {
  let v;
  try {
    v = validateScenario(input);
  } catch (e) {
    return { outcome: 'thrown', why: `validation threw: ${(e as Error).message}` };
  }
  if (!v.ok) return v.issues.every((i) => /^E1\d\d$/.test(i.code)) ? { outcome: 'refused' } : { outcome: 'thrown', why: `unnumbered issue ${JSON.stringify(v.issues[0])}` };
  try {
    assertFitsMemory(v.scenario, FUZZ_BUDGET);
    const run = generate(v.scenario);
    for (const t of run.tables) {
      const bytes = toCSV(t);
      if (bytes.includes(0)) return { outcome: 'thrown', why: `NUL byte in ${t.name}.csv` };
      const rows = parse(Buffer.from(bytes), { relax_column_count: true }) as string[][];
      const width = rows[0]?.length ?? 0;
      const ragged = rows.findIndex((r) => r.length !== width);
      if (ragged >= 0) return { outcome: 'thrown', why: `${t.name}.csv row ${ragged} has ${rows[ragged].length} cells, the header ${width}` };
      if (rows.length !== t.rowCount + 1) return { outcome: 'thrown', why: `${t.name}.csv has ${rows.length - 1} rows, the table ${t.rowCount}` };
    }
    return { outcome: 'data' };
  } catch (e) {
    if (e instanceof ScenarioError && e.issues.every((i) => /^E1\d\d$/.test(i.code))) return { outcome: 'refused' };
    return { outcome: 'thrown', why: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Share-link fragments: random bytes, truncated real links, bombs. */
export const fragmentArb = fc.oneof(
  fc.string({ maxLength: 200 }).map((s) => `#s=${s}`),
  fc.uint8Array({ maxLength: 300 }).map((b) => `#s=${Buffer.from(b).toString('base64url')}`),
  fc.tuple(fc.constantFrom(...TEMPLATES.map((t) => t.id)), fc.nat()).map(([id, cut]) => {
    const link = Buffer.from(deflateSync(strToU8(JSON.stringify(tinyTemplate(id))))).toString('base64url');
    return `#s=${link.slice(0, cut % (link.length + 1))}`;
  }),
  fc.constantFrom(1, 8, 64).map((mib) => bomb(mib)),
);

const bombs = new Map<number, string>();
/** A link whose few kB inflate to `mib` MiB of zeros (made once per size). */
function bomb(mib: number): string {
  if (!bombs.has(mib)) bombs.set(mib, `#s=${Buffer.from(deflateSync(new Uint8Array(mib * 2 ** 20), { level: 9 })).toString('base64url')}`);
  return bombs.get(mib)!;
}

export function fragmentOutcome(fragment: string): { outcome: Outcome; why?: string } {
  try {
    const v = decodeShareFragment(fragment);
    if (!v || v.ok) return { outcome: 'data' };
    return v.issues.every((i) => /^E1\d\d$/.test(i.code)) ? { outcome: 'refused' } : { outcome: 'thrown', why: JSON.stringify(v.issues[0]) };
  } catch (e) {
    return { outcome: 'thrown', why: (e as Error).message };
  }
}
