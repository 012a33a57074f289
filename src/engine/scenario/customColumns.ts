import { z } from 'zod';
import { coded } from './errors';
import { keyName, mixSchema, multilineText, plainText } from './fields';
import { TABLE_NAMES } from './tables';

// A user's own column on any table: a distribution, a categorical mix, a word list, a
// pattern or an expression. How each is drawn: engine/custom/; its targets: custom/checks.ts.

export const CUSTOM_KINDS = ['distribution', 'mix', 'words', 'pattern', 'expression'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

export const DISTRIBUTION_FAMILIES = ['normal', 'lognormal', 'uniform', 'poisson', 'bernoulli'] as const;
export type DistributionFamily = (typeof DISTRIBUTION_FAMILIES)[number];

/** The parameters each family reads (lognormal: the mean and sd of the values themselves, not of their logarithm). */
export const FAMILY_PARAMS: Record<DistributionFamily, readonly ('mean' | 'sd' | 'min' | 'max' | 'p')[]> = {
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  uniform: ['min', 'max'],
  poisson: ['mean'],
  bernoulli: ['p'],
};

/** Word lists from Faker's English locale data (engine/custom/words.ts). */
export const WORD_LISTS = ['job_title', 'colour', 'company', 'department', 'country', 'us_state', 'city', 'first_name', 'last_name', 'car_maker', 'material', 'dish', 'adjective'] as const;

const LIMIT = 1e12;
const finite = (what: string) => z.number(coded('E100', `${what} must be a number`)).min(-LIMIT, coded('E101', `${what} is out of range`)).max(LIMIT, coded('E101', `${what} is out of range`));

export const distributionParamsSchema = z.strictObject(
  {
    mean: finite('mean').optional(),
    sd: finite('sd').min(0, coded('E101', 'std dev (sd) must be ≥ 0')).optional(),
    min: finite('min').optional(),
    max: finite('max').optional(),
    p: z.number(coded('E100', 'p must be a number')).min(0, coded('E101', 'p must be 0 to 1')).max(1, coded('E101', 'p must be 0 to 1')).optional(),
  },
  coded('E109', 'unknown parameter'),
);
export type DistributionParams = z.infer<typeof distributionParamsSchema>;

/** What a custom column may be called: lower_snake_case, at most 63 characters. */
export const COLUMN_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const columnName = z
  .string(coded('E109', 'column name must be text'))
  .regex(COLUMN_NAME, coded('E109', 'column name must be lower_snake_case, at most 63 characters'));

/** A categorical column of the row, or of a row its keys reference ("customer.cohort"), whose value picks the parameters. */
const byColumn = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, coded('E109', 'by must name a column, e.g. cohort or customer.cohort'));

const common = {
  table: z.enum(TABLE_NAMES, coded('E109', `table must be one of ${TABLE_NAMES.join(', ')}`)),
  name: columnName,
  /** Share of rows left empty, in percent. */
  nullRatePct: z.number(coded('E100', 'empty % (nullRatePct) must be a number')).min(0, coded('E101', 'empty % (nullRatePct) must be 0-100')).max(100, coded('E101', 'empty % (nullRatePct) must be 0-100')).optional(),
};

export const customColumnSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject(
      {
        ...common,
        kind: z.literal('distribution'),
        family: z.enum(DISTRIBUTION_FAMILIES, coded('E109', `family must be one of ${DISTRIBUTION_FAMILIES.join(', ')}`)),
        params: distributionParamsSchema,
        by: byColumn.optional(),
        /** Parameters per value of `by`; values not listed use `params`. */
        groups: z.record(keyName, distributionParamsSchema).optional(),
        /** Values are clamped into [min, max] (either may be left out). */
        bounds: z.strictObject({ min: finite('lower bound').optional(), max: finite('upper bound').optional() }, coded('E109', 'unknown field')).optional(),
        decimals: z.number(coded('E100', 'decimals must be a number')).int(coded('E101', 'decimals must be a whole number')).min(0, coded('E101', 'decimals must be 0-6')).max(6, coded('E101', 'decimals must be 0-6')).optional(),
      },
      coded('E109', 'unknown field'),
    ),
    z.strictObject(
      {
        ...common,
        kind: z.literal('mix'),
        mix: mixSchema,
        by: byColumn.optional(),
        groups: z.record(keyName, mixSchema).optional(),
      },
      coded('E109', 'unknown field'),
    ),
    z.strictObject({ ...common, kind: z.literal('words'), words: z.enum(WORD_LISTS, coded('E109', `word list must be one of ${WORD_LISTS.join(', ')}`)) }, coded('E109', 'unknown field')),
    z.strictObject(
      {
        ...common,
        kind: z.literal('pattern'),
        /** # a digit, ? a capital letter, * a digit or capital letter; \ takes the next character as it is. */
        pattern: plainText('pattern').min(1, coded('E101', 'a pattern needs at least one character')).max(200, coded('E101', 'a pattern is at most 200 characters')),
      },
      coded('E109', 'unknown field'),
    ),
    z.strictObject(
      {
        ...common,
        kind: z.literal('expression'),
        expression: multilineText('expression').min(1, coded('E130', 'write an expression')).max(2000, coded('E130', 'an expression is at most 2,000 characters')),
        /** Numbers are written with this many decimals (default 2). */
        decimals: z.number(coded('E100', 'decimals must be a number')).int(coded('E101', 'decimals must be a whole number')).min(0, coded('E101', 'decimals must be 0-6')).max(6, coded('E101', 'decimals must be 0-6')).optional(),
      },
      coded('E109', 'unknown field'),
    ),
  ],
  coded('E109', `kind must be one of ${CUSTOM_KINDS.join(', ')}`),
);

export type CustomColumn = z.infer<typeof customColumnSchema>;
export type DistributionColumn = Extract<CustomColumn, { kind: 'distribution' }>;
export type MixColumn = Extract<CustomColumn, { kind: 'mix' }>;

/** The parameters a family needs that `p` lacks, and what is wrong with the rest ('' when they are fine). */
export function paramsProblem(family: DistributionFamily, p: DistributionParams): string {
  const missing = FAMILY_PARAMS[family].filter((k) => p[k] === undefined);
  if (missing.length > 0) return `${family} needs ${missing.join(' and ')}`;
  if (family === 'uniform' && p.min! > p.max!) return 'min is above max';
  if (family === 'lognormal' && p.mean! <= 0) return 'a log-normal mean must be more than 0';
  if (family === 'poisson' && (p.mean! < 0 || p.mean! > 1e6)) return 'a Poisson mean must be 0 to 1,000,000';
  return '';
}
