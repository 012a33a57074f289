import { describe, expect, it } from 'vitest';
import { summarizeTable } from './summary';

const text = (values: string[]) => summarizeTable({ name: 't', rowCount: values.length, columns: [{ name: 's', type: 'string', values }] }).columns[0];

describe('summaries of text', () => {
  it('top values for repeated text; only the count of distinct values for unique or nearly unique text (no chips reading 0.0%)', () => {
    expect(text(['a', 'b', 'a', 'c', 'a']).top?.[0]).toEqual({ value: 'a', count: 3 });
    const unique = text(Array.from({ length: 5000 }, (_, i) => `v${i}`));
    expect([unique.distinct, unique.top]).toEqual([5000, undefined]);
    // 5,000 values, one of them twice: the most common is 0.04% of rows.
    const nearly = Array.from({ length: 5000 }, (_, i) => `v${i === 1 ? 0 : i}`);
    expect([text(nearly).distinct, text(nearly).top]).toEqual([4999, undefined]);
    // One value in a hundred rows: worth showing.
    const some = Array.from({ length: 5000 }, (_, i) => (i % 100 === 0 ? 'common' : `v${i}`));
    expect(text(some).top?.[0]).toEqual({ value: 'common', count: 50 });
  });
});
