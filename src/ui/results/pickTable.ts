import type { ResultTable } from '../../state/runStore';

/** The table a template's story is about, first of these that the run has. */
const TELLING_TABLES = ['orders', 'transactions', 'shopify_orders', 'raw_orders_training', 'inventory_daily'];
/** The column a distribution shows first: money where the table has it. */
const TELLING_COLUMNS = ['total', 'net_revenue', 'amount', 'subtotal', 'on_hand'];

/** The selected table if the result has it, else the one the scenario's story is about. */
export function pickTable(tables: readonly ResultTable[], selected: string): ResultTable | undefined {
  return tables.find((t) => t.name === selected) ?? TELLING_TABLES.map((n) => tables.find((t) => t.name === n)).find(Boolean) ?? tables[0];
}

export function tellingColumn(columns: readonly string[]): string | undefined {
  return TELLING_COLUMNS.find((c) => columns.includes(c)) ?? columns[1] ?? columns[0];
}
