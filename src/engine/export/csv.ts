import type { Column, DataTable } from '../table';
import { isoDay, MS_PER_DAY } from '../time';

/**
 * RFC 4180 CSV (CRLF, quotes doubled), written byte by byte into fixed chunks with
 * dictionaries encoded once. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) get a leading apostrophe (OWASP CSV injection).
 */
const CHUNK = 1 << 20;
const COMMA = 44;
const CR = 13;
const LF = 10;
const DOT = 46;
const MINUS = 45;
const ZERO = 48;

export const CSV_FORMULA_NOTE =
  'Text cells starting with =, +, -, @, tab or carriage return are prefixed with an apostrophe so spreadsheets do not run them as formulas.';

export function toCSV(table: DataTable): Uint8Array {
  const w = new ByteWriter();
  const encoder = new TextEncoder();
  w.bytes(encoder.encode(table.columns.map((c) => csvText(c.name)).join(',')));
  w.byte(CR);
  w.byte(LF);
  const writers = table.columns.map((c) => cellWriter(c, encoder));
  const last = writers.length - 1;
  for (let row = 0; row < table.rowCount; row++) {
    for (let c = 0; c <= last; c++) {
      writers[c](w, row);
      if (c < last) w.byte(COMMA);
    }
    w.byte(CR);
    w.byte(LF);
  }
  return w.finish();
}

/** Quotes a text cell when needed and defuses formula starts. */
export function csvText(value: string): string {
  let v = value;
  if (v.length > 0 && '=+-@\t\r'.includes(v[0])) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

type CellWriter = (w: ByteWriter, row: number) => void;

function cellWriter(col: Column, encoder: TextEncoder): CellWriter {
  switch (col.type) {
    case 'int32':
    case 'bool':
      return (w, row) => w.integer(col.values[row]);
    case 'fixed':
      return (w, row) => w.fixed(col.values[row], col.scale);
    case 'date': {
      const cache = new Map<number, Uint8Array>();
      return (w, row) => w.bytes(cached(cache, col.values[row], () => encoder.encode(isoDay(col.values[row]))));
    }
    case 'timestamp': {
      const cache = new Map<number, Uint8Array>();
      return (w, row) => {
        const ms = col.values[row];
        const day = Math.floor(ms / MS_PER_DAY);
        w.bytes(cached(cache, day, () => encoder.encode(`${isoDay(day)} `)));
        const secs = Math.floor((ms - day * MS_PER_DAY) / 1000);
        w.two(Math.floor(secs / 3600));
        w.byte(58);
        w.two(Math.floor(secs / 60) % 60);
        w.byte(58);
        w.two(secs % 60);
      };
    }
    case 'dict': {
      const encoded = col.dictionary.map((s) => encoder.encode(csvText(s)));
      return (w, row) => w.bytes(encoded[col.indices[row]]);
    }
    case 'string':
      return (w, row) => w.bytes(encoder.encode(csvText(col.values[row])));
  }
}

function cached(cache: Map<number, Uint8Array>, key: number, make: () => Uint8Array): Uint8Array {
  let v = cache.get(key);
  if (!v) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

class ByteWriter {
  private chunks: Uint8Array[] = [];
  private buf = new Uint8Array(CHUNK);
  private at = 0;
  private readonly digits = new Uint8Array(24);

  byte(b: number): void {
    if (this.at === CHUNK) this.flush();
    this.buf[this.at++] = b;
  }

  bytes(b: Uint8Array): void {
    if (this.at + b.length > CHUNK) {
      this.flush();
      if (b.length > CHUNK) {
        this.chunks.push(b.slice());
        return;
      }
    }
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  two(n: number): void {
    this.byte(ZERO + Math.floor(n / 10));
    this.byte(ZERO + (n % 10));
  }

  integer(n: number): void {
    if (n < 0) {
      this.byte(MINUS);
      n = -n;
    }
    let len = 0;
    do {
      this.digits[len++] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    while (len > 0) this.byte(this.digits[--len]);
  }

  /** A scaled integer as a decimal with exactly `scale` places: 1234, 2 → "12.34". */
  fixed(v: number, scale: number): void {
    if (scale === 0) return this.integer(v);
    let n = v;
    if (n < 0) {
      this.byte(MINUS);
      n = -n;
    }
    const div = 10 ** scale;
    this.integer(Math.floor(n / div));
    this.byte(DOT);
    let frac = n % div;
    for (let p = div / 10; p >= 1; p /= 10) {
      const d = Math.floor(frac / p);
      this.byte(ZERO + d);
      frac -= d * p;
    }
  }

  private flush(): void {
    this.chunks.push(this.buf.slice(0, this.at));
    this.at = 0;
  }

  finish(): Uint8Array {
    this.flush();
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
