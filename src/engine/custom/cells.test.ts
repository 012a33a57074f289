import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionFamily } from '../scenario/customColumns';
import { blockCells, integrandValues, quantileOf, valueFunction, type ValueShape } from './distributions';

/** A row's cell as it was made before the block loops: Math.round to the decimals, scaled back up, Math.round again. */
function reference(shape: ValueShape, u: number): number {
  const q = quantileOf(shape.family, shape.params)(u);
  const scale = 10 ** shape.decimals;
  const value = Math.round(Math.min(shape.max ?? Infinity, Math.max(shape.min ?? -Infinity, q)) * scale) / scale;
  const k = Math.round(value * scale);
  return Math.abs(k) <= Number.MAX_SAFE_INTEGER ? k + 0 : NaN;
}

const params = (family: DistributionFamily, at: number, spread: number) =>
  family === 'uniform' ? { min: at, max: at + spread } : family === 'lognormal' ? { mean: Math.abs(at) + 1, sd: spread } : { mean: at, sd: spread };

describe('distribution cells', () => {
  it('the block loops give the cells of rounding, scaling back and rounding again, up to 2^53 (every affine family, 0-4 decimals)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DistributionFamily>('normal', 'lognormal', 'uniform'),
        fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -2e15, max: 2e15, noNaN: true })),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (family, at, spread, decimals, us) => {
          const shape: ValueShape = { family, params: params(family, at, spread), decimals };
          const out = new Float64Array(us.length);
          blockCells([shape])(Float64Array.from(us), null, out);
          us.forEach((u, i) => expect(out[i], `${family} ${at} ${spread} ${decimals} u=${u}`).toStrictEqual(reference(shape, u)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('from 2^50 to 2^53 scaled, where one rounding and two differ for about 1 value in 100', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** 50, max: 2 ** 53 - 2, noNaN: true }), fc.integer({ min: 1, max: 4 }), (scaled, decimals) => {
        const at = scaled / 10 ** decimals;
        const shape: ValueShape = { family: 'uniform', params: { min: at, max: at }, decimals };
        const out = new Float64Array(1);
        blockCells([shape])(Float64Array.of(0.5), null, out);
        expect(out[0]).toStrictEqual(reference(shape, 0.5));
      }),
      { numRuns: 5000 },
    );
    // One such value: rounded once it is …645; rounded, scaled back and rounded again (what the column holds) …646.
    const shape: ValueShape = { family: 'uniform', params: { min: 41192082281456.445, max: 41192082281456.445 }, decimals: 2 };
    const out = new Float64Array(1);
    blockCells([shape])(Float64Array.of(0.5), null, out);
    expect(out[0]).toBe(4119208228145646);
  });

  it('the moments are integrated over valueFunction\'s very doubles (every family, 0-4 decimals, bounds, values past 2^50 and overflow)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DistributionFamily>('normal', 'lognormal', 'uniform', 'poisson', 'bernoulli'),
        fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -2e15, max: 2e15, noNaN: true }), fc.constant(600)),
        fc.oneof(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.constant(1e300)),
        fc.integer({ min: 0, max: 4 }),
        fc.option(fc.double({ min: -1e3, max: 1e3, noNaN: true })),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (family, at, spread, decimals, bound, us) => {
          const p = family === 'poisson' ? { mean: Math.min(Math.abs(at), 1e4) } : family === 'bernoulli' ? { p: Math.abs(at) % 1 } : params(family, at, spread);
          const shape: ValueShape = { family, params: p, decimals, ...(bound === null ? {} : { min: bound }) };
          const f = valueFunction(shape);
          const values = integrandValues(shape, Float64Array.from(us));
          us.forEach((u, i) => expect(Object.is(values[i], f(u)), `${JSON.stringify(shape)} u=${u}: ${values[i]} vs ${f(u)}`).toBe(true));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
