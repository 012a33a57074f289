import type { TableName } from '../scenario/schema';
import { referencesOf } from '../scenario/tableColumns';
import { isText, textAt, type Column, type DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import type { BlockSource, ValueType } from './expression';

/**
 * What a custom column reads: columns of its own row, and of the row a key references
 * ("customer.cohort"). One reader per table and run: a key is looked up once however many
 * columns follow it. A column is converted for an expression a block of rows at a time, so
 * reading a million rows makes no converted copy of the whole column.
 */
export class RowReader {
  private readonly via = new Map<string, Int32Array>();
  private readonly sources = new Map<string, BlockSource>();

  constructor(
    /** The table as it stands: custom columns made so far included (replaced as they are added). */
    public table: DataTable,
    private readonly tableOf: (name: string) => DataTable | undefined,
  ) {}

  /** The column as an expression reads it, block by block; null when the referenced table is not at hand (a later part of a run holds no customers). */
  source(name: string): BlockSource | null {
    let v = this.sources.get(name);
    if (!v) {
      const found = this.resolve(name);
      if (!found) return null;
      v = blockSource(found.column, this.table.rowCount, found.rows ?? null);
      this.sources.set(name, v);
    }
    return v;
  }

  /**
   * Which settings each row takes: the index of its `by` value among `groups`, or -1 for
   * the defaults. Text columns are matched once per dictionary word, not once per row.
   */
  groups(by: string, groups: readonly string[]): Int32Array | null {
    const found = this.resolve(by);
    if (!found) return null;
    const n = this.table.rowCount;
    const out = new Int32Array(n).fill(-1);
    const at = new Map(groups.map((g, i) => [g, i]));
    const { column: c, rows } = found;
    if (c.type === 'dict' || c.type === 'bool') {
      const codeGroup = c.type === 'dict' ? Int32Array.from(c.dictionary, (w) => at.get(w) ?? -1) : Int32Array.of(at.get('false') ?? -1, at.get('true') ?? -1);
      const codes = c.type === 'dict' ? c.indices : c.values;
      for (let r = 0; r < n; r++) {
        const row = rows ? rows[r] : r;
        if (row >= 0 && !(c.valid && !c.valid[row])) out[r] = codeGroup[codes[row]];
      }
      return out;
    }
    const v = this.source(by)!.block(0, n);
    for (let r = 0; r < n; r++) if (v.valid[r]) out[r] = at.get(String(v.values[r])) ?? -1;
    return out;
  }

  /** The column itself, and for a referenced one the referenced row of each row (-1 where the key names none). */
  private resolve(name: string): { column: Column; rows?: Int32Array; targetRows: number } | null {
    const dot = name.indexOf('.');
    if (dot < 0) return { column: findColumn(this.table, name), targetRows: this.table.rowCount };
    const prefix = name.slice(0, dot);
    const ref = referencesOf(this.table.name as TableName).find((x) => x.prefix === prefix)!;
    const target = this.tableOf(ref.table);
    if (!target) return null;
    let rows = this.via.get(prefix);
    if (!rows) {
      rows = lookupRows(findColumn(this.table, ref.key), this.table.rowCount, findColumn(target, ref.key), target.rowCount);
      this.via.set(prefix, rows);
    }
    return { column: findColumn(target, name.slice(dot + 1)), rows, targetRows: target.rowCount };
  }
}

function findColumn(table: DataTable, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`${table.name} has no column ${name}`);
  return c;
}

/** For each row, the row of the referenced table its key names (-1 where none does). */
function lookupRows(keys: Column, rows: number, targetKeys: Column, targetRows: number): Int32Array {
  const dense = denseIds(targetKeys, targetRows);
  if (dense && (keys.type === 'int32' || keys.type === 'fixed')) {
    // Ids 1..n in order (customers, products): the row is the id less one.
    const out = new Int32Array(rows);
    const ids = keys.values;
    for (let r = 0; r < rows; r++) {
      const id = ids[r];
      out[r] = id >= 1 && id <= targetRows && !(keys.valid && !keys.valid[r]) ? id - 1 : -1;
    }
    return out;
  }
  const text = (c: Column, r: number) => (isText(c) ? textAt(c, r) : c.values[r]);
  const at = new Map<string | number, number>();
  for (let r = 0; r < targetRows; r++) at.set(text(targetKeys, r), r);
  return Int32Array.from({ length: rows }, (_, r) => (keys.valid && !keys.valid[r] ? -1 : (at.get(text(keys, r)) ?? -1)));
}

/** Whether a key column holds exactly 1, 2, …, n. */
function denseIds(c: Column, rows: number): boolean {
  if (c.type !== 'int32' || c.valid) return false;
  for (let r = 0; r < rows; r++) if (c.values[r] !== r + 1) return false;
  return true;
}

/**
 * A column as an expression reads it: numbers as float64 (cents divided, dates as ms), text
 * as strings, each block converted when asked for; `via`, for a referenced column, gives each
 * row's row in the referenced table (-1: none, read as null).
 */
function blockSource(c: Column, rows: number, via: Int32Array | null): BlockSource {
  const type: ValueType = c.type === 'timestamp' || c.type === 'date' ? 'timestamp' : c.type === 'bool' ? 'boolean' : isText(c) ? 'string' : 'number';
  // Divided, not multiplied by 10^-scale: 1999 / 100 is exactly the double nearest 19.99.
  const divisor = c.type === 'fixed' ? 10 ** c.scale : 1;
  const factor = c.type === 'date' ? MS_PER_DAY : 1;
  // One block's arrays, refilled by the next block (see BlockSource): no fresh memory per block.
  let valid = new Uint8Array(0);
  let numbers = new Float64Array(0);
  let strings: string[] = [];
  let codes = new Int32Array(0);
  return {
    type,
    rows,
    block(from, to) {
      const n = to - from;
      if (valid.length !== n) {
        valid = new Uint8Array(n);
        numbers = new Float64Array(n);
        strings = new Array<string>(n);
        codes = new Int32Array(n);
      }
      const cv = c.valid;
      if (via) validVia(via, cv, from, n, valid);
      else if (cv) valid.set(cv.subarray(from, to));
      else valid.fill(1);
      if (c.type === 'dict') {
        // Codes for comparisons with a literal; the strings only when an operation asks for them.
        const { dictionary, indices } = c;
        dictCodes(indices, via, from, n, codes);
        let read = false;
        const words = { codes, dictionary };
        return {
          type: 'string',
          valid,
          words,
          get values() {
            if (!read) dictStrings(dictionary, indices, via, from, n, strings);
            read = true;
            return strings;
          },
        };
      }
      if (isText(c)) {
        for (let i = 0; i < n; i++) {
          const row = via ? via[from + i] : from + i;
          strings[i] = row < 0 ? '' : textAt(c, row);
        }
        return { type: 'string', values: strings, valid };
      }
      const values = numbers;
      numbersOf(c.values, via, divisor, factor, from, n, values);
      return { type: type as 'number', values, valid };
    },
  };
}

// The block's loops are functions of their own, not loops in each source's closure: a fresh
// closure ran its first blocks unoptimised, boxing each number it read.

/** Whether each row of the block has a referenced row whose cell has a value. */
function validVia(via: Int32Array, cv: Uint8Array | undefined, from: number, n: number, valid: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const row = via[from + i];
    valid[i] = row >= 0 && !(cv && !cv[row]) ? 1 : 0;
  }
}

/** Each row's dictionary code (0 where the key names no row: its validity is 0). */
function dictCodes(indices: ArrayLike<number>, via: Int32Array | null, from: number, n: number, codes: Int32Array): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[from + i];
      codes[i] = row < 0 ? 0 : indices[row];
    }
  } else for (let i = 0; i < n; i++) codes[i] = indices[from + i];
}

/** The dictionary's own strings, looked up without textAt's test of the column's kind per row. */
function dictStrings(dictionary: readonly string[], indices: ArrayLike<number>, via: Int32Array | null, from: number, n: number, values: string[]): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[from + i];
      values[i] = row < 0 ? '' : dictionary[indices[row]];
    }
  } else for (let i = 0; i < n; i++) values[i] = dictionary[indices[from + i]];
}

/** Numbers as an expression reads them: one loop per case, the tests outside it (a row's value is the same as the general form's). */
function numbersOf(source: ArrayLike<number>, via: Int32Array | null, divisor: number, factor: number, from: number, n: number, values: Float64Array): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[from + i];
      values[i] = row < 0 ? 0 : divisor === 1 ? source[row] * factor : source[row] / divisor;
    }
  } else if (divisor !== 1) for (let i = 0; i < n; i++) values[i] = source[from + i] / divisor;
  else if (factor !== 1) for (let i = 0; i < n; i++) values[i] = source[from + i] * factor;
  else for (let i = 0; i < n; i++) values[i] = source[from + i];
}
