/**
 * A diverging purple–grey–orange scale (ColorBrewer PuOr), readable with the common
 * colour-vision deficiencies; the values are also printed in every cell.
 */
const NEG = [84, 39, 136];
const MID = [247, 247, 247];
const POS = [179, 88, 6];

export function divergingColor(value: number, limit: number): string {
  const t = Math.max(-1, Math.min(1, value / limit));
  const end = t < 0 ? NEG : POS;
  const a = Math.abs(t);
  const c = MID.map((m, i) => Math.round(m + (end[i] - m) * a));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Dark text on light cells, white on dark ones. */
export function inkFor(value: number, limit: number): string {
  return Math.abs(value / limit) > 0.55 ? '#fff' : '#1b2333';
}

export const EVENT_COLORS = ['#b35806', '#542788', '#1b7f4b', '#c62828', '#0b6fa4', '#8a5a00', '#6b3fa0', '#2f6f6f'];
