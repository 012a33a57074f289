import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../engine/scenario/templates';
import { fragmentArb, fragmentOutcome, mutate, mutationArb, outcomeOf, tinyTemplate } from './mutate';

// No input may hang, crash or corrupt a file: every mutated scenario and every share-link
// fragment ends in data or a numbered error. `npm run fuzz` runs 20,000 cases and prints counts.
describe('fuzzed inputs end in data or a numbered error', () => {
  it('500 mutated scenarios (every template, extremes, non-finite numbers, prototype names, bad dates, missing fields)', () => {
    const counts = { data: 0, refused: 0, thrown: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES.map((t) => t.id)), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (id, mutations) => {
        const r = outcomeOf(mutate(tinyTemplate(id), mutations));
        counts[r.outcome]++;
        expect(r.why ?? '', `${id} ${JSON.stringify(mutations)}`).toBe('');
      }),
      { numRuns: 500, seed: 20261202 },
    );
    // Both ends are exercised: some mutated scenarios still run (a few percent), most are refused.
    expect(counts.data).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(100);
  });

  it('300 share-link fragments (random text and bytes, truncated links, compression bombs of 1, 8 and 64 MiB)', () => {
    fc.assert(
      fc.property(fragmentArb, (fragment) => {
        const r = fragmentOutcome(fragment);
        expect(r.why ?? '', fragment.slice(0, 80)).toBe('');
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
