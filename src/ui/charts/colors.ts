/**
 * A diverging purple–grey–orange scale (ColorBrewer PuOr), readable with the common
 * colour-vision deficiencies; the values are also printed in every cell.
 */
const NEG = [84, 39, 136];
const MID = [247, 247, 247];
const POS = [179, 88, 6];

function cellRgb(value: number, limit: number): number[] {
  const t = Math.max(-1, Math.min(1, value / limit));
  const end = t < 0 ? NEG : POS;
  const a = Math.abs(t);
  return MID.map((m, i) => Math.round(m + (end[i] - m) * a));
}

export function divergingColor(value: number, limit: number): string {
  const c = cellRgb(value, limit);
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Black, not the page's ink: between the light and dark ends of any scale there is a shade where
// neither white nor a softer dark reaches 4.5:1; with black the worst case is 4.58:1.
const DARK_INK = [0, 0, 0];

/** The text colour (white or dark) with the higher contrast on the cell: at least 4.5:1 across this scale. */
export function inkFor(value: number, limit: number): string {
  const bg = luminance(cellRgb(value, limit));
  const onWhite = 1.05 / (bg + 0.05);
  const onDark = (bg + 0.05) / (luminance(DARK_INK) + 0.05);
  return onWhite >= onDark ? '#fff' : '#000';
}

export const EVENT_COLORS = ['#b35806', '#542788', '#1b7f4b', '#c62828', '#0b6fa4', '#8a5a00', '#6b3fa0', '#2f6f6f'];
