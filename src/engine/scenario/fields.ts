import { z } from 'zod';
import { coded } from './errors';

// Field builders shared by the scenario schema and its sections.

export const SHARE_TOLERANCE = 0.05;

/** A categorical mix: option → percent. Percentages must sum to 100. */
export const mixSchema = z
  .record(z.string(), z.number(coded('E100', 'must be a number')).min(0, coded('E101', 'a share cannot be negative')).max(100, coded('E101', 'a share cannot exceed 100')))
  .refine((m) => Object.keys(m).length > 0, coded('E102', 'needs at least one option'))
  .refine((m) => Math.abs(sumShares(Object.values(m)) - 100) <= SHARE_TOLERANCE, {
    error: (issue) => `E102|shares sum to ${round1(sumShares(Object.values(issue.input as Record<string, number>)))}, not 100`,
  });

export type Mix = z.infer<typeof mixSchema>;

export const count = (what: string, min: number, max: number) =>
  z
    .number(coded('E100', `${what} must be a number`))
    .int(coded('E101', `${what} must be a whole number`))
    .min(min, coded('E101', `${what} must be at least ${min}`))
    .max(max, coded('E101', `${what} must be at most ${max.toLocaleString('en-US')}`));

export const percent = (what: string) =>
  z.number(coded('E100', `${what} must be a number`)).min(0, coded('E101', `${what} must be 0-100`)).max(100, coded('E101', `${what} must be 0-100`));

export function sumShares(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

