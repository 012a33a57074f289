import { asciiAt, asciiStrings, type Column, type DataTable } from '../table';
import { isoDay, MS_PER_DAY } from '../time';
import { collectChunks } from './collect';
import { type Block, measureDict, measureFixed, measureInts, writeBytes, writeDict, writeFixed, writeInts, ZERO } from './csvCells';

/**
 * RFC 4180 CSV (CRLF, quotes doubled), written straight into byte chunks: each block of
 * rows is measured first (every cell's width), so digits, dates and pre-encoded dictionary
 * values are copied in with no per-byte checks, a column at a time. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) get a leading apostrophe (OWASP CSV injection).
 */
const CHUNK = 1 << 21;
const COMMA = 44;
const CR = 13;
const LF = 10;
const MINUS = 45;
const COLON = 58;

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

/** A column ready to write: each block's cell widths (added to the rows' lengths in block.pos), then the cells. */
interface Prepared {
  measure(block: Block, width: Int32Array): void;
  write(buf: Uint8Array, view: DataView, block: Block, width: Int32Array): void;
}

const EMPTY_WORDS = new Uint32Array(0);

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

/** Bytes as little-endian 32-bit words, the last padded with zeros (read as the writer stores them, whatever the host's byte order). */
function words(bytes: Uint8Array): Uint32Array {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  // On a little-endian host the bytes are those words already (a dictionary of 3,000 names
  // read a word at a time through a callback cost ~30 ms of a small run's start).
  if (LITTLE_ENDIAN) return new Uint32Array(padded.buffer);
  const view = new DataView(padded.buffer);
  return Uint32Array.from({ length: padded.length / 4 }, (_, i) => view.getUint32(4 * i, true));
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Room past a block that a word store may write into: a dictionary cell's last word can run
 * up to 3 bytes beyond it (see writeDict).
 */
const WORD_SLACK = 4;

function prepare(col: Column, last: boolean, encoder: TextEncoder): Prepared {
  const valid = col.valid;
  switch (col.type) {
    case 'int32':
    case 'bool':
      return { measure: (b, w) => measureInts(col.values, valid, b, w), write: (buf, _, b, w) => writeInts(buf, col.values, b, w) };
    case 'fixed': {
      const div = 10 ** col.scale;
      return { measure: (b, w) => measureFixed(col.values, col.scale, div, valid, b, w), write: (buf, _, b, w) => writeFixed(buf, col.values, col.scale, div, b, w) };
    }
    case 'dict': {
      const dict = col.dictionary.map((s) => encoder.encode(csvText(s)));
      const lengths = Int32Array.from(dict, (d) => d.length);
      const dictWords = dict.map(words);
      return { measure: (b, w) => measureDict(col.indices, lengths, valid, b, w), write: (buf, view, b, w) => writeDict(buf, view, col.indices, dictWords, dict, last, b, w) };
    }
    case 'timestamp':
      return timestampColumn(col.values, valid, encoder);
    case 'date':
      return dateColumn(col.values, valid, encoder);
    case 'string':
      return textColumn(col.values, valid, encoder);
    case 'ascii': {
      // Copied as they are unless some value needs quotes or an apostrophe (a pattern with a comma, say).
      if (!asciiAsIs(col)) return textColumn(asciiStrings(col), valid, encoder);
      const { bytes, width } = col;
      const start = new Int32Array(BLOCK_ROWS);
      return {
        measure({ from, count, pos }, w) {
          for (let i = 0; i < count; i++) {
            w[i] = valid !== undefined && valid[from + i] === 0 ? 0 : width;
            pos[i] += w[i];
            start[i] = (from + i) * width;
          }
        },
        write: (buf, _, b, w) => writeBytes(buf, bytes, start, b, w),
      };
    }
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

/** Text cells, quoted and defused (csvText), encoded for the block into one reused buffer. */
function textColumn(values: readonly string[], valid: Uint8Array | undefined, encoder: TextEncoder): Prepared {
  let bytes = new Uint8Array(1 << 16);
  const start = new Int32Array(BLOCK_ROWS);
  return {
    measure({ from, count, pos }, w) {
      let at = 0;
      for (let i = 0; i < count; i++) {
        start[i] = at;
        if (valid !== undefined && valid[from + i] === 0) {
          w[i] = 0;
          continue;
        }
        const text = csvText(values[from + i]);
        // UTF-8 takes at most 3 bytes per UTF-16 unit.
        if (at + text.length * 3 > bytes.length) {
          const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
          grown.set(bytes.subarray(0, at));
          bytes = grown;
        }
        w[i] = encoder.encodeInto(text, bytes.subarray(at)).written;
        pos[i] += w[i];
        at += w[i];
      }
    },
    write: (buf, _, b, w) => writeBytes(buf, bytes, start, b, w),
  };
}

/** Dates as YYYY-MM-DD, each day encoded once. */
function dateColumn(days: Int32Array, valid: Uint8Array | undefined, encoder: TextEncoder): Prepared {
  const cache = new Map<number, Uint8Array>();
  const text = (day: number) => {
    let b = cache.get(day);
    if (!b) cache.set(day, (b = encoder.encode(isoDay(day))));
    return b;
  };
  return {
    measure({ from, count, pos }, w) {
      for (let i = 0; i < count; i++) {
        w[i] = valid !== undefined && valid[from + i] === 0 ? 0 : text(days[from + i]).length;
        pos[i] += w[i];
      }
    },
    write(buf, _, { from, count, pos }, w) {
      for (let i = 0; i < count; i++) {
        const p = pos[i];
        if (w[i] > 0) buf.set(text(days[from + i]), p);
        buf[p + w[i]] = COMMA;
        pos[i] = p + w[i] + 1;
      }
    },
  };
}

/**
 * Times as "YYYY-MM-DD HH:MM:SS": the day from a per-day cache (three words, the twelfth byte
 * overwritten by the clock), then the clock from a table of every second of a day.
 */
function timestampColumn(values: Float64Array, valid: Uint8Array | undefined, encoder: TextEncoder): Prepared {
  const clock = secondsOfDay();
  const cache = new Map<number, Uint32Array>();
  let dayKey = NaN;
  let dayWords: Uint32Array = EMPTY_WORDS;
  return {
    measure({ from, count, pos }, w) {
      for (let i = 0; i < count; i++) {
        w[i] = valid !== undefined && valid[from + i] === 0 ? 0 : 19;
        pos[i] += w[i];
      }
    },
    write(buf, view, { from, count, pos }, w) {
      for (let i = 0; i < count; i++) {
        const p = pos[i];
        if (w[i] > 0) {
          const ms = values[from + i];
          const day = Math.floor(ms / MS_PER_DAY);
          if (day !== dayKey) {
            dayKey = day;
            let cached = cache.get(day);
            if (!cached) cache.set(day, (cached = words(encoder.encode(`${isoDay(day)} `))));
            dayWords = cached;
          }
          view.setUint32(p, dayWords[0], true);
          view.setUint32(p + 4, dayWords[1], true);
          view.setUint32(p + 8, dayWords[2], true);
          // The millisecond of the day is in [0, 86,400,000): its second as an int32 (an int index, not a double).
          const second = (((ms - day * MS_PER_DAY) / 1000) | 0) << 1;
          view.setUint32(p + 11, clock[second], true);
          view.setUint32(p + 15, clock[second + 1], true);
        }
        buf[p + w[i]] = COMMA;
        pos[i] = p + w[i] + 1;
      }
    },
  };
}

/** Rows per block: the block's widths and positions stay in the CPU's cache. */
const BLOCK_ROWS = 1024;

/**
 * Writes a table as CSV through `sink`, a chunk at a time from one buffer that is reused:
 * the sink must use or copy each chunk before it returns. Streaming to a file this way
 * touches no fresh memory per run; on these machines a fresh page costs 0.5-4 ms a MB,
 * more than the writing (FACTS in docs/scale-out.md).
 *
 * A block of rows at a time: every column's cell widths first, so each row's place in the
 * buffer is known, then each column's cells in one loop (csvCells.ts), then the line ends.
 */
export function writeCSV(table: DataTable, sink: (chunk: Uint8Array, rowsWritten: number) => void): void {
  const encoder = new TextEncoder();
  const n = table.columns.length;
  const cols = table.columns.map((c, i) => prepare(c, i === n - 1, encoder));
  const header = encoder.encode(`${table.columns.map((c) => csvText(c.name)).join(',')}\r\n`);
  let buf = new Uint8Array(Math.max(CHUNK, header.length));
  let view = new DataView(buf.buffer);
  buf.set(header, 0);
  let at = header.length;
  const widths = Array.from({ length: n }, () => new Int32Array(BLOCK_ROWS));
  const pos = new Int32Array(BLOCK_ROWS);
  for (let from = 0; from < table.rowCount; from += BLOCK_ROWS) {
    const block: Block = { from, count: Math.min(BLOCK_ROWS, table.rowCount - from), pos };
    // A row is its cells, a comma after each (the last one's becomes the CR) and the LF.
    pos.fill(n + 1);
    for (let c = 0; c < n; c++) cols[c].measure(block, widths[c]);
    let total = 0;
    for (let i = 0; i < block.count; i++) total += pos[i];
    if (at + total + WORD_SLACK > buf.length) {
      sink(buf.subarray(0, at), from);
      at = 0;
      if (total + WORD_SLACK > buf.length) {
        buf = new Uint8Array(total + WORD_SLACK);
        view = new DataView(buf.buffer);
      }
    }
    for (let i = 0, p = at; i < block.count; i++) {
      const length = pos[i];
      pos[i] = p;
      p += length;
    }
    for (let c = 0; c < n; c++) cols[c].write(buf, view, block, widths[c]);
    for (let i = 0; i < block.count; i++) {
      buf[pos[i] - 1] = CR;
      buf[pos[i]] = LF;
    }
    at += total;
  }
  sink(buf.subarray(0, at), table.rowCount);
}

/** A table as one CSV file in memory (see collectChunks). */
export function toCSV(table: DataTable): Uint8Array {
  return collectChunks(table, writeCSV);
}

function writeTwo(buf: Uint8Array, at: number, n: number): number {
  buf[at] = ZERO + ((n / 10) | 0);
  buf[at + 1] = ZERO + (n % 10);
  return at + 2;
}
