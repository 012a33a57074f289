import type { DataTable } from '../table';

/** A writer that hands a table over in chunks from a reused buffer (csv.ts, jsonl.ts). */
export type ChunkWriter = (table: DataTable, sink: (chunk: Uint8Array, rowsWritten: number) => void) => void;

/**
 * A table as one file in memory from a chunked writer: one buffer, sized from the first
 * chunk's bytes a row (5% over, grown if a later part of the table runs longer), the
 * chunks copied straight in. Copying each chunk and then joining the copies touched twice
 * the file's size in fresh memory, which costs more than the writing here. The result may
 * be a view of a slightly larger buffer.
 */
export function collectChunks(table: DataTable, write: ChunkWriter): Uint8Array {
  let out = new Uint8Array(0);
  let size = 0;
  write(table, (chunk, rowsWritten) => {
    const need = size + chunk.length;
    if (need > out.length) {
      // The last chunk knows the whole size; before it, grow by at least a quarter.
      const last = rowsWritten >= table.rowCount;
      const estimate = last ? need : Math.max(Math.ceil((need / Math.max(1, rowsWritten)) * table.rowCount * 1.05), Math.ceil(out.length * 1.25));
      const grown = new Uint8Array(Math.max(need, estimate));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    out.set(chunk, size);
    size = need;
  });
  return size === out.length ? out : out.subarray(0, size);
}
