import { derive } from '../../model/derived';
import { streamFor } from '../../random/rng';
import type { Scenario, Tenant } from '../../scenario/schema';
import { civilFromDays, dayNumber, daysFromCivil } from '../../time';

export interface WeatherSeries {
  temp: Float64Array;
  precip: Float64Array;
  tempAnomaly: Float64Array;
  precipAnomaly: Float64Array;
  tempRoll7: Float64Array;
  precipRoll7: Float64Array;
  /** Anomalies standardised over the period: the z_T and z_P of the elasticity model. */
  zTemp: Float64Array;
  zPrecip: Float64Array;
}

const TWO_PI = 2 * Math.PI;
/** Day-to-day persistence of temperature anomalies (AR(1)) and their innovation spread, °C. */
const TEMP_PERSISTENCE = 0.7;
const TEMP_INNOVATION = 2.5;
/** Wet days follow wet days: a two-state Markov chain. */
const P_WET_AFTER_WET = 0.6;
const MEAN_RAIN_MM = 6;

export function dayOfYear(day: number): number {
  const [y] = civilFromDays(day);
  return day - daysFromCivil(y, 1, 1);
}

/** Climate by latitude: warmer and flatter near the equator, seasons flipped south of it. */
export function climateTemp(latitude: number, doy: number): number {
  const mean = 27 - 0.42 * Math.abs(latitude);
  const amplitude = Math.max(1, 0.28 * Math.abs(latitude) - 1.5);
  const warmest = latitude >= 0 ? 200 : 17;
  return mean + amplitude * Math.cos((TWO_PI * (doy - warmest)) / 365.25);
}

/** Chance of a wet day: a little higher in the cool half of the year. */
export function wetChance(latitude: number, doy: number): number {
  const wettest = latitude >= 0 ? 15 : 197;
  return 0.32 + 0.08 * Math.cos((TWO_PI * (doy - wettest)) / 365.25);
}

/**
 * Daily weather per tenant location over the whole calendar: seasonal temperature with
 * autocorrelated anomalies, and zero-inflated rain with wet spells. Drawn once per run
 * from each tenant's own stream, so any range of days can be cut from it.
 */
export function weatherFor(scenario: Scenario): WeatherSeries[] {
  return derive(scenario, 'weather', (s) => s.tenants.map((t, i) => tenantWeather(s, t, i)));
}

function tenantWeather(scenario: Scenario, tenant: Tenant, index: number): WeatherSeries {
  const rng = streamFor(scenario.seed, 'weather', index);
  const days = scenario.calendar.days;
  const start = dayNumber(scenario.calendar.start);
  const temp = new Float64Array(days);
  const precip = new Float64Array(days);
  const tempAnomaly = new Float64Array(days);
  const precipAnomaly = new Float64Array(days);
  let anomaly = (rng.normal() * TEMP_INNOVATION) / Math.sqrt(1 - TEMP_PERSISTENCE ** 2);
  let wet = false;
  for (let d = 0; d < days; d++) {
    const doy = dayOfYear(start + d);
    if (d > 0) anomaly = TEMP_PERSISTENCE * anomaly + TEMP_INNOVATION * rng.normal();
    const clim = climateTemp(tenant.latitude, doy);
    temp[d] = Math.round((clim + anomaly) * 10) / 10;
    tempAnomaly[d] = temp[d] - clim;
    const pWet = wetChance(tenant.latitude, doy);
    // Stationary chance pWet with persistence: after a dry day, rain is less likely.
    const afterDry = (pWet * (1 - P_WET_AFTER_WET)) / (1 - pWet);
    wet = rng.next() < (wet ? P_WET_AFTER_WET : afterDry);
    precip[d] = wet ? Math.round(rng.logNormal(Math.log(MEAN_RAIN_MM) - 0.5, 1) * 10) / 10 : 0;
    precipAnomaly[d] = precip[d] - pWet * MEAN_RAIN_MM;
  }
  return {
    temp,
    precip,
    tempAnomaly,
    precipAnomaly,
    tempRoll7: rolling(temp, 7),
    precipRoll7: rolling(precip, 7),
    zTemp: standardise(tempAnomaly),
    zPrecip: standardise(precipAnomaly),
  };
}

/** Trailing mean over up to `w` days, today included. */
function rolling(x: Float64Array, w: number): Float64Array {
  const out = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i];
    if (i >= w) sum -= x[i - w];
    out[i] = sum / Math.min(i + 1, w);
  }
  return out;
}

export function standardise(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1)) || 1;
  return Float64Array.from(x, (v) => (v - mean) / sd);
}
