import { column, freeText, numericValue, type DataTable } from '../table';

/**
 * Row order of a table sorted by one column: a permutation, so the table itself is
 * never copied. Stable: ties keep their original order. Text sorts by code point,
 * dictionaries by their values' order, not their index.
 */
export function sortOrder(table: DataTable, columnName: string, descending: boolean): Int32Array {
  const col = column(table, columnName);
  const n = table.rowCount;
  const keys = new Float64Array(n);
  const values = freeText(col);
  if (values) {
    const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rank = new Map(distinct.map((v, i) => [v, i]));
    for (let i = 0; i < n; i++) keys[i] = rank.get(values[i])!;
  } else if (col.type === 'dict') {
    const order = col.dictionary.map((_, i) => i).sort((a, b) => (col.dictionary[a] < col.dictionary[b] ? -1 : col.dictionary[a] > col.dictionary[b] ? 1 : 0));
    const rank = new Float64Array(col.dictionary.length);
    order.forEach((idx, r) => (rank[idx] = r));
    for (let i = 0; i < n; i++) keys[i] = rank[col.indices[i]];
  } else {
    for (let i = 0; i < n; i++) keys[i] = numericValue(col, i);
  }
  // Nulls sort last, whichever the direction.
  if (col.valid) for (let i = 0; i < n; i++) if (!col.valid[i]) keys[i] = descending ? -Infinity : Infinity;
  const sign = descending ? -1 : 1;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  perm.sort((a, b) => (keys[a] === keys[b] ? a - b : sign * (keys[a] < keys[b] ? -1 : 1)));
  return perm;
}
