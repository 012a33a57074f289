import { column, isNull, isText, freeText, numericValue, textAt, type Column, type DataTable } from '../table';
import { MS_PER_DAY, MS_PER_HOUR } from '../time';

const BINS = 30;
const MAX_CATEGORIES = 20;
const MAX_SPLITS = 8;
export const OTHER = '(other)';

export interface DistributionRequest {
  table: string;
  column: string;
  /** A categorical column of the same table, or `cohort` through customer_id. */
  splitBy?: string;
}

export interface Distribution {
  kind: 'histogram' | 'categories';
  column: string;
  /** Bin labels (histogram: lower edges) or category values, in order. */
  labels: string[];
  /** Numeric lower edges of the bins (histogram only). */
  edges: number[];
  series: { name: string; counts: number[] }[];
  rows: number;
  /** Histogram only: the last bin is open-ended ("≥ its edge"), holding a long tail that would otherwise leave most bins empty. */
  openEnded?: boolean;
  /** Categories only: how many distinct values the column holds (those past the most frequent are counted together as "(other)"). */
  distinct?: number;
}

/** 1, 2, 2.5 or 5 × 10^k: bin widths a reader can add up. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw) ?? 10) * p;
}

/** The value below which `q` of the column's values lie, from a strided sample of at most 20,000. */
function quantileOf(values: (r: number) => number, rows: number, valid: (r: number) => boolean, q: number): number {
  const stride = Math.max(1, Math.floor(rows / 20_000));
  const sample: number[] = [];
  for (let r = 0; r < rows; r += stride) if (valid(r)) sample.push(values(r));
  sample.sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
}

/** A split of the rows by a categorical column: its label per row, most frequent first, the rest as "(other)". */
function splitter(table: DataTable, splitBy: string | undefined, tables: readonly DataTable[]): { names: string[]; of: (row: number) => number } {
  if (!splitBy) return { names: ['all'], of: () => 0 };
  let labelOf: (row: number) => string;
  if (splitBy === 'cohort' && !table.columns.some((c) => c.name === 'cohort')) {
    const customers = tables.find((t) => t.name === 'customers');
    const cust = column(table, 'customer_id');
    if (!customers || cust.type !== 'int32') throw new Error('cohort split needs customer_id and the customers table');
    const cohort = column(customers, 'cohort');
    if (cohort.type !== 'dict') throw new Error('unexpected customers.cohort');
    labelOf = (r) => cohort.dictionary[cohort.indices[cust.values[r] - 1]] ?? OTHER;
  } else {
    const c = column(table, splitBy);
    labelOf = (r) => (isNull(c, r) ? '(null)' : categoryOf(c, r));
  }
  const counts = new Map<string, number>();
  const labels = new Array<string>(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    labels[r] = labelOf(r);
    counts.set(labels[r], (counts.get(labels[r]) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SPLITS).map(([k]) => k);
  const names = counts.size > MAX_SPLITS ? [...top, OTHER] : top;
  const index = new Map(top.map((k, i) => [k, i]));
  return { names, of: (r) => index.get(labels[r]) ?? MAX_SPLITS };
}

/** A cell as a category: its text, true/false as the grid and Summary show them, or a number. */
function categoryOf(c: Column, r: number): string {
  return isText(c) ? textAt(c, r) : c.type === 'bool' ? (c.values[r] ? 'true' : 'false') : String(numericValue(c, r));
}

function isCategorical(c: Column): boolean {
  return isText(c) || c.type === 'bool';
}

/** Histogram of a numeric column, or counts of a categorical one, split by another column. Binned here, never row by row in the page. */
export function distribution(tables: readonly DataTable[], req: DistributionRequest): Distribution {
  const table = tables.find((t) => t.name === req.table);
  if (!table) throw new Error(`no table ${req.table}`);
  const col = column(table, req.column);
  const split = splitter(table, req.splitBy, tables);
  const series = split.names.map((name) => ({ name, counts: [] as number[] }));

  if (isCategorical(col)) {
    // Free text decoded once, not a cell at a time.
    const strings = freeText(col);
    const valueOf = (r: number) => (strings ? strings[r] : categoryOf(col, r));
    const totals = new Map<string, number>();
    for (let r = 0; r < table.rowCount; r++) if (!isNull(col, r)) totals.set(valueOf(r), (totals.get(valueOf(r)) ?? 0) + 1);
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CATEGORIES).map(([k]) => k);
    const labels = totals.size > MAX_CATEGORIES ? [...top, OTHER] : top;
    const at = new Map(top.map((k, i) => [k, i]));
    for (const s of series) s.counts = new Array(labels.length).fill(0);
    for (let r = 0; r < table.rowCount; r++) {
      if (isNull(col, r)) continue;
      series[split.of(r)].counts[at.get(valueOf(r)) ?? MAX_CATEGORIES]++;
    }
    return { kind: 'categories', column: req.column, labels, edges: [], series, rows: table.rowCount, distinct: totals.size };
  }

  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < table.rowCount; r++) {
    if (isNull(col, r)) continue;
    const v = numericValue(col, r);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return { kind: 'histogram', column: req.column, labels: [], edges: [], series, rows: table.rowCount };
  const integer = col.type === 'int32' || col.type === 'date';
  if (integer && hi - lo + 1 <= BINS) {
    // Few whole values: a bar each.
    const edges = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    for (const s of series) s.counts = new Array(edges.length).fill(0);
    for (let r = 0; r < table.rowCount; r++) if (!isNull(col, r)) series[split.of(r)].counts[numericValue(col, r) - lo]++;
    return { kind: 'histogram', column: req.column, labels: edges.map(String), edges, series, rows: table.rowCount };
  }
  // A long right tail (order totals, lost revenue) would squeeze the bulk into a few bars:
  // bins cover up to the 99.5th percentile, and the last one holds everything above.
  const p995 = quantileOf((r) => numericValue(col, r), table.rowCount, (r) => !isNull(col, r), 0.995);
  const openEnded = hi - p995 > 0.25 * (hi - lo);
  const top = openEnded ? p995 : hi;
  const width = Math.max(integer ? 1 : Number.MIN_VALUE, niceStep((top - lo) / (BINS - (openEnded ? 1 : 0)) || 1));
  const start = Math.floor(lo / width) * width;
  const bins = Math.min(BINS, Math.floor((top - start) / width) + 1 + (openEnded ? 1 : 0));
  const edges = Array.from({ length: bins }, (_, i) => start + i * width);
  for (const s of series) s.counts = new Array(bins).fill(0);
  for (let r = 0; r < table.rowCount; r++) {
    if (isNull(col, r)) continue;
    const b = Math.min(bins - 1, Math.floor((numericValue(col, r) - start) / width));
    series[split.of(r)].counts[b]++;
  }
  return { kind: 'histogram', column: req.column, labels: edges.map((e) => String(e)), edges, series, rows: table.rowCount, openEnded };
}

export interface TimeSeriesRequest {
  table: string;
  timeColumn: string;
  /** Sum of this numeric column per bucket; count of rows when absent. */
  valueColumn?: string;
  bucket: 'hour' | 'day';
}

/** Count (or sum) per hour or day of a timestamp column. */
export function timeSeries(tables: readonly DataTable[], req: TimeSeriesRequest): { t: number; value: number }[] {
  const table = tables.find((t) => t.name === req.table);
  if (!table) throw new Error(`no table ${req.table}`);
  const time = column(table, req.timeColumn);
  const value = req.valueColumn ? column(table, req.valueColumn) : null;
  const size = req.bucket === 'hour' ? MS_PER_HOUR : MS_PER_DAY;
  const toMs = (r: number) => (time.type === 'date' ? time.values[r] * MS_PER_DAY : numericValue(time, r));
  const sums = new Map<number, number>();
  for (let r = 0; r < table.rowCount; r++) {
    if (isNull(time, r) || (value && isNull(value, r))) continue;
    const b = Math.floor(toMs(r) / size) * size;
    sums.set(b, (sums.get(b) ?? 0) + (value ? numericValue(value, r) : 1));
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, value: Math.round(v * 100) / 100 }));
}
