import type { TableName } from '../scenario/schema';
import { referencesOf } from '../scenario/tableColumns';
import { isText, textAt, type Column, type DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import { DRAW_BLOCK } from './draws';
import type { BlockSource, ValueType } from './expression';

/**
 * For each row of a block, the row of the referenced table its key names (-1 where none
 * does), into `out` (out.length rows from `from`). Worked out a block at a time where the
 * keys are the referenced rows' ids less one: a column-long array of them was 4 MB of fresh
 * memory a million rows, which costs more here than the lookups (docs/scale-out.md).
 */
interface RowMap {
  fill(from: number, out: Int32Array): void;
}

/** Each row's group index a block at a time (see RowReader.groupBlocks). */
export type GroupBlocks = (from: number, out: Int32Array) => void;

/**
 * What a custom column reads: columns of its own row, and of the row a key references
 * ("customer.cohort"). One reader per table and run: a key is looked up once however many
 * columns follow it. A column is converted for an expression a block of rows at a time, so
 * reading a million rows makes no converted copy of the whole column.
 */
export class RowReader {
  private readonly rowMaps = new Map<string, RowMap>();
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
      v = blockSource(found.column, this.table.rowCount, found.rowMap ?? null);
      this.sources.set(name, v);
    }
    return v;
  }

  /**
   * Which settings each row takes: the index of its `by` value among `groups`, or -1 for
   * the defaults (the whole column; groupBlocks gives it a block at a time).
   */
  groups(by: string, groups: readonly string[]): Int32Array | null {
    const found = this.resolve(by);
    if (!found) return null;
    if (!byCode(found.column)) return this.valueGroups(by, groups);
    const fill = codeGroups(found.column, found.rowMap, groups);
    const out = new Int32Array(this.table.rowCount);
    for (let from = 0; from < out.length; from += DRAW_BLOCK) fill(from, out.subarray(from, Math.min(out.length, from + DRAW_BLOCK)));
    return out;
  }

  /**
   * `groups`, a block of rows at a time into `out`. A dictionary or true/false column is
   * matched once per word (or value) and read a block at a time, through the block's
   * referenced rows where it is a referenced column: nothing column-long is made. Other
   * columns (free text, numbers) are matched row by row into one column-long array first.
   */
  groupBlocks(by: string, groups: readonly string[]): GroupBlocks | null {
    const found = this.resolve(by);
    if (!found) return null;
    return byCode(found.column) ? codeGroups(found.column, found.rowMap, groups) : blocksOf(this.valueGroups(by, groups));
  }

  /** groups of a free-text or number column: each row's value matched as text. */
  private valueGroups(by: string, groups: readonly string[]): Int32Array {
    const at = new Map(groups.map((g, i) => [g, i]));
    const n = this.table.rowCount;
    const all = new Int32Array(n).fill(-1);
    const v = this.source(by)!.block(0, n);
    for (let r = 0; r < n; r++) if (v.valid[r]) all[r] = at.get(String(v.values[r])) ?? -1;
    return all;
  }

  /** The column itself, and for a referenced one the referenced row of each row (-1 where the key names none). */
  private resolve(name: string): { column: Column; rowMap?: RowMap; targetRows: number } | null {
    const dot = name.indexOf('.');
    if (dot < 0) return { column: findColumn(this.table, name), targetRows: this.table.rowCount };
    const prefix = name.slice(0, dot);
    const ref = referencesOf(this.table.name as TableName).find((x) => x.prefix === prefix)!;
    const target = this.tableOf(ref.table);
    if (!target) return null;
    let rowMap = this.rowMaps.get(prefix);
    if (!rowMap) {
      rowMap = lookupRows(findColumn(this.table, ref.key), this.table.rowCount, findColumn(target, ref.key), target.rowCount);
      this.rowMaps.set(prefix, rowMap);
    }
    return { column: findColumn(target, name.slice(dot + 1)), rowMap, targetRows: target.rowCount };
  }
}

/** A column grouped through its codes: a dictionary's words, or false and true. */
const byCode = (c: Column): c is Extract<Column, { type: 'dict' | 'bool' }> => c.type === 'dict' || c.type === 'bool';

/** GroupBlocks of a dictionary or true/false column (through `rowMap` where it is referenced): each word matched once. */
function codeGroups(c: Extract<Column, { type: 'dict' | 'bool' }>, rowMap: RowMap | undefined, groups: readonly string[]): GroupBlocks {
  const at = new Map(groups.map((g, i) => [g, i]));
  const codeGroup = c.type === 'dict' ? Int32Array.from(c.dictionary, (w) => at.get(w) ?? -1) : Int32Array.of(at.get('false') ?? -1, at.get('true') ?? -1);
  const codes = c.type === 'dict' ? c.indices : c.values;
  if (!rowMap) return (from, out) => groupsByCode(from, codes, c.valid, codeGroup, out);
  // The block's referenced rows, in one buffer grown to the longest block asked for.
  let via = new Int32Array(0);
  return (from, out) => {
    if (via.length < out.length) via = new Int32Array(out.length);
    const rows = via.subarray(0, out.length);
    rowMap.fill(from, rows);
    groupsByCodeVia(rows, codes, c.valid, codeGroup, out);
  };
}

function findColumn(table: DataTable, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`${table.name} has no column ${name}`);
  return c;
}

/** For each row, the row of the referenced table its key names (-1 where none does). */
function lookupRows(keys: Column, rows: number, targetKeys: Column, targetRows: number): RowMap {
  if ((keys.type === 'int32' || keys.type === 'fixed') && denseIds(targetKeys, targetRows)) {
    // Ids 1..n in order (customers, products): the row is the id less one.
    const { values, valid } = keys;
    return { fill: (from, out) => denseRows(values, valid, targetRows, from, out) };
  }
  const text = (c: Column, r: number) => (isText(c) ? textAt(c, r) : c.values[r]);
  const at = new Map<string | number, number>();
  for (let r = 0; r < targetRows; r++) at.set(text(targetKeys, r), r);
  const all = Int32Array.from({ length: rows }, (_, r) => (keys.valid && !keys.valid[r] ? -1 : (at.get(text(keys, r)) ?? -1)));
  return { fill: blocksOf(all) };
}

/** Blocks of a column-long array, copied into `out`. */
function blocksOf(all: Int32Array): (from: number, out: Int32Array) => void {
  return (from, out) => out.set(all.subarray(from, from + out.length));
}

function denseRows(ids: ArrayLike<number>, valid: Uint8Array | undefined, targetRows: number, from: number, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    const id = ids[from + i];
    out[i] = id >= 1 && id <= targetRows && !(valid && !valid[from + i]) ? id - 1 : -1;
  }
}

/** Whether a key column holds exactly 1, 2, …, n. */
function denseIds(c: Column, rows: number): boolean {
  if (c.type !== 'int32' || c.valid) return false;
  for (let r = 0; r < rows; r++) if (c.values[r] !== r + 1) return false;
  return true;
}

/**
 * A column as an expression reads it: numbers as float64 (cents divided, dates as ms), text
 * as strings, each block converted when asked for; `rowMap`, for a referenced column, gives
 * each row's row in the referenced table (-1: none, read as null), a block at a time.
 */
function blockSource(c: Column, rows: number, rowMap: RowMap | null): BlockSource {
  const type: ValueType = c.type === 'timestamp' || c.type === 'date' ? 'timestamp' : c.type === 'bool' ? 'boolean' : isText(c) ? 'string' : 'number';
  // Divided, not multiplied by 10^-scale: 1999 / 100 is exactly the double nearest 19.99.
  const divisor = c.type === 'fixed' ? 10 ** c.scale : 1;
  const factor = c.type === 'date' ? MS_PER_DAY : 1;
  // One block's arrays, refilled by the next block (see BlockSource): no fresh memory per block.
  let valid = new Uint8Array(0);
  let numbers = new Float64Array(0);
  let strings: string[] = [];
  let codes = new Int32Array(0);
  let via: Int32Array | null = rowMap ? new Int32Array(0) : null;
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
        if (rowMap) via = new Int32Array(n);
      }
      if (rowMap && via) rowMap.fill(from, via);
      const cv = c.valid;
      if (via) validVia(via, cv, n, valid);
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
          const row = via ? via[i] : from + i;
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
// closure ran its first blocks unoptimised, boxing each number it read. `via` is the block's
// own: via[i] is row from + i's referenced row.

/** Each row's group through its dictionary code (or true/false), -1 where it has none. */
function groupsByCode(from: number, codes: ArrayLike<number>, cv: Uint8Array | undefined, codeGroup: Int32Array, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = cv && !cv[from + i] ? -1 : codeGroup[codes[from + i]];
}

/** groupsByCode for a referenced column: each row's group is its referenced row's. */
function groupsByCodeVia(via: Int32Array, codes: ArrayLike<number>, cv: Uint8Array | undefined, codeGroup: Int32Array, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    const row = via[i];
    out[i] = row < 0 || (cv && !cv[row]) ? -1 : codeGroup[codes[row]];
  }
}

/** Whether each row of the block has a referenced row whose cell has a value. */
function validVia(via: Int32Array, cv: Uint8Array | undefined, n: number, valid: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const row = via[i];
    valid[i] = row >= 0 && !(cv && !cv[row]) ? 1 : 0;
  }
}

/** Each row's dictionary code (0 where the key names no row: its validity is 0). */
function dictCodes(indices: ArrayLike<number>, via: Int32Array | null, from: number, n: number, codes: Int32Array): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[i];
      codes[i] = row < 0 ? 0 : indices[row];
    }
  } else for (let i = 0; i < n; i++) codes[i] = indices[from + i];
}

/** The dictionary's own strings, looked up without textAt's test of the column's kind per row. */
function dictStrings(dictionary: readonly string[], indices: ArrayLike<number>, via: Int32Array | null, from: number, n: number, values: string[]): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[i];
      values[i] = row < 0 ? '' : dictionary[indices[row]];
    }
  } else for (let i = 0; i < n; i++) values[i] = dictionary[indices[from + i]];
}

/** Numbers as an expression reads them: one loop per case, the tests outside it (a row's value is the same as the general form's). */
function numbersOf(source: ArrayLike<number>, via: Int32Array | null, divisor: number, factor: number, from: number, n: number, values: Float64Array): void {
  if (via) {
    for (let i = 0; i < n; i++) {
      const row = via[i];
      values[i] = row < 0 ? 0 : divisor === 1 ? source[row] * factor : source[row] / divisor;
    }
  } else if (divisor !== 1) for (let i = 0; i < n; i++) values[i] = source[from + i] / divisor;
  else if (factor !== 1) for (let i = 0; i < n; i++) values[i] = source[from + i] * factor;
  else for (let i = 0; i < n; i++) values[i] = source[from + i];
}
