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

/**
 * Tables whose rows the data-quality key (`rowKeyColumns`, what dq_faults names a row by)
 * does not tell apart: a draw keyed on it alone would repeat within a day or an ad. Their
 * full identity is used here (a test holds every table of every template to unique keys).
 */
const IDENTITY: Partial<Record<string, readonly string[]>> = {
  inventory_daily: ['date', 'product_id', 'location_id'],
  stg_google_ads: ['date', 'campaign_id', 'ad_id'],
  stg_facebook_ads: ['date', 'campaign_id', 'ad_id'],
  stg_instagram_ads: ['date', 'campaign_id', 'ad_id'],
  attributions: ['customer_id', 'order_id', 'session_id', 'ad_id', 'platform'],
};

/** The columns that tell a table's rows apart. */
export function identityColumns(table: DataTable): readonly string[] {
  return IDENTITY[table.name] ?? rowKeyColumns(table);
}

/** The rows' keys, hashed once per table however many custom columns it takes. */
export function rowKeys(table: DataTable): RowKeys {
  const a = new Uint32Array(table.rowCount).fill(0x9e3779b9);
  const b = new Uint32Array(table.rowCount).fill(0x7f4a7c15);
  for (const name of identityColumns(table)) {
    // Two independent 32-bit hashes of each cell: 64 bits of key, not one 32-bit hash spread twice.
    const col = table.columns.find((c) => c.name === name)!;
    const h1 = cellHashes(col, table.rowCount, 0x811c9dc5);
    const h2 = cellHashes(col, table.rowCount, 0x01000193);
    for (let r = 0; r < table.rowCount; r++) {
      a[r] = fmix32(a[r] ^ h1[r]);
      b[r] = fmix32(Math.imul(b[r] ^ h2[r], 0x27d4eb2f));
    }
  }
  return { a, b };
}

/** A 32-bit hash (one of a family, by `seed`) of each cell's value; text through its dictionary word, so a part's own dictionary order cannot matter. */
function cellHashes(col: Column, rows: number, seed: number): Uint32Array {
  const out = new Uint32Array(rows);
  switch (col.type) {
    case 'dict': {
      const words = Uint32Array.from(col.dictionary, (w) => hash32(seed, w));
      for (let r = 0; r < rows; r++) out[r] = words[col.indices[r]];
      return out;
    }
    case 'string':
      for (let r = 0; r < rows; r++) out[r] = hash32(seed, col.values[r]);
      return out;
    default: {
      // Whole numbers up to 2^53 (ids, milliseconds, scaled cents): both halves count.
      const values = col.values;
      for (let r = 0; r < rows; r++) {
        const v = values[r];
        out[r] = fmix32(fmix32((v >>> 0) ^ seed) ^ Math.imul(Math.floor(v / 4294967296), 0x9e3779b1));
      }
      return out;
    }
  }
}

/** A column's draws; `keys` are the table's row keys, asked for (and hashed) only when a draw is made. */
export function rowDraws(seed: number, table: DataTable, column: string, keys: () => RowKeys = () => rowKeys(table)): RowDraws {
  const s1 = hash32(seed, 'custom', table.name, column);
  const s2 = hash32(seed, 'custom-2', table.name, column);
  return {
    uniforms(salt) {
      const { a: ka, b: kb } = keys();
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
