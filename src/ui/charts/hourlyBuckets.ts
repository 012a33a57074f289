import type { ResultTable } from '../../state/runStore';

export interface CurvePoint {
  t: number;
  generated: number;
  expected: number;
}

/** Generated and expected counts of one hourly_metrics metric, summed into buckets of `size` hours. */
export function bucketHourly(hourly: ResultTable, metric: string, size: number): CurvePoint[] {
  const hour = hourly.arrow.getChild('hour')!;
  const count = hourly.arrow.getChild(metric)!;
  const expected = hourly.arrow.getChild(`expected_${metric}`)!;
  const out: CurvePoint[] = [];
  for (let i = 0; i < hourly.rowCount; i += size) {
    let g = 0;
    let e = 0;
    for (let k = i; k < Math.min(hourly.rowCount, i + size); k++) {
      g += Number(count.get(k));
      e += Number(expected.get(k));
    }
    out.push({ t: Number(hour.get(i)), generated: g, expected: Math.round(e * 10) / 10 });
  }
  return out;
}
