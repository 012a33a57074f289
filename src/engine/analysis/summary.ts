import type { Column, DataTable } from '../table';
import { numericValue, stringValues } from '../table';

export interface ColumnSummary {
  name: string;
  type: Column['type'];
  nulls: number;
  /** Numeric, date and timestamp columns. */
  min?: number;
  max?: number;
  mean?: number;
  /** Categorical columns: the most frequent values, most first. */
  top?: { value: string; count: number }[];
  distinct?: number;
}

export interface TableSummary {
  name: string;
  rows: number;
  columns: ColumnSummary[];
}

const TOP_N = 5;
/** Free-text columns are counted only up to this many rows (a map per row is costly). */
const STRING_TOP_LIMIT = 250_000;

/** Rows, nulls, min/max/mean per numeric column, top values per categorical column. */
export function summarizeTable(table: DataTable): TableSummary {
  return { name: table.name, rows: table.rowCount, columns: table.columns.map((c) => summarizeColumn(c, table.rowCount)) };
}

function summarizeColumn(col: Column, rows: number): ColumnSummary {
  let nulls = 0;
  if (col.valid) for (let i = 0; i < rows; i++) nulls += col.valid[i] ? 0 : 1;
  const base = { name: col.name, type: col.type, nulls };
  const present = (i: number) => col.valid === undefined || col.valid[i] === 1;
  if (col.type === 'dict') {
    const counts = new Float64Array(col.dictionary.length);
    for (let i = 0; i < rows; i++) if (present(i)) counts[col.indices[i]]++;
    const order = [...counts.keys()].filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);
    return { ...base, distinct: order.length, top: order.slice(0, TOP_N).map((k) => ({ value: col.dictionary[k], count: counts[k] })) };
  }
  if (col.type === 'string' || col.type === 'ascii') {
    if (rows > STRING_TOP_LIMIT) return base;
    const counts = new Map<string, number>();
    const values = stringValues(col);
    for (let i = 0; i < rows; i++) if (present(i)) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
    // Unique free text (emails) has no "top" worth showing.
    if (counts.size === rows - nulls) return { ...base, distinct: counts.size };
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_N);
    // Nor has nearly unique text (codes drawn from a pattern): its most common value would read "0.0%".
    if (top[0][1] < 0.001 * (rows - nulls)) return { ...base, distinct: counts.size };
    return { ...base, distinct: counts.size, top: top.map(([value, count]) => ({ value, count })) };
  }
  if (col.type === 'bool') {
    // True/false reads as its two values and their counts, as the grid shows it.
    let trues = 0;
    for (let i = 0; i < rows; i++) if (present(i) && col.values[i]) trues++;
    const falses = rows - nulls - trues;
    const top = [
      { value: 'true', count: trues },
      { value: 'false', count: falses },
    ].filter((x) => x.count > 0);
    return { ...base, distinct: top.length, top: top.sort((a, b) => b.count - a.count) };
  }
  if (rows === nulls) return base;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    if (!present(i)) continue;
    const v = numericValue(col, i);
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { ...base, min, max, mean: sum / (rows - nulls) };
}
