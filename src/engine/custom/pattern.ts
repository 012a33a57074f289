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

/** A value per row of the pattern's placeholders drawn from the row's uniforms. */
export function patternValues(pattern: string, draws: RowDraws, rows: number): string[] {
  const parts = patternParts(pattern);
  // Every value has the pattern's length: all rows are written into one buffer of UTF-16 code
  // units, decoded in blocks, and cut into values (one string a row, none made a character at a time).
  const width = parts.length;
  const slots = parts.filter((p) => 'from' in p).length;
  const uniforms = Array.from({ length: Math.ceil(slots / PER_DRAW) }, (_, k) => draws.uniforms(k));
  const codes = parts.map((p) => ('literal' in p ? p.literal.charCodeAt(0) : Uint16Array.from(p.from, (c) => c.charCodeAt(0))));
  const out = new Array<string>(rows);
  const BLOCK = Math.max(1, Math.floor(8192 / width));
  const units = new Uint16Array(BLOCK * width);
  for (let from = 0; from < rows; from += BLOCK) {
    const to = Math.min(rows, from + BLOCK);
    let at = 0;
    for (let r = from; r < to; r++) {
      let slot = 0;
      let u = 0;
      for (const c of codes) {
        if (typeof c === 'number') {
          units[at++] = c;
          continue;
        }
        // Each placeholder takes the next digits of the row's uniform in its own base.
        if (slot % PER_DRAW === 0) u = uniforms[slot / PER_DRAW][r];
        const x = u * c.length;
        const k = Math.floor(x);
        units[at++] = c[k];
        u = x - k;
        slot++;
      }
    }
    const text = String.fromCharCode.apply(null, units.subarray(0, at) as unknown as number[]);
    for (let r = from; r < to; r++) out[r] = text.slice((r - from) * width, (r - from + 1) * width);
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
