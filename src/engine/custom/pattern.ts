import type { Column } from '../table';
import { DRAW_BLOCK, type RowDraws } from './draws';

// Pattern columns: `SKU-####-??` drawn per row, and the same pattern as a regular
// expression for the conformance check that every value matches.

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = DIGITS + LETTERS;

/** Placeholders drawn from one uniform: 8 characters of at most 36 use 41 of its 53 random bits. */
const PER_DRAW = 8;

/** One character of a pattern: written as it is, or drawn from a set of characters (`codes`: their char codes). */
type Part = { literal: string } | { from: string; codes: Uint16Array };

// Read from a typed array, not the string: charCodeAt on DIGITS + LETTERS (a string built by
// concatenation) took 60-70% of a pattern column's time in a profile.
const drawn = (from: string): Part => ({ from, codes: Uint16Array.from(from, (ch) => ch.charCodeAt(0)) });

/** `SKU-####-??`: # a digit, ? a capital letter, * either; \ writes the next character as it is. */
function patternParts(pattern: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) parts.push({ literal: pattern[++i] });
    else if (ch === '#') parts.push(drawn(DIGITS));
    else if (ch === '?') parts.push(drawn(LETTERS));
    else if (ch === '*') parts.push(drawn(ALPHANUMERIC));
    else parts.push({ literal: ch });
  }
  return parts;
}

/** Whether every value of the pattern is ASCII (kept as bytes, one a character). */
export function isAsciiPattern(pattern: string): boolean {
  return [...pattern].every((ch) => ch.charCodeAt(0) < 128);
}

/**
 * The pattern's column: a value per row, its placeholders drawn from the row's uniforms (each
 * placeholder takes the next digits of the row's uniform in its own base, 8 per uniform).
 * Every value has the pattern's length, so an ASCII pattern is one run of bytes (no string per
 * row); other text is decoded a block at a time and cut into values.
 */
export function patternColumn(name: string, pattern: string, draws: RowDraws, rows: number): Column {
  const parts = patternParts(pattern);
  const width = parts.length;
  // What is left of each row's uniform after the placeholders drawn so far.
  const left = new Float64Array(DRAW_BLOCK);
  if (width > 0 && isAsciiPattern(pattern)) {
    const bytes = new Uint8Array(rows * width);
    for (let from = 0; from < rows; from += DRAW_BLOCK) {
      const count = Math.min(rows, from + DRAW_BLOCK) - from;
      fillBlock(parts, draws, from, count, bytes.subarray(from * width, (from + count) * width), left);
    }
    return { name, type: 'ascii', width, bytes };
  }
  const decoder = new TextDecoder('utf-16le');
  const values = new Array<string>(rows);
  const units = new Uint16Array(DRAW_BLOCK * width);
  for (let from = 0; from < rows; from += DRAW_BLOCK) {
    const count = Math.min(rows, from + DRAW_BLOCK) - from;
    fillBlock(parts, draws, from, count, units, left);
    const text = decoder.decode(units.subarray(0, count * width));
    for (let i = 0; i < count; i++) values[from + i] = text.slice(i * width, (i + 1) * width);
  }
  return { name, type: 'string', values };
}

/** Rows from … from + count into `units`, a position at a time (row i at i * width). */
function fillBlock(parts: Part[], draws: RowDraws, from: number, count: number, units: Uint8Array | Uint16Array, uniforms: Float64Array): void {
  const width = parts.length;
  const left = uniforms.subarray(0, count);
  let slot = 0;
  for (let p = 0; p < width; p++) {
    const part = parts[p];
    if ('literal' in part) {
      const code = part.literal.charCodeAt(0);
      for (let i = 0, at = p; i < count; i++, at += width) units[at] = code;
      continue;
    }
    if (slot % PER_DRAW === 0) draws.fill(slot / PER_DRAW, from, left);
    const codes = part.codes;
    const base = codes.length;
    for (let i = 0, at = p; i < count; i++, at += width) {
      const x = left[i] * base;
      // x is in [0, base): truncation is its floor, and one instruction (Math.floor is a call's worth here).
      const k = x | 0;
      units[at] = codes[k];
      left[i] = x - k;
    }
    slot++;
  }
}

/**
 * Of an ASCII column's non-empty values, how many match the pattern (what patternRegExp
 * tests), read from its bytes: a million values as strings for the expression took ~100 ms
 * and the collector's time. Null when the column is not ASCII of the pattern's width.
 */
export function asciiMatches(pattern: string, col: Column): { n: number; matched: number } | null {
  const parts = patternParts(pattern);
  if (col.type !== 'ascii' || col.width !== parts.length || !isAsciiPattern(pattern)) return null;
  // Per position, which bytes may stand there.
  const allowed = parts.map((part) => {
    const ok = new Uint8Array(256);
    if ('literal' in part) ok[part.literal.charCodeAt(0)] = 1;
    else for (const code of part.codes) ok[code] = 1;
    return ok;
  });
  const { bytes, width, valid } = col;
  let n = 0;
  let matched = 0;
  for (let at = 0, r = 0; at < bytes.length; at += width, r++) {
    if (valid && !valid[r]) continue;
    n++;
    let p = 0;
    while (p < width && allowed[p][bytes[at + p]] === 1) p++;
    if (p === width) matched++;
  }
  return { n, matched };
}

/** The pattern as a regular expression over whole values. */
export function patternRegExp(pattern: string): RegExp {
  const source = patternParts(pattern)
    .map((p) => ('literal' in p ? escape(p.literal) : `[${p.from}]`))
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
