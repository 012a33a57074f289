import { useRun } from '../../state/engine';
import { selectReport, selectShownTables } from '../../state/runStore';
import { selectSelectedTable, useViewStore } from '../../state/viewStore';
import { DataGrid } from './DataGrid';
import { SummaryView } from './SummaryView';

const selectSummaries = selectReport('summaries');

/** The selected table's rows (the picker sits above the tabs' panel). */
export function TablesView() {
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const table = tables.find((t) => t.name === selected) ?? tables.find((t) => t.name === 'orders') ?? tables[0];
  return table ? <DataGrid key={table.name} table={table} /> : null;
}

/** The selected table's column statistics. */
export function TableSummaryView() {
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const summaries = useRun(selectSummaries) ?? [];
  const name = (tables.find((t) => t.name === selected) ?? tables.find((t) => t.name === 'orders') ?? tables[0])?.name;
  return <SummaryView summaries={summaries.filter((s) => s.name === name)} />;
}
