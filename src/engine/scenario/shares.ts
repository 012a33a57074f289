/**
 * Sets one share of a mix and rebalances the others so the mix still sums to exactly
 * 100, keeping the others' proportions. Works in tenths of a percent (largest
 * remainder), so the sum is exact and every share has one decimal.
 */
export function rebalance(shares: readonly number[], index: number, value: number): number[] {
  const n = shares.length;
  const target = clamp(Math.round(value * 10), 0, 1000);
  if (n === 1) return [100];
  const rest = 1000 - target;
  const others = shares.map((s, i) => (i === index ? 0 : Math.max(0, s)));
  const othersTotal = others.reduce((a, b) => a + b, 0);
  const weights = othersTotal > 0 ? others : others.map((_, i) => (i === index ? 0 : 1));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / weightTotal) * rest);
  const floors = exact.map(Math.floor);
  let left = rest - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - floors[i] })).filter((x) => x.i !== index).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  floors[index] = target;
  return floors.map((t) => t / 10);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
