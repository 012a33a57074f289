/**
 * Integer keys (ids, stock positions) numbered as slots 0…size−1, so that per-key state can
 * live in typed arrays. Keys spanning a range not much larger than their count (every id
 * and position this engine writes) map by offset; others through a Map. Reading inventory
 * retail's large run back with a Map per key took 5.4 s and 300 MB (a Map of a million
 * numbers, and an array per stock position).
 */
export interface KeySlots {
  readonly size: number;
  /**
   * The slot of a key the slots were made from; −1 for a key outside their range. A key
   * inside the range of offset slots but not among them has a slot no row has (callers
   * fill per-slot state with "none" first).
   */
  slotOf(key: number): number;
}

export function keySlots(keys: ArrayLike<number>): KeySlots {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k < min) min = k;
    if (k > max) max = k;
    if (!Number.isInteger(k)) integers = false;
  }
  if (keys.length === 0) return { size: 0, slotOf: () => -1 };
  if (integers && max - min <= 4 * keys.length + 1024) {
    const size = max - min + 1;
    return { size, slotOf: (key) => (key >= min && key <= max && Number.isInteger(key) ? key - min : -1) };
  }
  const slots = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) if (!slots.has(keys[i])) slots.set(keys[i], slots.size);
  return { size: slots.size, slotOf: (key) => slots.get(key) ?? -1 };
}

/**
 * The rows of each slot, in row order: `rows.subarray(start[s], start[s + 1])` are the rows
 * whose key has slot s (a counting sort, stable).
 */
export function rowsBySlot(keys: ArrayLike<number>, slots: KeySlots): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(slots.size + 1);
  const slotOfRow = new Int32Array(keys.length);
  for (let r = 0; r < keys.length; r++) {
    slotOfRow[r] = slots.slotOf(keys[r]);
    start[slotOfRow[r] + 1]++;
  }
  for (let s = 0; s < slots.size; s++) start[s + 1] += start[s];
  const next = start.slice(0, slots.size);
  const rows = new Int32Array(keys.length);
  for (let r = 0; r < keys.length; r++) rows[next[slotOfRow[r]]++] = r;
  return { start, rows };
}
