import { Matrix, inverse } from 'ml-matrix';
import type { Scenario } from '../scenario/schema';
import { column, numericValue, type DataTable } from '../table';
import { weekday } from '../time';
import { standardise } from '../modules/tenants/weather';

/** |β̂ − β| at most this counts as recovered (SPEC T1, at the template's defaults). */
export const ELASTICITY_TOLERANCE = 0.03;
/**
 * A short calendar cannot pin β down to ±0.03 (60 days: three standard errors are 0.05-0.11),
 * so there the estimate is judged within three standard errors, as price elasticities are:
 * a fail then says the data disagree with the truth, not that there were too few days. At the
 * defaults (a year) three standard errors are 0.018-0.029, so ±0.03 holds.
 */
export const ELASTICITY_SE_MULTIPLE = 3;
export function elasticityTolerance(se: number): number {
  return Math.max(ELASTICITY_TOLERANCE, ELASTICITY_SE_MULTIPLE * se);
}

export interface ElasticityEstimate {
  variable: 'temperature' | 'precipitation';
  truth: number;
  estimate: number;
  se: number;
  low: number;
  high: number;
  /** ± around the truth within which the estimate counts as recovered (see elasticityTolerance). */
  tolerance: number;
  pass: boolean;
}

export interface TenantElasticity {
  tenant: string;
  category: string;
  n: number;
  r2: number;
  estimates: ElasticityEstimate[];
  /** Per day: standardised anomalies and the partial residual of ln revenue for each. */
  points: { zTemp: number; zPrecip: number; residTemp: number; residPrecip: number }[];
}

/** Student's t 97.5% quantile, Cornish–Fisher from the normal (exact enough for df > 30). */
function t975(df: number): number {
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * Per tenant: OLS of ln daily net revenue on the standardised temperature and
 * precipitation anomalies, with weekday dummies and two annual harmonics as season
 * controls. Returns estimate, standard error, 95% interval and R² beside the truth.
 */
export function estimateElasticities(scenario: Scenario, orders: DataTable | undefined, weather: DataTable | undefined): TenantElasticity[] {
  if (!orders || !weather || scenario.tenants.length === 0) return [];
  const oTenant = column(orders, 'tenant_id');
  const oDate = column(orders, 'date');
  const oNet = column(orders, 'net_revenue');
  const wTenant = column(weather, 'tenant_id');
  const wDate = column(weather, 'date');
  const wTemp = column(weather, 'temp_anomaly');
  const wPrecip = column(weather, 'precip_anomaly');
  if (oTenant.type !== 'dict' || wTenant.type !== 'dict' || oDate.type !== 'date' || wDate.type !== 'date') return [];

  return scenario.tenants.map((t, ti) => {
    const revenue = new Map<number, number>();
    for (let r = 0; r < orders.rowCount; r++) {
      if (oTenant.indices[r] !== ti) continue;
      revenue.set(oDate.values[r], (revenue.get(oDate.values[r]) ?? 0) + numericValue(oNet, r));
    }
    const days: number[] = [];
    const temp: number[] = [];
    const precip: number[] = [];
    for (let r = 0; r < weather.rowCount; r++) {
      if (wTenant.indices[r] !== ti) continue;
      days.push(wDate.values[r]);
      temp.push(numericValue(wTemp, r));
      precip.push(numericValue(wPrecip, r));
    }
    const zT = standardise(temp);
    const zP = standardise(precip);
    const keep = days.map((_, i) => i).filter((i) => (revenue.get(days[i]) ?? 0) > 0);
    const y = keep.map((i) => Math.log(revenue.get(days[i])!));
    const x = keep.map((i) => {
      const d = days[i];
      const wd = weekday(d);
      const angle = (2 * Math.PI * d) / 365.25;
      return [1, zT[i], zP[i], ...[0, 1, 2, 3, 4, 5].map((k) => (wd === k ? 1 : 0)), Math.sin(angle), Math.cos(angle), Math.sin(2 * angle), Math.cos(2 * angle)];
    });
    const n = y.length;
    const k = x[0]?.length ?? 0;
    if (n <= k + 2) return { tenant: t.id, category: t.category, n, r2: 0, estimates: [], points: [] };
    const X = new Matrix(x);
    const Y = Matrix.columnVector(y);
    const XtXinv = inverse(X.transpose().mmul(X));
    const beta = XtXinv.mmul(X.transpose()).mmul(Y).getColumn(0);
    const fitted = X.mmul(Matrix.columnVector(beta)).getColumn(0);
    const mean = y.reduce((a, b) => a + b, 0) / n;
    let rss = 0;
    let tss = 0;
    for (let i = 0; i < n; i++) {
      rss += (y[i] - fitted[i]) ** 2;
      tss += (y[i] - mean) ** 2;
    }
    const s2 = rss / (n - k);
    const q = t975(n - k);
    const estimate = (variable: ElasticityEstimate['variable'], j: number, truth: number): ElasticityEstimate => {
      const se = Math.sqrt(s2 * XtXinv.get(j, j));
      const tolerance = elasticityTolerance(se);
      return { variable, truth, estimate: beta[j], se, low: beta[j] - q * se, high: beta[j] + q * se, tolerance, pass: Math.abs(beta[j] - truth) <= tolerance };
    };
    const points = keep.map((i, r) => {
      const resid = y[r] - fitted[r];
      return { zTemp: zT[i], zPrecip: zP[i], residTemp: resid + beta[1] * zT[i], residPrecip: resid + beta[2] * zP[i] };
    });
    return {
      tenant: t.id,
      category: t.category,
      n,
      r2: 1 - rss / tss,
      estimates: [estimate('temperature', 1, t.tempElasticity), estimate('precipitation', 2, t.precipElasticity)],
      points,
    };
  });
}
