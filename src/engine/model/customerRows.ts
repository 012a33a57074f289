import { AliasTable } from '../random/alias';
import type { Rng } from '../random/rng';
import { MIX_KINDS, type Cohort, type Mix } from '../scenario/schema';
import type { Column } from '../table';
import { CITIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from '../vocabulary';

const CHANNEL_MIX = MIX_KINDS.indexOf('channel');

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

/**
 * The customers table's columns, filled one person at a time: the suite draws everyone
 * up front, the lifecycle adds signups day by day. Row i is customer i + 1.
 */
export class CustomerRows {
  private readonly mixes;
  readonly cohort: Int32Array;
  readonly since: Int32Array;
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly domain: Int32Array;
  private readonly age: Int32Array;
  private readonly city: Int32Array;

  constructor(
    private readonly cohorts: readonly Cohort[],
    readonly capacity: number,
  ) {
    this.mixes = MIX_KINDS.map((kind) => {
      const vocabulary = mixVocabulary(cohorts.map((c) => c.mixes[kind]));
      return { kind, vocabulary, samplers: mixSamplers(cohorts.map((c) => c.mixes[kind]), vocabulary), indices: new Int32Array(capacity) };
    });
    this.cohort = new Int32Array(capacity);
    this.since = new Int32Array(capacity);
    this.first = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
    this.domain = new Int32Array(capacity);
    this.age = new Int32Array(capacity);
    this.city = new Int32Array(capacity);
  }

  /** Draws row i's person; `sinceDay` is the signup day (days since 1970). */
  fill(i: number, rng: Rng, cohortIndex: number, sinceDay: number): void {
    const c = this.cohorts[cohortIndex];
    this.cohort[i] = cohortIndex;
    this.first[i] = rng.int(FIRST_NAMES.length);
    this.last[i] = rng.int(LAST_NAMES.length);
    this.domain[i] = rng.int(EMAIL_DOMAINS.length);
    this.age[i] = rng.intBetween(c.ageMin, c.ageMax);
    this.city[i] = rng.int(CITIES.length);
    this.since[i] = sinceDay;
    for (const m of this.mixes) m.indices[i] = m.samplers[cohortIndex].sample(rng);
  }

  /** Channel index (in the preferred_channel dictionary) of row i, and that dictionary. */
  channelOf(i: number): number {
    return this.channel.indices[i];
  }
  get channels(): readonly string[] {
    return this.channel.vocabulary;
  }
  private get channel() {
    return this.mixes[CHANNEL_MIX];
  }

  /** Rows [from, to) as the customers table's columns (new buffers). */
  columns(from: number, to: number): Column[] {
    const ids = new Int32Array(to - from);
    for (let i = 0; i < ids.length; i++) ids[i] = from + i + 1;
    const city = this.city.slice(from, to);
    return [
      { name: 'customer_id', type: 'int32', values: ids },
      { name: 'cohort', type: 'dict', indices: this.cohort.slice(from, to), dictionary: this.cohorts.map((c) => c.id) },
      { name: 'first_name', type: 'dict', indices: this.first.slice(from, to), dictionary: FIRST_NAMES },
      { name: 'last_name', type: 'dict', indices: this.last.slice(from, to), dictionary: LAST_NAMES },
      { name: 'email', type: 'string', values: this.emails(from, to) },
      { name: 'age', type: 'int32', values: this.age.slice(from, to) },
      { name: 'city', type: 'dict', indices: city, dictionary: CITIES },
      { name: 'region', type: 'dict', indices: Int32Array.from(city, regionOfCity), dictionary: REGIONS },
      { name: 'customer_since', type: 'date', values: this.since.slice(from, to) },
      ...this.mixes.map((m): Column => ({ name: MIX_COLUMN[m.kind], type: 'dict', indices: m.indices.slice(from, to), dictionary: m.vocabulary })),
    ];
  }

  /**
   * Rows [from, to)'s emails, "first.last{customer id}@domain": written as bytes and decoded
   * once, each a slice of one string. A string built per row was five objects for the
   * collector, whose time was two fifths of making 100,000 customers.
   */
  private emails(from: number, to: number): string[] {
    const parts = emailParts();
    const emails = new Array<string>(to - from);
    // Each email's parts, and 12 bytes for the dot, the @ and up to ten digits of the id.
    let size = 0;
    for (let i = from; i < to; i++) size += parts.first[this.first[i]].length + parts.last[this.last[i]].length + parts.domain[this.domain[i]].length + 12;
    const bytes = new Uint8Array(size);
    const ends = new Int32Array(to - from);
    let at = 0;
    for (let i = from; i < to; i++) {
      bytes.set(parts.first[this.first[i]], at);
      at += parts.first[this.first[i]].length;
      bytes[at++] = DOT;
      bytes.set(parts.last[this.last[i]], at);
      at = writeDigits(bytes, at + parts.last[this.last[i]].length, i + 1);
      bytes[at++] = AT;
      bytes.set(parts.domain[this.domain[i]], at);
      ends[i - from] = at += parts.domain[this.domain[i]].length;
    }
    // Every part is ASCII (emailParts checks): a byte is a UTF-16 unit, so byte offsets cut the text.
    const text = new TextDecoder().decode(bytes.subarray(0, at));
    for (let r = 0, start = 0; r < emails.length; start = ends[r++]) emails[r] = text.slice(start, ends[r]);
    return emails;
  }
}

const DOT = 46;
const AT = 64;

/** n ≥ 0's decimal digits at `at`; returns the position after them. */
function writeDigits(bytes: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let p = at + digits - 1, x = n; p >= at; p--, x = Math.floor(x / 10)) bytes[p] = 48 + (x % 10);
  return at + digits;
}

let emailPartsOfNames: EmailParts | undefined;
/** Every name's email part and every domain as ASCII bytes, made once: two regular-expression replaces a customer took 100,000 customers from 79-91 ms to 116-161 (best of 9). */
function emailParts(): EmailParts {
  if (emailPartsOfNames) return emailPartsOfNames;
  // Each list encoded in one call and cut into its words (a loop per character ran in the interpreter: it runs once).
  const ascii = (words: readonly string[]) => {
    const bytes = new TextEncoder().encode(words.join(''));
    // UTF-8 is one byte a character exactly when every character is ASCII.
    if (bytes.length !== words.reduce((n, w) => n + w.length, 0)) throw new Error('email parts must be ASCII');
    let at = 0;
    return words.map((w) => bytes.subarray(at, (at += w.length)));
  };
  return (emailPartsOfNames = { first: ascii(FIRST_NAMES.map(emailPart)), last: ascii(LAST_NAMES.map(emailPart)), domain: ascii(EMAIL_DOMAINS) });
}
interface EmailParts {
  first: readonly Uint8Array[];
  last: readonly Uint8Array[];
  domain: readonly Uint8Array[];
}

function emailPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
