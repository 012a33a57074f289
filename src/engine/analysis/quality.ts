import type { GeneratedRun } from '../generate';
import { rowKeys, ROW_FAULT_COLUMN } from '../quality/faults';
import { FAULT_KINDS, type FaultKind } from '../scenario/schema';
import { cellText, column, takeRows, type DataTable } from '../table';

export interface QualityReport {
  /** Faults per table and kind, as listed in dq_faults. */
  counts: { table: string; kind: FaultKind; count: number }[];
  /** Tables that took faults, in run order, with their row counts clean and faulty. */
  tables: { name: string; cleanRows: number; faultyRows: number }[];
  total: number;
}

interface ListedFault {
  table: string;
  row: number;
  column: string;
  kind: string;
}

function listed(run: GeneratedRun): ListedFault[] {
  const dq = run.tables.find((t) => t.name === 'dq_faults');
  if (!dq) return [];
  const text = (name: string, r: number) => cellText(column(dq, name), r) ?? '';
  return Array.from({ length: dq.rowCount }, (_, r) => ({ table: text('table_name', r), row: Number(text('row_index', r)), column: text('column_name', r), kind: text('fault_kind', r) }));
}

export function qualityReport(run: GeneratedRun): QualityReport | null {
  const faults = listed(run);
  if (run.clean.length === 0 && faults.length === 0) return null;
  const counts = new Map<string, number>();
  for (const f of faults) counts.set(`${f.table}|${f.kind}`, (counts.get(`${f.table}|${f.kind}`) ?? 0) + 1);
  const tables = run.clean.map((c) => ({ name: c.name, cleanRows: c.rowCount, faultyRows: run.tables.find((t) => t.name === c.name)?.rowCount ?? 0 }));
  return {
    counts: tables.flatMap((t) => FAULT_KINDS.map((kind) => ({ table: t.name, kind, count: counts.get(`${t.name}|${kind}`) ?? 0 }))),
    tables,
    total: faults.length,
  };
}

export interface FaultCells {
  table: DataTable;
  rows: Int32Array;
  columns: string[];
  kinds: string[];
}

/**
 * One version of a faulted table with its faulty cells marked; with `onlyFaulty`, just the
 * rows that hold a fault (in table order), so clean and faulty line up row for row.
 */
export function faultView(run: GeneratedRun, table: string, version: 'clean' | 'faulty', onlyFaulty: boolean): FaultCells | null {
  const cells = faultCells(run, table, version);
  if (!cells || !onlyFaulty) return cells;
  const keep = [...new Set(cells.rows)].filter((r) => r >= 0).sort((a, b) => a - b);
  const at = new Map(keep.map((r, i) => [r, i]));
  return { ...cells, table: takeRows(cells.table, Int32Array.from(keep)), rows: Int32Array.from(cells.rows, (r) => at.get(r) ?? -1) };
}

/** The cells to highlight in one version of a table: faulty cells where they are, or where they came from in the clean table. */
function faultCells(run: GeneratedRun, table: string, version: 'clean' | 'faulty'): FaultCells | null {
  const faulty = run.tables.find((t) => t.name === table);
  const clean = run.clean.find((t) => t.name === table);
  if (!faulty || !clean) return null;
  const faults = listed(run).filter((f) => f.table === table);
  const columnOf = (f: ListedFault) => (f.column === ROW_FAULT_COLUMN ? '*' : f.column);
  if (version === 'faulty') return { table: faulty, rows: Int32Array.from(faults, (f) => f.row), columns: faults.map(columnOf), kinds: faults.map((f) => f.kind) };
  // In the clean table, a fault sits on the row with the same key; a duplicate has no clean twin of its own.
  const faultyKeys = rowKeys(faulty);
  const cleanRow = new Map(rowKeys(clean).map((k, r) => [k, r]));
  const kept = faults.filter((f) => f.kind !== 'duplicate_row');
  return { table: clean, rows: Int32Array.from(kept, (f) => cleanRow.get(faultyKeys[f.row]) ?? -1), columns: kept.map(columnOf), kinds: kept.map((f) => f.kind) };
}
