import { TABLE_NAMES } from '../scenario/schema';

// dq_faults of a run written in parts: the CLI's --merge, and a run streamed to disk.
const ROW_FAULTS = new Set(['duplicate_row', 'late_arriving']);

/**
 * dq_faults of each part lists its faults with ids from 1 and row indexes within the
 * part's files. Merged: listed table by table (as a single run lists them), ids counted
 * through, row indexes (and the row positions a row fault records) moved by the rows of
 * the same table in earlier parts.
 */
export function renumberFaults(files: readonly Uint8Array[], rowsBefore: (part: number, table: string) => number, csv: boolean): Uint8Array {
  type Fault = { table: string; part: number; fields: string[] };
  const faults: Fault[] = [];
  let header = '';
  files.forEach((file, part) => {
    const text = new TextDecoder().decode(file);
    const lines = csv ? csvRecords(text) : text.split('\n').filter((l) => l.length > 0).map((l) => [l]);
    if (csv) header = lines.shift()!.join(',');
    for (const fields of lines) faults.push({ table: csv ? fields[1] : (JSON.parse(fields[0]) as { table_name: string }).table_name, part, fields });
  });
  const order = (t: string) => TABLE_NAMES.indexOf(t as (typeof TABLE_NAMES)[number]);
  faults.sort((a, b) => order(a.table) - order(b.table) || a.part - b.part);
  const lines = faults.map((f, i) => {
    const shift = rowsBefore(f.part, f.table);
    if (csv) {
      const [, table, rowIndex, key, column, kind, original, corrupted] = f.fields;
      const moved = (v: string) => (ROW_FAULTS.has(kind) && v !== '' ? String(Number(v) + shift) : v);
      return [String(i + 1), table, String(Number(rowIndex) + shift), key, column, kind, moved(original), moved(corrupted)].join(',');
    }
    const row = JSON.parse(f.fields[0]) as Record<string, unknown>;
    const moved = (v: unknown) => (ROW_FAULTS.has(row.fault_kind as string) && typeof v === 'string' ? String(Number(v) + shift) : v);
    return JSON.stringify({ ...row, fault_id: i + 1, row_index: (row.row_index as number) + shift, original_value: moved(row.original_value), corrupted_value: moved(row.corrupted_value) });
  });
  const text = csv ? `${header}\r\n${lines.map((l) => `${l}\r\n`).join('')}` : lines.map((l) => `${l}\n`).join('');
  return new TextEncoder().encode(text);
}

/** RFC 4180 records as their raw field texts (quotes kept), so unchanged fields are written back byte for byte. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      fields.push(text.slice(start, i));
      start = i + 1;
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      fields.push(text.slice(start, i));
      records.push(fields);
      fields = [];
      start = i + 2;
      i++;
    }
  }
  return records;
}
