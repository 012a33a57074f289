import { fmix32, hash32 } from '../random/hash';
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

/** Each row's key as two 32-bit hashes (64 bits: a million rows share a key by chance about once in 10^7 runs). */
export interface RowKeys {
  a: Uint32Array;
  b: Uint32Array;
}

/** The rows' keys, hashed once per table however many custom columns it takes. */
export function rowKeys(table: DataTable): RowKeys {
  const a = new Uint32Array(table.rowCount).fill(0x9e3779b9);
  const b = new Uint32Array(table.rowCount).fill(0x7f4a7c15);
  for (const name of rowKeyColumns(table)) {
    const h = cellHashes(table.columns.find((c) => c.name === name)!, table.rowCount);
    for (let r = 0; r < h.length; r++) {
      a[r] = fmix32(a[r] ^ h[r]);
      b[r] = fmix32(Math.imul(b[r] ^ h[r], 0x27d4eb2f) ^ (h[r] >>> 7));
    }
  }
  return { a, b };
}

/** A 32-bit hash of each cell's value (text through its dictionary entry, so a part's own dictionary order cannot matter). */
function cellHashes(col: Column, rows: number): Uint32Array {
  const out = new Uint32Array(rows);
  switch (col.type) {
    case 'dict': {
      const words = Uint32Array.from(col.dictionary, (w) => hash32(w));
      for (let r = 0; r < rows; r++) out[r] = words[col.indices[r]];
      return out;
    }
    case 'string':
      for (let r = 0; r < rows; r++) out[r] = hash32(col.values[r]);
      return out;
    default: {
      // Whole numbers up to 2^53 (ids, milliseconds, scaled cents): both halves count.
      const values = col.values;
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        out[r] = fmix32(fmix32((v >>> 0) ^ 0x811c9dc5) ^ Math.floor(v / 4294967296));
      }
      return out;
    }
  }
}

export function rowDraws(seed: number, table: DataTable, column: string, keys: RowKeys = rowKeys(table)): RowDraws {
  const { a: ka, b: kb } = keys;
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
