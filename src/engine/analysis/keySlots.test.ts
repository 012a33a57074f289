import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keySlots, rowsBySlot } from './keySlots';

/** What a Map of key → rows (in row order) gives, to compare the slots against. */
function rowsByMap(keys: number[]): Map<number, number[]> {
  const m = new Map<number, number[]>();
  keys.forEach((k, r) => m.set(k, [...(m.get(k) ?? []), r]));
  return m;
}

describe('key slots', () => {
  it('give each key its own slot and its rows in row order, for keys dense (offset) and sparse (Map) alike', () => {
    const dense = fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 300 });
    const sparse = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1e6, max: 2e9 })), { maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(dense, sparse), (keys) => {
        const slots = keySlots(keys);
        const { start, rows } = rowsBySlot(keys, slots);
        const expected = rowsByMap(keys);
        const seen = new Set<number>();
        for (const [key, rowsOfKey] of expected) {
          const s = slots.slotOf(key);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThan(slots.size);
          expect(seen.has(s)).toBe(false);
          seen.add(s);
          expect([...rows.subarray(start[s], start[s + 1])]).toEqual(rowsOfKey);
        }
        // A key not among them has no slot (one below the smallest, one above the largest, a fraction).
        for (const k of [Math.min(...keys, 0) - 1, Math.max(...keys, 0) + 1e7, 0.5]) if (!expected.has(k)) expect(slots.slotOf(k)).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('take keys that are not whole numbers (and NaN) through the Map, each with its own slot', () => {
    const keys = [3, 1.5, NaN, 3, 7];
    const slots = keySlots(keys);
    const { start, rows } = rowsBySlot(keys, slots);
    expect([1.5, NaN, 7].map((k) => [...rows.subarray(start[slots.slotOf(k)], start[slots.slotOf(k) + 1])])).toEqual([[1], [2], [4]]);
    expect([...rows.subarray(start[slots.slotOf(3)], start[slots.slotOf(3) + 1])]).toEqual([0, 3]);
  });

  it('use an offset for ids that count up and a Map for keys spread far apart', () => {
    expect(keySlots(Int32Array.from({ length: 1000 }, (_, i) => 5000 + i)).size).toBe(1000);
    expect(keySlots([1, 1e9, 2e9]).size).toBe(3);
    expect(keySlots([]).slotOf(0)).toBe(-1);
  });
});
