import { formatCount } from '../labels';
import { isoTimestamp, MS_PER_DAY, MS_PER_HOUR } from '../../engine/client';

const STEPS_H = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440];

/**
 * Ticks for a time axis: at most `max` of them, on whole hours or days, each label said
 * once ("11-29" at midnight, "06:00" between), instead of the charting library's own
 * ticks, which fall on odd hours and repeat the date.
 */
export function timeTicks(from: number, to: number, max = 10): { ticks: number[]; format: (ms: number) => string } {
  const hours = Math.max(1, (to - from) / MS_PER_HOUR);
  const step = (STEPS_H.find((h) => hours / h <= max) ?? 2880) * MS_PER_HOUR;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  const format = (ms: number) => (step < MS_PER_DAY && ms % MS_PER_DAY !== 0 ? `${isoTimestamp(ms).slice(11, 13)}:00` : isoTimestamp(ms).slice(5, 10));
  return { ticks, format };
}

/**
 * Width of a y axis of counts up to `max` with its title turned along it: the widest tick
 * label (a tick can round up past `max`: 95,000 → 100,000) and the title beside it. A fixed
 * width put a 600,000 under the title.
 */
export function countAxisWidth(max: number): number {
  const widest = formatCount(Math.round(Math.max(0, max) * 1.25)).length;
  return Math.max(56, 28 + 7.5 * widest);
}
