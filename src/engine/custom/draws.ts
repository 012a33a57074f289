import { hash32, mix32 } from '../random/hash';
import { rowKeyColumns } from '../quality/faults';
import { asciiAt, type Column, type DataTable } from '../table';

/**
 * A custom column's random numbers: one uniform per row and draw, hashed from the run's
 * seed, the table and column names, and the row's own key (order_id, or order_id/line_no).
 * Not a sequential stream, on purpose: a row's value is the same whichever part of a run
 * makes it (1 or N workers, one machine or N), and a column draws nothing from another, so
 * adding, removing or editing one column never changes another column's bytes.
 */
export interface RowDraws {
  /** Uniforms in [0, 1) for rows from … from + out.length, into `out`; `salt` tells apart the draws one column makes per row. */
  fill(salt: number, from: number, out: Float64Array): void;
}

/** Rows per block of draws: a block's uniforms stay in the CPU's cache and no column-long array of them is made. */
export const DRAW_BLOCK = 4096;

/** `each(u, from)` for each block of rows, `u` the block's uniforms for `salt` (one buffer, refilled: read it, do not keep it). */
export function drawBlocks(draws: RowDraws, salt: number, rows: number, each: (u: Float64Array, from: number) => void): void {
  const buffer = new Float64Array(Math.min(rows, DRAW_BLOCK));
  for (let from = 0; from < rows; from += DRAW_BLOCK) {
    const u = buffer.subarray(0, Math.min(DRAW_BLOCK, rows - from));
    draws.fill(salt, from, u);
    each(u, from);
  }
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
  const rows = table.rowCount;
  const a = new Uint32Array(rows).fill(0x9e3779b9);
  const b = new Uint32Array(rows).fill(0x7f4a7c15);
  const h1 = new Uint32Array(Math.min(rows, DRAW_BLOCK));
  const h2 = new Uint32Array(Math.min(rows, DRAW_BLOCK));
  for (const name of identityColumns(table)) {
    // Two independent 32-bit hashes of each cell: 64 bits of key, not one 32-bit hash spread twice.
    const col = table.columns.find((c) => c.name === name)!;
    const words1 = col.type === 'dict' ? Uint32Array.from(col.dictionary, (w) => hash32(0x811c9dc5, w)) : null;
    const words2 = col.type === 'dict' ? Uint32Array.from(col.dictionary, (w) => hash32(0x01000193, w)) : null;
    for (let from = 0; from < rows; from += DRAW_BLOCK) {
      const count = Math.min(DRAW_BLOCK, rows - from);
      cellHashes(col, from, count, 0x811c9dc5, words1, h1);
      cellHashes(col, from, count, 0x01000193, words2, h2);
      for (let i = 0; i < count; i++) {
        const r = from + i;
        a[r] = mix32(a[r] ^ h1[i]);
        b[r] = mix32(Math.imul(b[r] ^ h2[i], 0x27d4eb2f));
      }
    }
  }
  return { a, b };
}

/**
 * A 32-bit hash (one of a family, by `seed`) of the cells of rows from … from + count, into
 * `out`; text through its dictionary word (`words`: each word's hash), so a part's own
 * dictionary order cannot matter.
 */
function cellHashes(col: Column, from: number, count: number, seed: number, words: Uint32Array | null, out: Uint32Array): void {
  switch (col.type) {
    case 'dict':
      for (let i = 0; i < count; i++) out[i] = words![col.indices[from + i]];
      return;
    case 'string':
      for (let i = 0; i < count; i++) out[i] = hash32(seed, col.values[from + i]);
      return;
    case 'ascii':
      for (let i = 0; i < count; i++) out[i] = hash32(seed, asciiAt(col, from + i));
      return;
    case 'int32': {
      // The general case's high half is 0 or −1 here: the same hash without the division.
      const values = col.values;
      const negative = Math.imul(-1, 0x9e3779b1);
      for (let i = 0; i < count; i++) {
        const v = values[from + i];
        out[i] = mix32(mix32(v ^ seed) ^ (v < 0 ? negative : 0));
      }
      return;
    }
    default: {
      // Whole numbers up to 2^53 (ids, milliseconds, scaled cents): both halves count.
      const values = col.values;
      for (let i = 0; i < count; i++) {
        const v = values[from + i];
        out[i] = mix32(mix32((v >>> 0) ^ seed) ^ Math.imul(Math.floor(v / 4294967296), 0x9e3779b1));
      }
    }
  }
}

/** A column's draws; `keys` are the table's row keys, asked for (and hashed) only when a draw is made. */
export function rowDraws(seed: number, table: DataTable, column: string, keys: () => RowKeys = () => rowKeys(table)): RowDraws {
  const s1 = hash32(seed, 'custom', table.name, column);
  const s2 = hash32(seed, 'custom-2', table.name, column);
  return {
    fill(salt, from, out) {
      const { a, b } = keys();
      uniformsInto(a, b, s1, s2, salt, from, out);
    },
  };
}

/**
 * The uniforms of rows from … from + out.length. A function of its own, not a loop in each
 * column's closure: a fresh closure ran its first blocks unoptimised, boxing each double.
 */
function uniformsInto(ka: Uint32Array, kb: Uint32Array, s1: number, s2: number, salt: number, from: number, out: Float64Array): void {
  const t1 = mix32(s1 ^ Math.imul(salt + 1, 0x9e3779b9));
  const t2 = mix32(s2 ^ Math.imul(salt + 1, 0x85ebca6b));
  for (let i = 0; i < out.length; i++) {
    const x = mix32(ka[from + i] ^ t1);
    const y = mix32(kb[from + i] ^ t2 ^ Math.imul(x, 0x165667b1));
    const z = mix32(x ^ Math.imul(y, 0xd3a2646c));
    // 53 random bits: 27 from z, 26 from y.
    out[i] = ((z >>> 5) * 67108864 + (y >>> 6)) / 9007199254740992;
  }
}
