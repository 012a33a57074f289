/**
 * Sets one share of a mix and rebalances the others so the mix still sums to exactly
 * 100, keeping the others' proportions. Works in tenths of a percent (largest
 * remainder), so the sum is exact and every share has one decimal.
 *
 * `keep`: shares that stay as they are (those a person has just typed, so that typing 25
 * into each of four boxes gives 25/25/25/25), while some other share can take up the
 * difference; when none can (every other share kept, or the kept ones and the new one pass
 * 100), all the others are rebalanced as without `keep`.
 */
export function rebalance(shares: readonly number[], index: number, value: number, keep: readonly number[] = []): number[] {
  const n = shares.length;
  const target = clamp(Math.round(value * 10), 0, 1000);
  if (n === 1) return [100];
  const tenths = (i: number) => Math.round(Math.max(0, shares[i]) * 10);
  const asked = keep.filter((k, at) => k !== index && k >= 0 && k < n && keep.indexOf(k) === at);
  const keptTenths = asked.reduce((a, k) => a + tenths(k), 0);
  const holds = asked.length < n - 1 && keptTenths + target <= 1000;
  const held = holds ? asked : [];
  const moves = (i: number) => i !== index && !held.includes(i);
  const rest = 1000 - target - (holds ? keptTenths : 0);
  const others = shares.map((s, i) => (moves(i) ? Math.max(0, s) : 0));
  const othersTotal = others.reduce((a, b) => a + b, 0);
  const weights = othersTotal > 0 ? others : others.map((_, i) => (moves(i) ? 1 : 0));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / weightTotal) * rest);
  const floors = exact.map(Math.floor);
  let left = rest - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - floors[i] })).filter((x) => moves(x.i)).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  floors[index] = target;
  for (const k of held) floors[k] = tenths(k);
  return floors.map((t) => t / 10);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
