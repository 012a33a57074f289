import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  type Data,
  type DataType,
  tableToIPC,
} from 'apache-arrow';
import type { Column, DataTable } from '../table';

/**
 * DataTable → Arrow, straight from the typed arrays (makeData; builders are ~20×
 * slower). Every column gets its own buffer: Arrow's IPC writer emits an unreadable
 * stream when two columns share one.
 */
export function toArrow(table: DataTable): Table {
  const fields: Field[] = [];
  const children: Data[] = [];
  const own = ownArrays();
  table.columns.forEach((col, i) => {
    const data = columnData(col, table.rowCount, i, nullsOf(col.valid), own);
    // Fixed-point columns carry their scale, so viewers can show 12.30, not 12.3.
    const metadata = col.type === 'fixed' ? new Map([['scale', String(col.scale)]]) : undefined;
    fields.push(new Field(col.name, data.type, col.valid !== undefined, metadata));
    children.push(data);
  });
  const schema = new Schema(fields);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: table.rowCount, nullCount: 0, children }));
  return new Table([batch]);
}

/** Arrow IPC: the stream format crosses to the page; the file format (`.arrow`) is what DuckDB, pandas and Polars open. */
export function toArrowIPC(table: DataTable, format: 'stream' | 'file' = 'stream'): Uint8Array {
  return tableToIPC(toArrow(table), format);
}

/**
 * An array as Arrow may take it: itself when it is exactly `length` long, starts its buffer
 * and no other column of the table uses that buffer (a column's room left unused after it
 * is fine: the IPC writer takes the array's own bytes), a copy otherwise. Copying every
 * column held a second copy of the table while it was written (inventory retail's large
 * size as Parquet: 1.94 GB at its peak); the bytes are the same either way.
 */
function ownArrays(): <T extends Int32Array | Uint8Array>(values: T, length: number) => T {
  const used = new Set<ArrayBufferLike>();
  return (values, length) => {
    const alone = values.length === length && values.byteOffset === 0 && !used.has(values.buffer);
    used.add(values.buffer);
    return alone ? values : (values.slice() as typeof values);
  };
}

function columnData(col: Column, length: number, dictionaryId: number, nulls: Nulls, own: ReturnType<typeof ownArrays>): Data<DataType> {
  switch (col.type) {
    case 'int32':
      return makeData({ type: new Int32(), length, ...nulls, data: own(col.values, length) });
    case 'date':
      return makeData({ type: new DateDay(), length, ...nulls, data: own(col.values, length) });
    case 'fixed': {
      const out = new Float64Array(length);
      const div = 10 ** col.scale;
      for (let i = 0; i < length; i++) out[i] = col.values[i] / div;
      return makeData({ type: new Float64(), length, ...nulls, data: out });
    }
    case 'timestamp': {
      // Int64 milliseconds written as (low, high) Int32 pairs: no BigInt per row.
      const pairs = new Int32Array(length * 2);
      for (let i = 0; i < length; i++) {
        const v = col.values[i];
        const hi = Math.floor(v / 4294967296);
        pairs[2 * i] = (v - hi * 4294967296) | 0;
        pairs[2 * i + 1] = hi;
      }
      return makeData({ type: new TimestampMillisecond(), length, ...nulls, data: new BigInt64Array(pairs.buffer) });
    }
    case 'bool': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (col.values[i]) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length, ...nulls, data: bits });
    }
    case 'string':
      return utf8Data(col.values, nulls);
    case 'ascii': {
      // ASCII is UTF-8 as it is: the bytes are the data, every offset a multiple of the width.
      const offsets = new Int32Array(length + 1);
      for (let i = 1; i <= length; i++) offsets[i] = i * col.width;
      return makeData({ type: new Utf8(), length, ...nulls, valueOffsets: offsets, data: own(col.bytes, length * col.width) });
    }
    case 'dict': {
      const dictionary = utf8Data(col.dictionary);
      const type = new Dictionary(new Utf8(), new Int32(), dictionaryId, false);
      return makeData({ type, length, ...nulls, data: own(col.indices, length), dictionary: makeVector(dictionary) });
    }
  }
}

interface Nulls {
  nullCount: number;
  nullBitmap?: Uint8Array;
}

/** Arrow's validity bitmap (bit set = value present) for a nullable column. */
function nullsOf(valid: Uint8Array | undefined): Nulls {
  if (!valid) return { nullCount: 0 };
  const nullBitmap = new Uint8Array((valid.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < valid.length; i++) {
    if (valid[i]) nullBitmap[i >> 3] |= 1 << (i & 7);
    else nullCount++;
  }
  return { nullCount, nullBitmap };
}

function utf8Data(values: readonly string[], nulls: Nulls = { nullCount: 0 }): Data<Utf8> {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(values.length + 1);
  let bytes = new Uint8Array(Math.max(64, values.length * 16));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const s = values[i] ?? '';
    const worst = s.length * 3;
    if (at + worst > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + worst));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    at += encoder.encodeInto(s, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeData({ type: new Utf8(), length: values.length, ...nulls, valueOffsets: offsets, data: bytes.slice(0, at) });
}
