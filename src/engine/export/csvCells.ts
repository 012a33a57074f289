import { ScenarioError } from '../scenario/errors';

// The CSV writer's cells, one column at a time over a block of rows (csv.ts): `measure`
// gives each row's cell width in bytes (0 for an empty cell) and adds it to the row's
// length in the same loop (a pass of its own per column was 3% of writing), `write` puts the cells at the
// rows' positions and a comma after each. One loop per kind of column, so the loop holds
// one column's arrays in registers: the same cells written row by row, through a switch on
// every cell's kind, ran at about 170 MB/s.

const COMMA = 44;
const DOT = 46;
const MINUS = 45;
export const ZERO = 48;
export const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => ZERO + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/** Digits of a non-negative integer below 2^53. */
function digitCount(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  let len = 3;
  for (let p = 1000; p <= n; p *= 10) len++;
  return len;
}

/** The digits of n (a non-negative integer below 2^53), ending just before `end`. */
function writeDigitsBefore(buf: Uint8Array, end: number, n: number): void {
  if (n < 2147483648) {
    // Two digits a division, from a table of "00".."99", in 32-bit integers: the same
    // arithmetic on a double indexed the table with doubles, ~10% of writing numbers.
    let v = n | 0;
    while (v >= 100) {
      const q = (v / 100) | 0;
      const pair = (v - q * 100) << 1;
      buf[--end] = DIGIT_PAIRS[pair + 1];
      buf[--end] = DIGIT_PAIRS[pair];
      v = q;
    }
    if (v >= 10) {
      buf[end - 1] = DIGIT_PAIRS[(v << 1) + 1];
      buf[end - 2] = DIGIT_PAIRS[v << 1];
    } else buf[end - 1] = ZERO + v;
    return;
  }
  let v = n;
  do {
    const q = Math.floor(v / 10);
    buf[--end] = ZERO + (v - q * 10);
    v = q;
  } while (v > 0);
}

function unwritable(v: number): ScenarioError {
  return new ScenarioError([{ code: 'E114', field: 'export', message: `a value (${v}) is not a finite number that can be written exactly; a setting is outside its range` }]);
}

/**
 * The rows of a block: the first row, how many, and each row's position: while measuring,
 * its length so far (each `measure` adds its cells' widths); while writing, where its next
 * cell goes (advanced past each cell and its comma).
 */
export interface Block {
  from: number;
  count: number;
  pos: Int32Array;
}

const isNull = (valid: Uint8Array | undefined, row: number) => valid !== undefined && valid[row] === 0;

/** Whole numbers (int32, true/false as 0/1). */
export function measureInts(values: Int32Array | Uint8Array, valid: Uint8Array | undefined, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const v = values[from + i];
    const w = isNull(valid, from + i) ? 0 : v < 0 ? 1 + digitCount(-v) : digitCount(v);
    width[i] = w;
    pos[i] += w;
  }
}

export function writeInts(buf: Uint8Array, values: Int32Array | Uint8Array, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const p = pos[i];
    const w = width[i];
    if (w > 0) {
      const v = values[from + i];
      if (v < 0) buf[p] = MINUS;
      writeDigitsBefore(buf, p + w, v < 0 ? -v : v);
    }
    buf[p + w] = COMMA;
    pos[i] = p + w + 1;
  }
}

/** Scaled integers written with `scale` decimals (1234, 2: "12.34"); refuses what is not an exact integer (NaN, ±Infinity, 1e300). */
export function measureFixed(values: Float64Array, scale: number, div: number, valid: Uint8Array | undefined, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    if (isNull(valid, from + i)) {
      width[i] = 0;
      continue;
    }
    const v = values[from + i];
    if (!Number.isSafeInteger(v)) throw unwritable(v);
    const n = v < 0 ? -v : v;
    const w = (v < 0 ? 1 : 0) + (scale === 0 ? digitCount(n) : digitCount(Math.floor(n / div)) + 1 + scale);
    width[i] = w;
    pos[i] += w;
  }
}

export function writeFixed(buf: Uint8Array, values: Float64Array, scale: number, div: number, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const p = pos[i];
    const w = width[i];
    if (w > 0) {
      const v = values[from + i];
      if (v < 0) buf[p] = MINUS;
      const n = v < 0 ? -v : v;
      if (scale === 0) writeDigitsBefore(buf, p + w, n);
      else {
        const whole = Math.floor(n / div);
        let frac = n - whole * div;
        let at = p + w;
        if (scale === 2) {
          // Cents, most cells: one pair from the table, no division (an integer below 100: its index an int, not a double).
          const pair = (frac | 0) << 1;
          buf[--at] = DIGIT_PAIRS[pair + 1];
          buf[--at] = DIGIT_PAIRS[pair];
        } else
          for (let d = 0; d < scale; d++) {
            const q = Math.floor(frac / 10);
            buf[--at] = ZERO + (frac - q * 10);
            frac = q;
          }
        buf[--at] = DOT;
        writeDigitsBefore(buf, at, whole);
      }
    }
    buf[p + w] = COMMA;
    pos[i] = p + w + 1;
  }
}

/** Dictionary codes: each value's bytes, pre-encoded. */
export function measureDict(codes: Int32Array | Uint8Array, lengths: Int32Array, valid: Uint8Array | undefined, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const w = isNull(valid, from + i) ? 0 : lengths[codes[from + i]];
    width[i] = w;
    pos[i] += w;
  }
}

/**
 * Each value as little-endian 32-bit words (`words`): a cell is a few stores, its last word
 * running up to 3 bytes past it, into what the row writes after it (a comma, later columns,
 * the line end). The last column has only its line end after it, so `bytes` are copied there.
 */
export function writeDict(buf: Uint8Array, view: DataView, codes: Int32Array | Uint8Array, words: Uint32Array[], bytes: Uint8Array[], last: boolean, { from, count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const p = pos[i];
    const w = width[i];
    if (w > 0) {
      const k = codes[from + i];
      if (last) {
        const b = bytes[k];
        for (let j = 0; j < w; j++) buf[p + j] = b[j];
      } else {
        const ws = words[k];
        for (let j = 0; j < ws.length; j++) view.setUint32(p + 4 * j, ws[j], true);
      }
    }
    buf[p + w] = COMMA;
    pos[i] = p + w + 1;
  }
}

/** Cells whose bytes are already at hand (text encoded for the block, fixed-width ASCII): `start[i]` in `source`. */
export function writeBytes(buf: Uint8Array, source: Uint8Array, start: Int32Array, { count, pos }: Block, width: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const p = pos[i];
    const w = width[i];
    const s = start[i];
    for (let j = 0; j < w; j++) buf[p + j] = source[s + j];
    buf[p + w] = COMMA;
    pos[i] = p + w + 1;
  }
}
