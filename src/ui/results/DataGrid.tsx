import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { selectOrder, selectSort, selectStatus, useRunStore, type ResultTable } from '../../state/runStore';
import { cellFormatter, isNumericField } from './formatCell';

const ROW_HEIGHT = 30;

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
export function DataGrid({ table }: { table: ResultTable }) {
  const sort = useRunStore(selectSort);
  const order = useRunStore(selectOrder);
  const status = useRunStore(selectStatus);
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
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh every render; this component is not memoised
  const virtualizer = useVirtualizer({ count: table.rowCount, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const sortable = status === 'done';

  return (
    <div className="grid-scroll" ref={scroller} role="table" aria-label={`${table.name} rows`} aria-rowcount={table.rowCount + 1} tabIndex={0}>
      <div className="grid-head" role="row" style={{ width }}>
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
              <button type="button" disabled={!sortable} title={sortable ? `Sort by ${c.name}` : 'Sorting is available when the run has finished'} onClick={() => void useRunStore.getState().sortBy(c.name)}>
                {c.name}
                <span className="sort-mark" aria-hidden>
                  {active ? (sort!.descending ? ' ▼' : ' ▲') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = order && order.length === table.rowCount ? order[item.index] : item.index;
          return (
            <div key={item.key} role="row" aria-rowindex={item.index + 2} className={`grid-row ${item.index % 2 ? 'odd' : ''}`} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}>
              {columns.map((c) => (
                <div key={c.name} role="cell" className={c.numeric ? 'num' : ''} style={{ width: c.width }}>
                  {c.format(c.vector.get(row))}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
