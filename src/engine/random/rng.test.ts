import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Rng, streamFor } from './rng';

// The engine's xor4096 is written out in rng.ts for speed; seedrandom's is the reference
// every pinned output was made with, so the two must give the same numbers for any seed.
describe('Rng', () => {
  it('draws the same numbers as seedrandom.xor4096 for any string seed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 3000 }), (seed, n) => {
        const ours = new Rng(seed);
        const theirs = seedrandom.xor4096(seed);
        for (let k = 0; k < n; k++) if (ours.next() !== theirs()) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('draws the same numbers as seedrandom for the streams a run names, far into them', () => {
    for (const [seed, module, part] of [[7, 'orders', 0], [42, 'customers', 3], [0, 'plan', 'context'], [-5, 'x', 12]] as const) {
      const ours = streamFor(seed, module, part);
      const theirs = seedrandom.xor4096(`${seed}\u241f${module}\u241f${part}`);
      let first = -1;
      for (let k = 0; k < 200_000 && first < 0; k++) if (ours.next() !== theirs()) first = k;
      expect(first).toBe(-1);
    }
  });

  it('int(n) and intBetween(lo, hi) reach every value, each about equally often', () => {
    // 70,000 draws over 7 values: each count within 5% of 10,000 (about 5 sd).
    const r = new Rng('even');
    const ints = new Array<number>(7).fill(0);
    const between = new Array<number>(7).fill(0);
    for (let k = 0; k < 70_000; k++) {
      ints[r.int(7)]++;
      between[r.intBetween(-3, 3) + 3]++;
    }
    for (const counts of [ints, between]) {
      expect(counts.reduce((a, b) => a + b, 0)).toBe(70_000);
      for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    }
  });
});
