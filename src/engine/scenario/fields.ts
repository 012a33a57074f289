import { z } from 'zod';
import { civilFromDays, daysFromCivil } from '../time';
import { coded } from './errors';

// Field builders shared by the scenario schema and its sections.

/** Calendars run inside these years: every timestamp stays a real, four-digit date. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

function realDate(text: string): boolean {
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const [yy, mm, dd] = civilFromDays(daysFromCivil(y, m, d));
  return yy === y && mm === m && dd === d;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** 'YYYY-MM-DD', a day that exists (no 11-31), between MIN_YEAR and MAX_YEAR. One error at a time: an empty box is not also "not a calendar date". */
export const isoDate = z
  .string()
  .min(1, { ...coded('E108', 'start date is empty: give a date (YYYY-MM-DD in a scenario file)'), abort: true })
  .regex(DAY, { ...coded('E108', 'start date must be YYYY-MM-DD'), abort: true })
  .refine(realDate, coded('E108', `start date is not a calendar date from ${MIN_YEAR} to ${MAX_YEAR}`));

/** 'YYYY-MM-DDTHH:MM' in UTC, a real day and time (hours 00-23, minutes 00-59). */
export const isoMinute = z
  .string()
  .regex(MINUTE, { ...coded('E108', 'start must be YYYY-MM-DDTHH:MM (UTC)'), abort: true })
  .refine((s) => realDate(s) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, coded('E108', `not a real date and time (hours 00-23, minutes 00-59, years ${MIN_YEAR}-${MAX_YEAR})`));

/** Keys that would reach Object.prototype through a plain object: never a name here. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']);
// Control characters (NUL, escape codes) reach files and terminals as they are: refuse them in any text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Free text (labels, categories, product names): any printable text. */
export const plainText = (what: string) => z.string().refine((s) => !CONTROL.test(s), coded('E113', `${what} must not contain control characters`));

/** A name a person reads in the editor, the charts and the story (a label, a product): plain text with something in it. */
export const nameText = (what: string) => {
  const empty = coded('E113', `${what} must not be empty`);
  // min(1) for the published JSON Schema; the refinement for names of spaces alone.
  return plainText(what).min(1, empty).refine((s) => s === '' || s.trim() !== '', empty);
};

/** Control characters other than tab and line breaks (which a formula written over lines holds). */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text written over lines, such as an expression: tabs and line breaks are white space in it. */
export const multilineText = (what: string) => z.string().refine((s) => !CONTROL_BUT_WHITESPACE.test(s), coded('E113', `${what} must not contain control characters`));

/** A name used as a key (a mix option, a category): printable, and not an object-prototype name. */
export const keyName = z
  .string()
  .refine((s) => !CONTROL.test(s), coded('E113', 'a name must not contain control characters'))
  // The name itself in the message: a mix option's issue stands under the whole mix, not the option.
  .refine((s) => !PROTOTYPE_NAMES.has(s), { error: (issue) => `E113|"${String(issue.input)}" is a reserved name; choose another` });

export const SHARE_TOLERANCE = 0.05;

/** A categorical mix: option → percent. Percentages must sum to 100. */
export const mixSchema = z
  .record(keyName, z.number(coded('E100', 'must be a number')).min(0, coded('E101', 'a share cannot be negative')).max(100, coded('E101', 'a share cannot exceed 100')))
  .refine((m) => Object.keys(m).length > 0, coded('E102', 'needs at least one option'))
  .refine((m) => Math.abs(sumShares(Object.values(m)) - 100) <= SHARE_TOLERANCE, {
    error: (issue) => `E102|shares sum to ${round1(sumShares(Object.values(issue.input as Record<string, number>)))}, not 100`,
  });

export type Mix = z.infer<typeof mixSchema>;

/**
 * A whole number with thousands separators, as toLocaleString('en-US') writes it, without
 * Intl: the schema's messages are built when the module loads, and Intl's first use took
 * ~17 ms of every start (the CLI, each worker thread, the page's worker).
 */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const count = (what: string, min: number, max: number) =>
  z
    .number(coded('E100', `${what} must be a number`))
    .int(coded('E101', `${what} must be a whole number`))
    .min(min, coded('E101', `${what} must be at least ${min}`))
    .max(max, coded('E101', `${what} must be at most ${withCommas(max)}`));

/** A percentage from 0 to `max` (100 unless a lower cap has a reason, said after the range). */
export const percent = (what: string, max = 100, why = '') =>
  z.number(coded('E100', `${what} must be a number`)).min(0, coded('E101', `${what} must be 0-${max}`)).max(max, coded('E101', `${what} must be 0-${max}${why}`));

export function sumShares(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

