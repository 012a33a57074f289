import { asciiAt, asciiStrings, type Column, type DataTable } from '../table';
import { isoDay, MS_PER_DAY } from '../time';
import { ScenarioError } from '../scenario/errors';

/**
 * RFC 4180 CSV (CRLF, quotes doubled), written straight into byte chunks: room for a
 * whole row is reserved once, then digits, dates and pre-encoded dictionary values are
 * copied in with no per-byte checks. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) get a leading apostrophe (OWASP CSV injection).
 */
const CHUNK = 1 << 21;
const COMMA = 44;
const CR = 13;
const LF = 10;
const DOT = 46;
const MINUS = 45;
const COLON = 58;
const ZERO = 48;

export const CSV_FORMULA_NOTE =
  'Text cells starting with =, +, -, @, tab or carriage return are prefixed with an apostrophe so spreadsheets do not run them as formulas; negative numbers such as -3 or -12.50 are left as they are.';

/** A negative decimal number: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-\d+(\.\d+)?$/;

/** Quotes a text cell when needed and defuses formula starts. */
export function csvText(value: string): string {
  let v = value;
  if (v.length > 0 && '=+-@\t\r'.includes(v[0]) && !PLAIN_NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const enum Kind {
  Int,
  Fixed,
  Date,
  Timestamp,
  Dict,
  Text,
  Ascii,
}

interface Prepared {
  kind: Kind;
  ints: Int32Array | Uint8Array;
  floats: Float64Array;
  scale: number;
  div: number;
  /** Each dictionary value's bytes as little-endian 32-bit words (the last word padded), and its length. */
  dictWords: Uint32Array[];
  dictLengths: Int32Array;
  text: readonly string[];
  /** Fixed-width ASCII: the bytes, `width` a row. */
  bytes: Uint8Array;
  width: number;
  /** Most bytes one cell can take (text cells are measured per row). */
  bound: number;
  /** Nullable columns: 0 where the cell is empty. */
  valid: Uint8Array | undefined;
}

const EMPTY_INTS = new Int32Array(0);
const EMPTY_WORDS = new Uint32Array(0);
const EMPTY_BYTES = new Uint8Array(0);
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => ZERO + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

let clockText: Uint32Array | undefined;
/**
 * "HH:MM:SS" for every second of a day, 8 bytes each (691 kB, built once), read as two
 * little-endian 32-bit words: a cell is two stores, not eight.
 */
function secondsOfDay(): Uint32Array {
  if (clockText) return clockText;
  const t = new Uint8Array(86_400 * 8);
  for (let s = 0; s < 86_400; s++) {
    const at = s * 8;
    writeTwo(t, at, Math.floor(s / 3600));
    t[at + 2] = COLON;
    writeTwo(t, at + 3, Math.floor(s / 60) % 60);
    t[at + 5] = COLON;
    writeTwo(t, at + 6, s % 60);
  }
  return (clockText = words(t));
}
const EMPTY_FLOATS = new Float64Array(0);

/** Bytes as little-endian 32-bit words, the last padded with zeros (read as the writer stores them, whatever the host's byte order). */
function words(bytes: Uint8Array): Uint32Array {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: padded.length / 4 }, (_, i) => view.getUint32(4 * i, true));
}

/**
 * Room past a cell that a word store may write into: a cell's last word can run up to 3
 * bytes beyond it, and what comes next (a comma, the next cell, the line end) overwrites them.
 */
const WORD_SLACK = 4;

function prepare(col: Column, encoder: TextEncoder): Prepared {
  const p: Prepared = { kind: Kind.Int, ints: EMPTY_INTS, floats: EMPTY_FLOATS, scale: 0, div: 1, dictWords: [], dictLengths: EMPTY_INTS, text: [], bytes: EMPTY_BYTES, width: 0, bound: 12, valid: col.valid };
  switch (col.type) {
    case 'int32':
    case 'bool':
      return { ...p, ints: col.values };
    case 'date':
      return { ...p, kind: Kind.Date, ints: col.values, bound: 10 };
    case 'fixed':
      return { ...p, kind: Kind.Fixed, floats: col.values, scale: col.scale, div: 10 ** col.scale, bound: 24 };
    case 'timestamp':
      return { ...p, kind: Kind.Timestamp, floats: col.values, bound: 19 };
    case 'dict': {
      const dict = col.dictionary.map((s) => encoder.encode(csvText(s)));
      return { ...p, kind: Kind.Dict, ints: col.indices, dictWords: dict.map(words), dictLengths: Int32Array.from(dict, (d) => d.length), bound: dict.reduce((m, d) => Math.max(m, d.length), 0) };
    }
    case 'string':
      return { ...p, kind: Kind.Text, text: col.values, bound: 0 };
    case 'ascii':
      // Copied as they are unless some value needs quotes or an apostrophe (a pattern with a comma, say).
      return asciiAsIs(col) ? { ...p, kind: Kind.Ascii, bytes: col.bytes, width: col.width, bound: col.width } : { ...p, kind: Kind.Text, text: asciiStrings(col), bound: 0 };
  }
}

/** Whether every value of an ASCII column is written as it is (`csvText` would leave it unchanged). */
function asciiAsIs(col: Extract<Column, { type: 'ascii' }>): boolean {
  const { bytes, width } = col;
  for (const special of ['"', ',', '\r', '\n']) if (bytes.includes(special.charCodeAt(0))) return false;
  for (let at = 0; at < bytes.length; at += width) {
    const first = bytes[at];
    // = + - @ tab: a formula start (CR is already out), unless the value is a plain negative number.
    if (first === 61 || first === 43 || first === 64 || first === 9) return false;
    if (first === MINUS && !PLAIN_NUMBER.test(asciiAt(col, at / width))) return false;
  }
  return true;
}

/**
 * Writes a table as CSV through `sink`, a chunk at a time from one buffer that is reused:
 * the sink must use or copy each chunk before it returns. Streaming to a file this way
 * touches no fresh memory per run; on these machines a fresh page costs 0.5-4 ms a MB,
 * more than the writing (FACTS in docs/scale-out.md).
 */
export function writeCSV(table: DataTable, sink: (chunk: Uint8Array, rowsWritten: number) => void): void {
  const encoder = new TextEncoder();
  const cols = table.columns.map((c) => prepare(c, encoder));
  const fixedBound = cols.reduce((n, c) => n + c.bound + 1, 2 + WORD_SLACK);
  const textCols = cols.filter((c) => c.kind === Kind.Text);
  const header = encoder.encode(`${table.columns.map((c) => csvText(c.name)).join(',')}\r\n`);
  // `buf` and `at` stay plain locals (no closure touches them): the hot loop reads them from registers.
  let buf = new Uint8Array(Math.max(CHUNK, header.length));
  let view = new DataView(buf.buffer);
  buf.set(header, 0);
  let at = header.length;

  let dayKey = NaN;
  let dayWords: Uint32Array = new Uint32Array(3);
  const dateCache = new Map<number, Uint8Array>();
  const dayCache = new Map<number, Uint32Array>();
  const n = cols.length;
  const clock = cols.some((c) => c.kind === Kind.Timestamp) ? secondsOfDay() : EMPTY_WORDS;
  for (let row = 0; row < table.rowCount; row++) {
    let bound = fixedBound;
    for (let t = 0; t < textCols.length; t++) bound += (textCols[t].text[row] ?? '').length * 6 + 3;
    if (at + bound > buf.length) {
      sink(buf.subarray(0, at), row);
      if (bound > buf.length) {
        buf = new Uint8Array(bound);
        view = new DataView(buf.buffer);
      }
      at = 0;
    }
    for (let c = 0; c < n; c++) {
      if (c > 0) buf[at++] = COMMA;
      const col = cols[c];
      if (col.valid !== undefined && col.valid[row] === 0) continue; // null: an empty cell
      switch (col.kind) {
        case Kind.Int:
          at = writeInt(buf, at, col.ints[row]);
          break;
        case Kind.Fixed:
          at = writeFixed(buf, at, col.floats[row], col.scale, col.div);
          break;
        case Kind.Dict: {
          const k = col.ints[row];
          const w = col.dictWords[k];
          for (let i = 0; i < w.length; i++) view.setUint32(at + 4 * i, w[i], true);
          at += col.dictLengths[k];
          break;
        }
        case Kind.Timestamp: {
          // "YYYY-MM-DD " from a per-day cache (three words, the twelfth byte overwritten by the
          // clock), then "HH:MM:SS" from a table of every second of a day.
          const ms = col.floats[row];
          const day = Math.floor(ms / MS_PER_DAY);
          if (day !== dayKey) {
            dayKey = day;
            let cachedDay = dayCache.get(day);
            if (!cachedDay) {
              cachedDay = words(encoder.encode(`${isoDay(day)} `));
              dayCache.set(day, cachedDay);
            }
            dayWords = cachedDay;
          }
          view.setUint32(at, dayWords[0], true);
          view.setUint32(at + 4, dayWords[1], true);
          view.setUint32(at + 8, dayWords[2], true);
          at += 11;
          const from = Math.floor((ms - day * MS_PER_DAY) / 1000) * 2;
          view.setUint32(at, clock[from], true);
          view.setUint32(at + 4, clock[from + 1], true);
          at += 8;
          break;
        }
        case Kind.Date: {
          const day = col.ints[row];
          let b = dateCache.get(day);
          if (!b) {
            b = encoder.encode(isoDay(day));
            dateCache.set(day, b);
          }
          for (let i = 0; i < b.length; i++) buf[at + i] = b[i];
          at += b.length;
          break;
        }
        case Kind.Text:
          at += encoder.encodeInto(csvText(col.text[row]), buf.subarray(at)).written;
          break;
        case Kind.Ascii: {
          const from = row * col.width;
          for (let i = 0; i < col.width; i++) buf[at + i] = col.bytes[from + i];
          at += col.width;
          break;
        }
      }
    }
    buf[at++] = CR;
    buf[at++] = LF;
  }
  sink(buf.subarray(0, at), table.rowCount);
}

/**
 * A table as one CSV file in memory: one buffer, sized from the first chunk's bytes a row
 * (5% over, grown if a later part of the table runs longer), the chunks copied straight in.
 * Copying each chunk and then joining the copies touched twice the file's size in fresh
 * memory, which costs more than the writing here. The result may be a view of a slightly
 * larger buffer.
 */
export function toCSV(table: DataTable): Uint8Array {
  let out = new Uint8Array(0);
  let size = 0;
  writeCSV(table, (chunk, rowsWritten) => {
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

function writeTwo(buf: Uint8Array, at: number, n: number): number {
  buf[at] = ZERO + ((n / 10) | 0);
  buf[at + 1] = ZERO + (n % 10);
  return at + 2;
}

/** Digits of a non-negative integer below 2^53, most significant first. */
function writeUnsigned(buf: Uint8Array, at: number, n: number): number {
  // Refuse (never loop on, never write garbage for) what is not an exact integer: NaN, ±Infinity, 1e300.
  if (!(n <= Number.MAX_SAFE_INTEGER)) throw unwritable(n);
  // Most cells are small: ids, counts, line numbers, cents.
  if (n < 10) {
    buf[at] = ZERO + n;
    return at + 1;
  }
  if (n < 100) {
    buf[at] = ZERO + ((n / 10) | 0);
    buf[at + 1] = ZERO + (n % 10);
    return at + 2;
  }
  let len = 3;
  for (let p = 1000; p <= n; p *= 10) len++;
  let end = at + len;
  let v = n;
  if (v < 2147483648) {
    // Two digits a division, from a table of "00".."99".
    while (v >= 100) {
      const q = (v / 100) | 0;
      const pair = (v - q * 100) * 2;
      buf[--end] = DIGIT_PAIRS[pair + 1];
      buf[--end] = DIGIT_PAIRS[pair];
      v = q;
    }
    // The leading one or two digits sit at the start.
    if (v >= 10) {
      buf[at] = DIGIT_PAIRS[v * 2];
      buf[at + 1] = DIGIT_PAIRS[v * 2 + 1];
    } else buf[at] = ZERO + v;
  } else {
    while (end > at) {
      const q = Math.floor(v / 10);
      buf[--end] = ZERO + (v - q * 10);
      v = q;
    }
  }
  return at + len;
}

function writeInt(buf: Uint8Array, at: number, n: number): number {
  if (n < 0) {
    buf[at++] = MINUS;
    n = -n;
  }
  return writeUnsigned(buf, at, n);
}

function unwritable(v: number): ScenarioError {
  return new ScenarioError([{ code: 'E114', field: 'export', message: `a value (${v}) is not a finite number that can be written exactly; a setting is outside its range` }]);
}

/** A scaled integer as a decimal with exactly `scale` places: 1234, 2 → "12.34". */
function writeFixed(buf: Uint8Array, at: number, v: number, scale: number, div: number): number {
  if (!Number.isSafeInteger(v)) throw unwritable(v);
  if (scale === 0) return writeInt(buf, at, v);
  let n = v;
  if (n < 0) {
    buf[at++] = MINUS;
    n = -n;
  }
  const whole = Math.floor(n / div);
  at = writeUnsigned(buf, at, whole);
  buf[at++] = DOT;
  let frac = n - whole * div;
  for (let i = scale - 1; i >= 0; i--) {
    const q = Math.floor(frac / 10);
    buf[at + i] = ZERO + (frac - q * 10);
    frac = q;
  }
  return at + scale;
}
