import { fixedCell } from './expressionColumn';
import { roundHalfUp } from './round';
import type { DistributionFamily, DistributionParams } from '../scenario/customColumns';

/**
 * A custom distribution column draws each value as Q(u): the family's quantile function at
 * the row's uniform, then clamped to the bounds and rounded. One uniform per row keeps a
 * row's value independent of every other row (see draws.ts); the same Q also gives the
 * expected mean and sd the conformance report holds the column to (`expectedMoments`).
 */
export interface ValueShape {
  family: DistributionFamily;
  params: DistributionParams;
  min?: number;
  max?: number;
  /** Rounded to this many decimals (Poisson and Bernoulli are whole numbers). */
  decimals: number;
}

// Acklam's coefficients, as constants: array literals inside the function were allocated on
// every call (a million rows: 30 ms of the column's time, and garbage).
const A0 = -39.69683028665376, A1 = 220.9460984245205, A2 = -275.9285104469687, A3 = 138.357751867269, A4 = -30.66479806614716, A5 = 2.506628277459239;
const B0 = -54.47609879822406, B1 = 161.5858368580409, B2 = -155.6989798598866, B3 = 66.80131188771972, B4 = -13.28068155288572;
const C0 = -0.007784894002430293, C1 = -0.3223964580411365, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 0.007784695709041462, D1 = 0.3224671290700398, D2 = 2.445134137142996, D3 = 3.754408661907416;
const LOW = 0.02425;

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -8.3;
  if (p >= 1) return 8.3;
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  if (p > 1 - LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  return centralQuantile(p);
}

/** normalQuantile's central part (LOW ≤ p ≤ 1 − LOW, 95% of rows). */
function centralQuantile(p: number): number {
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

/**
 * normalQuantile for a row loop, the same values: its central part is small enough for V8 to
 * inline, the whole function is not, and a double returned from a call that is not inlined is
 * boxed on the heap (16 bytes a row; the collector then took more time than the arithmetic).
 */
const rowQuantile = (p: number): number => (p >= LOW && p <= 1 - LOW ? centralQuantile(p) : normalQuantile(p));

/** Poisson quantile: the CDF walked up from 0 for small means, a Cornish–Fisher normal step above (error well under a count). */
function poissonQuantile(mean: number): (u: number) => number {
  if (mean <= 0) return () => 0;
  if (mean > 200) {
    const s = Math.sqrt(mean);
    return (u) => {
      const z = normalQuantile(u);
      return Math.max(0, Math.floor(mean + s * z + (z * z - 1) / 6 + 0.5));
    };
  }
  // The CDF tabulated once up to far in the tail; a row is a binary search.
  const cdf: number[] = [];
  let pmf = Math.exp(-mean);
  let total = 0;
  for (let k = 0; total < 1 - 1e-15 && k < mean + 40 * Math.sqrt(mean) + 40; k++) {
    total += pmf;
    cdf.push(total);
    pmf *= mean / (k + 1);
  }
  return (u) => {
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Normal, log-normal and uniform values are a + b·z: z the standard normal quantile of u (for
 * the uniform, u itself), exponentiated for the log-normal. Null for the counting families.
 */
function affineOf(family: DistributionFamily, p: DistributionParams): { a: number; b: number } | null {
  switch (family) {
    case 'normal': {
      const { mean = 0, sd = 1 } = p;
      return { a: mean, b: sd };
    }
    case 'lognormal': {
      // The user gives the mean and sd of the values: σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2.
      const { mean = 1, sd = 0 } = p;
      const s2 = Math.log(1 + (sd * sd) / (mean * mean));
      return { a: Math.log(mean) - s2 / 2, b: Math.sqrt(s2) };
    }
    case 'uniform': {
      const { min = 0, max = 1 } = p;
      return { a: min, b: max - min };
    }
    default:
      return null;
  }
}

/** The family's quantile function for these parameters (each assumed valid: see paramsProblem). */
export function quantileOf(family: DistributionFamily, p: DistributionParams): (u: number) => number {
  const affine = affineOf(family, p);
  if (affine) {
    const { a, b } = affine;
    if (family === 'uniform') return (u) => a + b * u;
    if (family === 'lognormal') return (u) => Math.exp(a + b * normalQuantile(u));
    return (u) => a + b * normalQuantile(u);
  }
  if (family === 'poisson') return poissonQuantile(p.mean ?? 0);
  const q = p.p ?? 0.5;
  return (u) => (u < q ? 1 : 0);
}

/** Q(u), clamped and rounded as the column is written. */
export function valueFunction(shape: ValueShape): (u: number) => number {
  const q = quantileOf(shape.family, shape.params);
  const lo = shape.min ?? -Infinity;
  const hi = shape.max ?? Infinity;
  const scale = 10 ** shape.decimals;
  return (u) => roundHalfUp(Math.min(hi, Math.max(lo, q(u))) * scale) / scale;
}

/**
 * A block of rows' cells as the column stores them: valueFunction's value times 10^decimals
 * (see NARROW), NaN where no file could hold it exactly (not finite, too large). Row i is under
 * shapes[shapeOf[i] + 1] (shapes[0] where shapeOf is null or -1): shapes differing only in
 * parameters, as a column's groups do. The normal, log-normal and uniform run as one loop per
 * family over the rows with each group's a and b: calling each row's quantile function through
 * two closures took about a third of a normal column's time, and a loop shared by the three
 * families, deciding per row, another fifth.
 */
export function blockCells(shapes: readonly ValueShape[]): (u: Float64Array, shapeOf: Int32Array | null, out: Float64Array) => void {
  const { family, min, max, decimals } = shapes[0];
  const scale = 10 ** decimals;
  const affine = shapes.map((s) => affineOf(s.family, s.params));
  if (affine.some((x) => x === null)) {
    const f = shapes.map(valueFunction);
    return (u, shapeOf, out) => {
      for (let i = 0; i < u.length; i++) out[i] = fixedCell(f[shapeOf ? shapeOf[i] + 1 : 0](u[i]), scale);
    };
  }
  const a = Float64Array.from(affine, (x) => x!.a);
  const b = Float64Array.from(affine, (x) => x!.b);
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const cells = family === 'uniform' ? uniformCells : family === 'lognormal' ? lognormalCells : normalCells;
  return (u, shapeOf, out) => cells(a, b, lo, hi, scale, u, shapeOf, out);
}

// The three families' loops are top-level functions, not closures made per column: a fresh
// closure ran its first blocks unoptimised, boxing each double it read (3.5 MB of garbage per
// million cells in a heap profile, after warm-up). The quantiles go into `out` in a loop of
// their own first: two short loops ran a million normal cells in 0.75× the time of one.
type CellLoop = (a: Float64Array, b: Float64Array, lo: number, hi: number, scale: number, u: Float64Array, shapeOf: Int32Array | null, out: Float64Array) => void;

const uniformCells: CellLoop = (a, b, lo, hi, scale, u, shapeOf, out) => {
  for (let i = 0; i < u.length; i++) {
    const g = shapeOf ? shapeOf[i] + 1 : 0;
    const k = roundHalfUp(Math.min(hi, Math.max(lo, a[g] + b[g] * u[i])) * scale);
    out[i] = Math.abs(k) < NARROW ? k : wideCell(k, scale);
  }
};

const lognormalCells: CellLoop = (a, b, lo, hi, scale, u, shapeOf, out) => {
  for (let i = 0; i < u.length; i++) out[i] = rowQuantile(u[i]);
  for (let i = 0; i < u.length; i++) {
    const g = shapeOf ? shapeOf[i] + 1 : 0;
    const k = roundHalfUp(Math.min(hi, Math.max(lo, Math.exp(a[g] + b[g] * out[i]))) * scale);
    out[i] = Math.abs(k) < NARROW ? k : wideCell(k, scale);
  }
};

const normalCells: CellLoop = (a, b, lo, hi, scale, u, shapeOf, out) => {
  for (let i = 0; i < u.length; i++) out[i] = rowQuantile(u[i]);
  for (let i = 0; i < u.length; i++) {
    const g = shapeOf ? shapeOf[i] + 1 : 0;
    const k = roundHalfUp(Math.min(hi, Math.max(lo, a[g] + b[g] * out[i])) * scale);
    out[i] = Math.abs(k) < NARROW ? k : wideCell(k, scale);
  }
};

/**
 * A cell is a value rounded to the column's decimals, scaled back up and rounded again, as
 * valueFunction and fixedCell do one after the other. Below 2^50 the second rounding gives back
 * the first (k / scale · scale is within a quarter of k), so the loops round once (k, never −0)
 * and keep it; from there on the division can land between doubles, and wideCell rounds again.
 * The loops write k themselves: a double returned from a call V8 does not inline is boxed on
 * the heap, 16 bytes a row.
 */
const NARROW = 2 ** 50;

/** The cell of a scaled, rounded k at or past NARROW (or not a number). */
function wideCell(k: number, scale: number): number {
  return fixedCell(k / scale, scale);
}

const known = new Map<string, { mean: number; sd: number; m4: number }>();

/** Mean, sd and fourth central moment of the column's values, integrated over the quantile function (kept per shape: ~30 ms each). */
export function expectedMoments(shape: ValueShape): { mean: number; sd: number; m4: number } {
  const key = JSON.stringify(shape);
  let moments = known.get(key);
  if (!moments) {
    moments = integrate(shape);
    if (known.size > 500) known.clear();
    known.set(key, moments);
  }
  return moments;
}

function integrate(shape: ValueShape): { mean: number; sd: number; m4: number } {
  // Midpoints of 100,000 equal slices of probability: the tails past the last slice move a normal's sd by < 0.001%.
  const n = 100_000;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = (i + 0.5) / n;
  const values = integrandValues(shape, u);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (values[i] - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { mean, sd: Math.sqrt(m2 / n), m4: m4 / n };
}

/**
 * valueFunction(shape) at each u, the same doubles: a narrow cell of the column's block loop is
 * the k that valueFunction divides by 10^decimals (see NARROW), so it is divided here too; other
 * cells (wide, or not a number) go through valueFunction. Calling it per point through its
 * closures took ~12 ms a shape, a conformance report's largest single cost at 1M orders.
 */
export function integrandValues(shape: ValueShape, u: Float64Array): Float64Array {
  const values = new Float64Array(u.length);
  blockCells([shape])(u, null, values);
  const scale = 10 ** shape.decimals;
  let f: ((u: number) => number) | undefined;
  for (let i = 0; i < values.length; i++) {
    const cell = values[i];
    values[i] = Math.abs(cell) < NARROW / 2 ? cell / scale : (f ??= valueFunction(shape))(u[i]);
  }
  return values;
}
