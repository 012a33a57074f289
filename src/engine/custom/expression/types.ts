export type ValueType = 'number' | 'string' | 'boolean' | 'timestamp';
/** A whole column of values. number/timestamp(ms since epoch UTC)/boolean(0|1) in Float64Array; strings in an array. valid[i] = 1 where row i has a value, 0 where null. */
export type Vector =
  | { type: 'number' | 'timestamp' | 'boolean'; values: Float64Array; valid: Uint8Array }
  | { type: 'string'; values: readonly string[]; valid: Uint8Array; words?: DictionaryCodes; constant?: string };

/**
 * A text block that is also dictionary codes (values[i] is dictionary[codes[i]] where valid), as
 * a dictionary column reads: text compared with a literal tests each word once, not each row.
 * `constant` marks a literal's block (every value that one string).
 */
export interface DictionaryCodes {
  codes: Int32Array;
  dictionary: readonly string[];
}
/** A column read a block of rows at a time, for columns that would cost a whole converted copy to hand over as a Vector (a key's referenced rows, cents as numbers). */
export interface BlockSource {
  readonly type: ValueType;
  readonly rows: number;
  /** Rows from..to (to exclusive) as a Vector to - from long, valid until the next call (its arrays may be refilled). */
  block(from: number, to: number): Vector;
}
export type ColumnSource = Vector | BlockSource;
export interface ExpressionEnv {
  /** Every column the expression may name, with its type: own-table columns ("subtotal") and columns reached through a key ("customer.cohort"). Order matters only for suggestions. */
  columns: ReadonlyMap<string, ValueType>;
  /** Events of the scenario, by id, with their active window [startMs, endMs). */
  events: readonly { id: string; startMs: number; endMs: number }[];
}
export interface ExpressionError {
  code: 'E130' | 'E131' | 'E132' | 'E133' | 'E137';
  /** 1-based character position in the source */
  position: number;
  message: string;
}
