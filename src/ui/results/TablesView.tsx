import { sourceOf, useEngineQuery, useRun } from '../../state/engine';
import { selectShown, selectShownTables } from '../../state/runStore';
import { selectSelectedTable, useViewStore } from '../../state/viewStore';
import { DataGrid } from './DataGrid';
import { pickTable } from './pickTable';
import { SummaryView } from './SummaryView';

/** The selected table's rows (the picker sits above the tabs' panel). */
export function TablesView() {
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const table = pickTable(tables, selected);
  return table ? <DataGrid key={table.name} table={table} /> : null;
}

/** The selected table's column statistics. */
export function TableSummaryView() {
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const result = useRun(selectShown);
  const name = pickTable(tables, selected)?.name;
  const summary = useEngineQuery(result && name ? (q) => q.summary(sourceOf(result), name) : null, [result?.seq, name]).data;
  return summary ? <SummaryView summaries={[summary]} /> : <p className="muted">Summarising…</p>;
}
