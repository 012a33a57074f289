import { AliasTable } from '../random/alias';
import { MIX_KINDS, type Mix } from '../scenario/schema';
import { dayNumber } from '../time';
import type { Column, DataTable } from '../table';
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from '../vocabulary';
import type { EngineModule } from './module';

/** Customers sign up within this many days before the calendar starts. */
const SIGNUP_HISTORY_DAYS = 3 * 365;

/** The option names of one mix kind across all cohorts, in first-seen order: one shared dictionary. */
export function mixVocabulary(mixes: readonly Mix[]): string[] {
  const seen = new Set<string>();
  for (const m of mixes) for (const k of Object.keys(m)) seen.add(k);
  return [...seen];
}

/** An alias table per cohort over the shared vocabulary of a mix kind. */
export function mixSamplers(mixes: readonly Mix[], vocabulary: readonly string[]): AliasTable[] {
  return mixes.map((m) => new AliasTable(vocabulary.map((k) => m[k] ?? 0)));
}

export const customersModule: EngineModule = {
  id: 'customers',
  dependsOn: [],
  tables: ['customers'],
  partitioned: false,
  estimateRows: (s) => s.volumes.customers,
  *generate(ctx) {
    const { scenario } = ctx;
    const n = scenario.volumes.customers;
    const rng = ctx.stream();
    const cohorts = scenario.cohorts;
    const cohortPick = new AliasTable(cohorts.map((c) => c.share));
    const start = dayNumber(scenario.calendar.start);

    const mixColumns = MIX_KINDS.map((kind) => {
      const vocabulary = mixVocabulary(cohorts.map((c) => c.mixes[kind]));
      return { kind, vocabulary, samplers: mixSamplers(cohorts.map((c) => c.mixes[kind]), vocabulary), indices: new Int32Array(n) };
    });

    const customerId = new Int32Array(n);
    const cohort = new Int32Array(n);
    const first = new Int32Array(n);
    const last = new Int32Array(n);
    const email: string[] = new Array<string>(n);
    const age = new Int32Array(n);
    const city = new Int32Array(n);
    const signup = new Int32Array(n);

    const chunk = 50_000;
    for (let i = 0; i < n; i++) {
      const c = cohortPick.sample(rng);
      customerId[i] = i + 1;
      cohort[i] = c;
      first[i] = rng.int(FIRST_NAMES.length);
      last[i] = rng.int(LAST_NAMES.length);
      email[i] = `${emailPart(FIRST_NAMES[first[i]])}.${emailPart(LAST_NAMES[last[i]])}${i + 1}@${EMAIL_DOMAINS[rng.int(EMAIL_DOMAINS.length)]}`;
      age[i] = rng.intBetween(cohorts[c].ageMin, cohorts[c].ageMax);
      city[i] = rng.int(CITIES.length);
      signup[i] = start - 1 - rng.int(SIGNUP_HISTORY_DAYS);
      for (const m of mixColumns) m.indices[i] = m.samplers[c].sample(rng);
      if (i % chunk === chunk - 1) yield i / n;
    }

    const columns: Column[] = [
      { name: 'customer_id', type: 'int32', values: customerId },
      { name: 'cohort', type: 'dict', indices: cohort, dictionary: cohorts.map((c) => c.id) },
      { name: 'first_name', type: 'dict', indices: first, dictionary: FIRST_NAMES },
      { name: 'last_name', type: 'dict', indices: last, dictionary: LAST_NAMES },
      { name: 'email', type: 'string', values: email },
      { name: 'age', type: 'int32', values: age },
      { name: 'city', type: 'dict', indices: city, dictionary: CITIES },
      { name: 'region', type: 'dict', indices: Int32Array.from(city, regionOfCity), dictionary: REGIONS },
      { name: 'signup_date', type: 'date', values: signup },
      ...mixColumns.map((m): Column => ({ name: MIX_COLUMN[m.kind], type: 'dict', indices: m.indices, dictionary: m.vocabulary })),
    ];
    const table: DataTable = { name: 'customers', rowCount: n, columns };
    return [table];
  },
};

/** US census regions; a city belongs to one, fixed by its place in the city list. */
export const REGIONS = ['northeast', 'midwest', 'south', 'west'] as const;
export function regionOfCity(cityIndex: number): number {
  // Multiplicative hashing spreads neighbouring list entries over the regions.
  return ((cityIndex * 2654435761) >>> 0) % REGIONS.length;
}

export const MIX_COLUMN = {
  acquisition: 'acquisition_channel',
  channel: 'preferred_channel',
  payment: 'payment_method',
  support: 'support_channel',
} as const;

function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
