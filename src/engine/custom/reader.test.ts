import { describe, expect, it } from 'vitest';
import type { Column, DataTable } from '../table';
import { RowReader } from './reader';
import { cells, compiled, evaluate, strs } from './expression/testing';
import type { Vector } from './expression';

// Text read from a dictionary column is compared with a literal by its codes (each word once);
// every result must be what the same comparison gives on the plain strings, nulls and rows whose
// key names no customer included, across blocks (4,096 rows).
const N = 10_000;
const COHORTS = ['gen_z', 'millennials', 'gen_x', 'boomers'];
const CHANNELS = ['web', 'app', 'marketplace'];

const dict = (name: string, dictionary: string[], n: number, code: (i: number) => number | null): Column => ({
  name,
  type: 'dict',
  dictionary,
  indices: Int32Array.from({ length: n }, (_, i) => code(i) ?? 0),
  valid: Uint8Array.from({ length: n }, (_, i) => (code(i) === null ? 0 : 1)),
});

const customers: DataTable = {
  name: 'customers',
  rowCount: 300,
  columns: [
    { name: 'customer_id', type: 'int32', values: Int32Array.from({ length: 300 }, (_, i) => i + 1) },
    dict('cohort', COHORTS, 300, (i) => (i % 17 === 0 ? null : (i * 7) % 4)),
  ],
};
const orders: DataTable = {
  name: 'orders',
  rowCount: N,
  columns: [
    // Ids past 300 name no customer.
    { name: 'customer_id', type: 'int32', values: Int32Array.from({ length: N }, (_, i) => 1 + ((i * 37) % 320)) },
    dict('channel', CHANNELS, N, (i) => (i % 23 === 0 ? null : (i * 5) % 3)),
  ],
};

const reader = new RowReader(orders, (name) => (name === 'customers' ? customers : undefined));

/** The column as plain strings (no codes): what the comparison must equal. */
function plain(name: string): Vector {
  const v = reader.source(name)!.block(0, N);
  return strs(...Array.from({ length: N }, (_, i) => (v.valid[i] ? (v.values[i] as string) : null)));
}

describe('text of a dictionary column compared with a literal', () => {
  it.each([
    "channel == 'app'",
    "'web' != channel",
    "customer.cohort == 'boomers'",
    "customer.cohort != 'gen_z'",
    "'nobody' == customer.cohort",
    "customer.cohort == channel",
    "customer.cohort == 'boomers' ? concat(channel, '!') : customer.cohort",
  ])('%s: the same cells as on plain strings', (source) => {
    const expression = compiled(source);
    const coded = cells(evaluate(expression, (name) => reader.source(name)!, N));
    const strings = cells(evaluate(expression, (name) => plain(name), N));
    expect(coded).toEqual(strings);
    // Not vacuous: nulls and values both occur (and for a word that is there, both answers).
    expect(coded).toContain(null);
    if (!source.includes('?') && /'(app|web|boomers|gen_z)'/.test(source)) expect(new Set(coded).size).toBe(3);
    else expect(coded.some((c) => c !== null)).toBe(true);
  });
});
