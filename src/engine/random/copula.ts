import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Rng } from './rng';

/** Linear algebra from ml-matrix; the rest is the Gaussian copula (NORTA) these tables need. */

export type Square = number[][];

/** Smallest eigenvalue of a symmetric matrix. */
export function minEigenvalue(m: Square): number {
  return Math.min(...new EigenvalueDecomposition(new Matrix(m), { assumeSymmetric: true }).realEigenvalues);
}

export function isPositiveSemiDefinite(m: Square, tolerance = 1e-10): boolean {
  return minEigenvalue(m) >= -tolerance;
}

/**
 * The nearest correlation matrix (Higham 2002: alternating projections with Dykstra's
 * correction) onto matrices with eigenvalues ≥ `floor` and a unit diagonal. A matrix that
 * is already a valid correlation matrix comes back unchanged.
 */
export function nearestCorrelation(a: Square, floor = 1e-6, iterations = 200): Square {
  const n = a.length;
  if (minEigenvalue(a) >= floor && a.every((row, i) => row[i] === 1)) return a.map((r) => [...r]);
  let y = new Matrix(a);
  let dS = Matrix.zeros(n, n);
  for (let k = 0; k < iterations; k++) {
    const r = Matrix.sub(y, dS);
    const evd = new EigenvalueDecomposition(r, { assumeSymmetric: true });
    const v = evd.eigenvectorMatrix;
    const d = Matrix.diag(evd.realEigenvalues.map((x) => Math.max(x, floor)));
    const x = v.mmul(d).mmul(v.transpose());
    dS = Matrix.sub(x, r);
    const next = x.clone();
    for (let i = 0; i < n; i++) next.set(i, i, 1);
    const change = Matrix.sub(next, y).norm('frobenius');
    y = next;
    if (change < 1e-12) break;
  }
  // Symmetrise away rounding; clip to [-1, 1].
  const out = y.to2DArray();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = Math.max(-1, Math.min(1, (out[i][j] + out[j][i]) / 2));
      out[i][j] = v;
      out[j][i] = v;
    }
    out[i][i] = 1;
  }
  return out;
}

export function cholesky(m: Square): Square {
  const c = new CholeskyDecomposition(new Matrix(m));
  if (!c.isPositiveDefinite()) throw new Error('matrix is not positive definite');
  return c.lowerTriangularMatrix.to2DArray();
}

/**
 * n rows of k standard normals whose sample covariance is exactly the identity
 * (centred, then whitened through the Cholesky factor of their own covariance), so a
 * target correlation imposed on them holds in the sample, not only in expectation.
 */
export function whiteNormals(rng: Rng, n: number, k: number): Float64Array[] {
  const z = Array.from({ length: k }, () => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = rng.normal();
    let mean = 0;
    for (let i = 0; i < n; i++) mean += col[i];
    mean /= n;
    for (let i = 0; i < n; i++) col[i] -= mean;
    return col;
  });
  if (n <= k) return z;
  const cov: Square = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => dot(z[a], z[b]) / (n - 1)));
  const l = cholesky(cov);
  // Forward substitution row by row: w = L⁻¹ z.
  const w = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      let s = z[a][i];
      for (let b = 0; b < a; b++) s -= l[a][b] * w[b][i];
      w[a][i] = s / l[a][a];
    }
  }
  return w;
}

/** Imposes correlation `r` on white normals: x = L_r · w, row by row. */
export function impose(white: readonly Float64Array[], r: Square): Float64Array[] {
  const l = cholesky(r);
  const k = white.length;
  const n = white[0].length;
  const x = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b <= a; b++) s += l[a][b] * white[b][i];
      x[a][i] = s;
    }
  }
  return x;
}

/** Pearson correlation matrix of k columns. */
export function correlationMatrix(cols: readonly ArrayLike<number>[]): Square {
  const k = cols.length;
  const n = cols[0].length;
  const centred = cols.map((c) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += c[i];
    mean /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] - mean;
    return out;
  });
  const sd = centred.map((c) => Math.sqrt(dot(c, c)));
  return Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b ? 1 : dot(centred[a], centred[b]) / (sd[a] * sd[b] || 1))));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
