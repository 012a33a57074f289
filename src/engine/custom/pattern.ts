import type { RowDraws } from './draws';

// Pattern columns: `SKU-####-??` drawn per row, and the same pattern as a regular
// expression for the conformance check that every value matches.

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = DIGITS + LETTERS;

/** Placeholders drawn from one uniform: 8 characters of at most 36 use 41 of its 53 random bits. */
const PER_DRAW = 8;

/** One character of a pattern: written as it is, or drawn from a set of characters. */
type Part = { literal: string } | { from: string };

/** `SKU-####-??`: # a digit, ? a capital letter, * either; \ writes the next character as it is. */
function patternParts(pattern: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) parts.push({ literal: pattern[++i] });
    else if (ch === '#') parts.push({ from: DIGITS });
    else if (ch === '?') parts.push({ from: LETTERS });
    else if (ch === '*') parts.push({ from: ALPHANUMERIC });
    else parts.push({ literal: ch });
  }
  return parts;
}

/**
 * A value per row of the pattern's placeholders drawn from the row's uniforms: each placeholder
 * takes the next digits of the row's uniform in its own base (8 placeholders per uniform).
 */
export function patternValues(pattern: string, draws: RowDraws, rows: number): string[] {
  const parts = patternParts(pattern);
  // Every value has the pattern's length: a block of rows is written into one buffer, a
  // position at a time, decoded once and cut into values (one string a row, none made a
  // character at a time).
  const width = parts.length;
  const ascii = [...pattern].every((ch) => ch.charCodeAt(0) < 128);
  const decoder = new TextDecoder(ascii ? 'latin1' : 'utf-16le');
  const out = new Array<string>(rows);
  const BLOCK = Math.max(1, Math.floor(16384 / width));
  const units = ascii ? new Uint8Array(BLOCK * width) : new Uint16Array(BLOCK * width);
  const rest = new Float64Array(BLOCK);
  for (let from = 0; from < rows; from += BLOCK) {
    const count = Math.min(rows, from + BLOCK) - from;
    let slot = 0;
    for (let p = 0; p < width; p++) {
      const part = parts[p];
      if ('literal' in part) {
        const code = part.literal.charCodeAt(0);
        for (let i = 0, at = p; i < count; i++, at += width) units[at] = code;
        continue;
      }
      if (slot % PER_DRAW === 0) draws.fill(slot / PER_DRAW, from, rest.subarray(0, count));
      const chars = part.from;
      const base = chars.length;
      for (let i = 0, at = p; i < count; i++, at += width) {
        const x = rest[i] * base;
        const k = Math.floor(x);
        units[at] = chars.charCodeAt(k);
        rest[i] = x - k;
      }
      slot++;
    }
    const text = decoder.decode(units.subarray(0, count * width));
    for (let i = 0; i < count; i++) out[from + i] = text.slice(i * width, (i + 1) * width);
  }
  return out;
}

/** The pattern as a regular expression over whole values. */
export function patternRegExp(pattern: string): RegExp {
  const source = patternParts(pattern)
    .map((p) => ('literal' in p ? escape(p.literal) : `[${p.from}]`))
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
