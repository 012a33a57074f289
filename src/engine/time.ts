export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;
/** The mean month (365.25 / 12 days), for tenures and purchase rates. */
export const DAYS_PER_MONTH = 30.4375;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC). */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return daysFromCivil(y, m, d);
}

/** Howard Hinnant's days_from_civil: exact, no Date object, no time zone. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days since epoch → 'YYYY-MM-DD'. */
export function isoDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Epoch milliseconds → 'YYYY-MM-DD HH:MM:SS' (UTC). */
export function isoTimestamp(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const secs = Math.floor((ms - days * MS_PER_DAY) / 1000);
  return `${isoDay(days)} ${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
}

/** 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
