import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCommas } from './fields';

describe('withCommas', () => {
  it('writes whole numbers as toLocaleString("en-US") does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => withCommas(n) === n.toLocaleString('en-US')), { numRuns: 2000 });
    for (const n of [0, 7, 999, 1000, 87_600, 1_000_000]) expect(withCommas(n)).toBe(n.toLocaleString('en-US'));
  });
});
