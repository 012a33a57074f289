import { useMemo, useRef } from 'react';
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

function columnWidth(name: string, numeric: boolean): number {
  if (name === 'email' || name === 'name') return 250;
  if (name.endsWith('_at')) return 170;
  return numeric ? 110 : 140;
}

/**
 * A virtualised, sortable view of one Arrow table: only the visible rows are read
 * (column.get per cell), so a million rows scroll like a hundred. Sorting runs in the
 * worker and comes back as a row permutation.
 */
export function DataGrid({ table, highlight, sortable: canSort = true }: { table: ResultTable; highlight?: CellHighlight; sortable?: boolean }) {
  const storeSort = useViewStore(selectSort);
  const result = useRun(selectShown);
  // A grid outside the Tables view (the quality view's clean/faulty pair) shows rows as they are.
  const sort = canSort ? storeSort : null;
  const order =
    useEngineQuery(sort && result ? (q) => q.sortOrder(sourceOf(result), table.name, sort.column, sort.descending) : null, [result?.seq, table.name, sort?.column, sort?.descending]).data ?? null;
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useMemo(
    () =>
      table.arrow.schema.fields.map((field, i) => {
        const numeric = isNumericField(field);
        return { name: field.name, vector: table.arrow.getChildAt(i)!, format: cellFormatter(field), numeric, width: columnWidth(field.name, numeric) };
      }),
    [table],
  );
  const width = columns.reduce((w, c) => w + c.width, 0);
  const win = useRowWindow(scroller, table.rowCount, ROW_HEIGHT, HEADER_HEIGHT);
  const sortable = canSort && result !== null;
  const permuted = order && order.length === table.rowCount ? order : null;

  return (
    <div className="grid-scroll" ref={scroller} role="table" aria-label={`${table.name} rows`} aria-rowcount={table.rowCount + 1} tabIndex={0}>
      <div className="grid-head" role="row" style={{ width, height: HEADER_HEIGHT }}>
        {columns.map((c) => {
          const active = sort?.column === c.name;
          return (
            <div
              key={c.name}
              role="columnheader"
              aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'}
              className={c.numeric ? 'num' : ''}
              style={{ width: c.width }}
            >
              <button type="button" disabled={!sortable} title={sortable ? `Sort by ${c.name}` : 'Sorting is available when the run has finished'} onClick={() => useViewStore.getState().sortBy(c.name)}>
                {c.name}
                <span className="sort-mark" aria-hidden>
                  {active ? (sort!.descending ? ' ▼' : ' ▲') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div style={{ height: win.spacer, width }}>
        <div className="grid-window" style={{ height: win.viewport, top: HEADER_HEIGHT }}>
          {Array.from({ length: win.count }, (_, k) => {
            const index = win.first + k;
            const row = permuted ? permuted[index] : index;
            return (
              <div key={k} role="row" aria-rowindex={index + 2} className={`grid-row ${index % 2 ? 'odd' : ''}`} style={{ top: win.offset + k * ROW_HEIGHT, height: ROW_HEIGHT, width }}>
                {columns.map((c) => {
                  const marked = highlight?.has(`${row}|${c.name}`) || highlight?.has(`${row}|*`);
                  return (
                    <div key={c.name} role="cell" className={`${c.numeric ? 'num' : ''}${marked ? ' faulty-cell' : ''}`} style={{ width: c.width }} data-fault={marked ? highlight?.kind(row, c.name) : undefined} title={marked ? `fault: ${highlight?.kind(row, c.name)}` : undefined}>
                      {c.format(c.vector.get(row))}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
