import { hash32 } from '../random/hash';
import { rowKeyColumns } from '../quality/faults';
import type { Column, DataTable } from '../table';

/**
 * A custom column's random numbers: one uniform per row and draw, hashed from the run's
 * seed, the table and column names, and the row's own key (order_id, or order_id/line_no).
 * Not a sequential stream, on purpose: a row's value is the same whichever part of a run
 * makes it (1 or N workers, one machine or N), and a column draws nothing from another, so
 * adding, removing or editing one column never changes another column's bytes.
 */
export interface RowDraws {
  /** Uniform in [0, 1) for each row; `salt` tells apart the draws one column makes per row. */
  uniforms(salt: number): Float64Array;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two 32-bit hashes of each row's key (64 bits: a million rows share a key by chance about once in 10^7 runs). */
function keyHashes(table: DataTable): [Uint32Array, Uint32Array] {
  const a = new Uint32Array(table.rowCount).fill(0x9e3779b9);
  const b = new Uint32Array(table.rowCount).fill(0x7f4a7c15);
  for (const name of rowKeyColumns(table)) {
    const col = table.columns.find((c) => c.name === name)!;
    const mix = cellHasher(col);
    for (let r = 0; r < table.rowCount; r++) {
      const h = mix(r);
      a[r] = fmix32(a[r] ^ h);
      b[r] = fmix32(Math.imul(b[r] ^ h, 0x27d4eb2f) ^ (h >>> 7));
    }
  }
  return [a, b];
}

/** A 32-bit hash of a cell's value (text through its dictionary entry, so a part's own dictionary order cannot matter). */
function cellHasher(col: Column): (row: number) => number {
  switch (col.type) {
    case 'dict': {
      const words = col.dictionary.map((w) => hash32(w));
      return (r) => words[col.indices[r]];
    }
    case 'string':
      return (r) => hash32(col.values[r]);
    default: {
      const values = col.values;
      return (r) => hash32(values[r]);
    }
  }
}

export function rowDraws(seed: number, table: DataTable, column: string): RowDraws {
  const [ka, kb] = keyHashes(table);
  const s1 = hash32(seed, 'custom', table.name, column);
  const s2 = hash32(seed, 'custom-2', table.name, column);
  return {
    uniforms(salt) {
      const out = new Float64Array(table.rowCount);
      const t1 = fmix32(s1 ^ Math.imul(salt + 1, 0x9e3779b9));
      const t2 = fmix32(s2 ^ Math.imul(salt + 1, 0x85ebca6b));
      for (let r = 0; r < out.length; r++) {
        const x = fmix32(ka[r] ^ t1);
        const y = fmix32(kb[r] ^ t2 ^ Math.imul(x, 0x165667b1));
        const z = fmix32(x ^ Math.imul(y, 0xd3a2646c));
        // 53 random bits: 27 from z, 26 from y.
        out[r] = ((z >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992;
      }
      return out;
    },
  };
}
