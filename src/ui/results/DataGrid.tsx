import {
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type ColumnOrderState,
  type ColumnPinningState,
  type ColumnSizingState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import { DataType, type Field, type Vector } from 'apache-arrow';
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { sourceOf, useEngineQuery, useRun } from '../../state/engine';
import { selectShown, type ResultTable } from '../../state/runStore';
import { selectSort, useViewStore } from '../../state/viewStore';
import { cellFormatter, isNumericField } from './formatCell';
import { useRowWindow } from './useRowWindow';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 33;

/** Cells to mark in a grid: "row|column" keys ("row|*" marks a whole row), with the fault kind for a tooltip. */
export interface CellHighlight {
  has(key: string): boolean;
  kind(row: number, column: string): string | undefined;
}

/** What a column of the grid carries besides its id: the Arrow vector it reads and how to show a value. */
interface ColumnMeta {
  vector: Vector;
  format: (v: unknown) => string;
  numeric: boolean;
}

/**
 * A starting width that fits the column's values and its whole name (drag a header's edge to
 * change it). Text is measured on the first rows: dates kept as text ("2024-05-03 08:12:44" in
 * the raw tables) were cut at a fixed 140 px.
 */
function columnWidth(field: Field, meta: ColumnMeta): number {
  // ~8.6 px a character of the 13 px bold header font (DejaVu Sans on Linux is the widest
  // met: payment_method was cut at 7.6), plus padding and the sort mark.
  const header = Math.ceil(field.name.length * 8.6) + 30;
  if (field.name === 'email' || field.name === 'name') return Math.max(250, header);
  // 19 characters, bold where a fault marks them.
  if (DataType.isTimestamp(field.type) || field.name.endsWith('_at')) return Math.max(185, header);
  if (meta.numeric) return Math.max(110, header);
  let longest = 0;
  for (let i = 0; i < Math.min(50, meta.vector.length); i++) longest = Math.max(longest, meta.format(meta.vector.get(i)).length);
  // 8 px a character: room for the bold of a marked cell.
  return Math.max(140, header, Math.min(400, longest * 8 + 30));
}

/** No row objects: the table model holds columns only; rows are read from Arrow for the visible window. */
const NO_ROWS: never[] = [];

/**
 * A virtualised, sortable view of one Arrow table. @tanstack/react-table, headless, keeps
 * the column model (header groups, sorting state, sizing by drag, visibility); it never
 * sees a row. Only the visible rows are read (vector.get per
 * cell), so a million rows scroll like a hundred. Sorting runs in the worker and comes back
 * as a row permutation.
 */
export function DataGrid({ table, highlight, sortable: canSort = true }: { table: ResultTable; highlight?: CellHighlight; sortable?: boolean }) {
  // The table model hands out functions that change without a new identity: no compiler memoization here.
  'use no memo';
  const storeSort = useViewStore(selectSort);
  const result = useRun(selectShown);
  // A grid outside the Tables view (the quality view's clean/faulty pair) shows rows as they are.
  const sort = canSort ? storeSort : null;
  const order =
    useEngineQuery(sort && result ? (q) => q.sortOrder(sourceOf(result), table.name, sort.column, sort.descending) : null, [result?.seq, table.name, sort?.column, sort?.descending]).data ?? null;
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useMemo<ColumnDef<never>[]>(
    () =>
      table.arrow.schema.fields.map((field, i) => {
        const numeric = isNumericField(field);
        const meta: ColumnMeta = { vector: table.arrow.getChildAt(i)!, format: cellFormatter(field), numeric };
        return { id: field.name, header: field.name, size: columnWidth(field, meta), minSize: 60, maxSize: 600, enableSorting: canSort, meta };
      }),
    [table, canSort],
  );
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [pinning, setPinning] = useState<ColumnPinningState>({ left: [], right: [] });
  const [columnOrder, setColumnOrder] = useState<ColumnOrderState>([]);
  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.descending }] : [];
  // eslint-disable-next-line react-hooks/incompatible-library -- this component opts out of compiler memoization ('use no memo')
  const model = useReactTable<never>({
    data: NO_ROWS,
    columns,
    state: { sorting, columnSizing: sizing, columnVisibility: visibility, columnPinning: pinning, columnOrder },
    onColumnSizingChange: setSizing,
    onColumnVisibilityChange: setVisibility,
    onColumnPinningChange: setPinning,
    onColumnOrderChange: setColumnOrder,
    manualSorting: true,
    enableSortingRemoval: false,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
  });
  const visible = model.getVisibleLeafColumns();
  const width = model.getTotalSize();
  useRevealNewColumn(scroller, table, visible);
  const win = useRowWindow(scroller, table.rowCount, ROW_HEIGHT, HEADER_HEIGHT);
  const permuted = order && order.length === table.rowCount ? order : null;

  return (
    <div className="grid-wrap">
      <ColumnPicker model={model} />
      <div className="grid-scroll" ref={scroller} role="table" aria-label={`${table.name} rows`} aria-rowcount={table.rowCount + 1} tabIndex={0}>
        {model.getHeaderGroups().map((group) => (
          <div key={group.id} className="grid-head" role="row" style={{ width, height: HEADER_HEIGHT }}>
            {/* Pinned columns first (the model orders its visible leaves: left pins, then the rest in the chosen order). */}
            {visible.map((column) => group.headers.find((h) => h.column.id === column.id)!).map((header) => {
              const meta = header.column.columnDef.meta as ColumnMeta;
              const dir = header.column.getIsSorted();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  className={`${meta.numeric ? 'num' : ''}${header.column.getIsPinned() ? ' pinned' : ''}`}
                  style={{ width: header.getSize(), ...pinnedStyle(header.column) }}
                >
                  <button
                    type="button"
                    disabled={!canSort || !result}
                    title={canSort ? `Sort by ${header.column.id}` : undefined}
                    onClick={() => useViewStore.getState().sortBy(header.column.id)}
                  >
                    {header.column.id}
                    <span className="sort-mark" aria-hidden>
                      {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                  <span className="col-resize" aria-hidden onPointerDown={header.getResizeHandler()} onDoubleClick={() => header.column.resetSize()} />
                </div>
              );
            })}
          </div>
        ))}
        <div style={{ height: win.spacer, width }}>
          <div className="grid-window" style={{ height: win.viewport, top: HEADER_HEIGHT }}>
            {Array.from({ length: win.count }, (_, k) => {
              const index = win.first + k;
              const row = permuted ? permuted[index] : index;
              return (
                <div key={k} role="row" aria-rowindex={index + 2} className={`grid-row ${index % 2 ? 'odd' : ''}`} style={{ top: win.offset + k * ROW_HEIGHT, height: ROW_HEIGHT, width }}>
                  {visible.map((column) => {
                    const meta = column.columnDef.meta as ColumnMeta;
                    const marked = highlight?.has(`${row}|${column.id}`) || highlight?.has(`${row}|*`);
                    return (
                      <div
                        key={column.id}
                        role="cell"
                        className={`${meta.numeric ? 'num' : ''}${marked ? ' faulty-cell' : ''}${column.getIsPinned() ? ' pinned' : ''}`}
                        style={{ width: column.getSize(), ...pinnedStyle(column) }}
                        data-fault={marked ? highlight?.kind(row, column.id) : undefined}
                        title={marked ? `fault: ${highlight?.kind(row, column.id)}` : undefined}
                      >
                        {meta.format(meta.vector.get(row))}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/** A pinned column stays at the left edge while the rest scroll under it. */
function pinnedStyle(column: Column<never>): CSSProperties {
  return column.getIsPinned() === 'left' ? { position: 'sticky', left: column.getStart('left'), zIndex: 2 } : {};
}

/** Show, hide, pin and reorder columns (the table model's visibility, pinning and order state). */
function ColumnPicker({ model }: { model: ReturnType<typeof useReactTable<never>> }) {
  const all = model.getAllLeafColumns();
  const ordered = [...model.getLeftLeafColumns(), ...model.getCenterLeafColumns()].map((c) => model.getColumn(c.id)!);
  const hidden = all.filter((c) => !c.getIsVisible()).length;
  const pinned = all.filter((c) => c.getIsPinned()).length;
  const move = (id: string, by: -1 | 1) => {
    const ids = ordered.map((c) => c.id);
    const at = ids.indexOf(id);
    const to = at + by;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to], ids[at]];
    model.setColumnOrder(ids);
  };
  return (
    <details className="column-picker">
      <summary>
        Columns{hidden > 0 ? ` (${hidden} hidden)` : ''}
        {pinned > 0 ? ` (${pinned} pinned)` : ''}
      </summary>
      <div className="column-list" role="list" aria-label="Columns: show, pin, order">
        {ordered.map((c, i) => (
          <div key={c.id} className="column-item" role="listitem">
            <label className="check">
              <input type="checkbox" checked={c.getIsVisible()} disabled={c.getIsVisible() && all.length - hidden === 1} onChange={c.getToggleVisibilityHandler()} />
              {c.id}
            </label>
            <button type="button" className="mini" aria-pressed={c.getIsPinned() === 'left'} aria-label={`Pin ${c.id} to the left`} title="Pin to the left" onClick={() => c.pin(c.getIsPinned() ? false : 'left')}>
              Pin
            </button>
            <button type="button" className="mini" aria-label={`Move ${c.id} up`} disabled={i === 0} onClick={() => move(c.id, -1)}>
              ↑
            </button>
            <button type="button" className="mini" aria-label={`Move ${c.id} down`} disabled={i === ordered.length - 1} onClick={() => move(c.id, 1)}>
              ↓
            </button>
          </div>
        ))}
      </div>
    </details>
  );
}

/**
 * A column that appears in the table shown (a custom column just added, or renamed) is
 * scrolled into view: it comes last, off screen to the right of a wide table, where an edit's
 * effect would otherwise go unseen.
 */
function useRevealNewColumn(scroller: RefObject<HTMLDivElement | null>, table: ResultTable, visible: readonly { id: string; getSize: () => number }[]): void {
  const seen = useRef<{ table: string; names: Set<string> } | null>(null);
  useLayoutEffect(() => {
    const names = table.arrow.schema.fields.map((f) => f.name);
    const before = seen.current;
    seen.current = { table: table.name, names: new Set(names) };
    const box = scroller.current;
    if (!box || before?.table !== table.name) return;
    const fresh = names.find((n) => !before.names.has(n));
    const at = visible.findIndex((c) => c.id === fresh);
    if (fresh === undefined || at < 0) return;
    const left = visible.slice(0, at).reduce((a, c) => a + c.getSize(), 0);
    const right = left + visible[at].getSize();
    if (left < box.scrollLeft || right > box.scrollLeft + box.clientWidth) box.scrollTo({ left: Math.max(0, right - box.clientWidth + 24) });
  }, [table, visible, scroller]);
}
