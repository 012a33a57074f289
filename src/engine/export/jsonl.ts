import { cellText, isNull, type Column, type DataTable } from '../table';

/**
 * JSON Lines: one object per row, keys in column order. Numbers stay numbers (money with
 * its two decimals), timestamps and dates are the CSV's text, null cells are null.
 */
export function toJSONLines(table: DataTable): Uint8Array {
  const keys = table.columns.map((c) => JSON.stringify(c.name));
  const lines: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const cells = table.columns.map((c, i) => `${keys[i]}:${jsonCell(c, r)}`);
    lines.push(`{${cells.join(',')}}\n`);
  }
  return new TextEncoder().encode(lines.join(''));
}

function jsonCell(col: Column, row: number): string {
  if (isNull(col, row)) return 'null';
  switch (col.type) {
    case 'int32':
      return String(col.values[row]);
    case 'fixed':
      return cellText(col, row)!;
    case 'bool':
      return col.values[row] ? 'true' : 'false';
    default:
      return JSON.stringify(cellText(col, row));
  }
}
