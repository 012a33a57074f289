import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp } from './round';

const same = (x: number) => Object.is(roundHalfUp(x) + 0, Math.round(x) + 0);

describe('roundHalfUp is Math.round', () => {
  it('on every double, halves and the edges of x + 0.5', () => {
    fc.assert(fc.property(fc.double(), (x) => same(x)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), (k) => same(k / 2) && same(k / 2 + 2 ** -30) && same(k / 2 - 2 ** -30)), { numRuns: 5_000 });
    for (const x of [0.49999999999999994, -0.49999999999999994, 0.5, -0.5, 1.5 - 2 ** -52, -1.5 + 2 ** -52, 2 ** 52 - 0.5, -(2 ** 52) + 0.5, 2 ** 52 + 1, 2 ** 52 + 3, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity]) {
      expect(roundHalfUp(x) + 0, String(x)).toBe(Math.round(x) + 0);
    }
    expect(roundHalfUp(NaN)).toBeNaN();
  });

  it('fails where a plain floor(x + 0.5) would', () => {
    // The case the comparison is there for: without it this is 1.
    expect(roundHalfUp(0.49999999999999994)).toBe(0);
    expect(Math.floor(0.49999999999999994 + 0.5)).toBe(1);
  });
});
