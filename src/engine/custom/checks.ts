import { shareTolerance, type Check, type TargetRow } from '../analysis/targets';
import type { CustomColumn, DistributionColumn, MixColumn } from '../scenario/customColumns';
import { isNull, freeText, type Column, type DataTable } from '../table';
import { expectedMoments } from './distributions';
import { asciiMatches, patternRegExp } from './pattern';
import { RowReader } from './reader';

/** Fewer rows than this in a group say too little about its mean or shares to judge. */
const MIN_ROWS = 30;

/**
 * The targets a custom column declares by what it is: a distribution's mean and sd (of the
 * values as written: clamped, rounded), a Bernoulli's share of true, a mix's shares, per
 * group where parameters are per group; a pattern that every value matches; a null rate.
 * Tolerances are four standard errors at the rows measured.
 */
export const customColumnChecks: Check = (run, table) =>
  (run.scenario.customColumns ?? []).flatMap((spec) => {
    const t = table(spec.table);
    const col = t?.columns.find((c) => c.name === spec.name);
    if (!t || !col) return [];
    const label = `${spec.table}.${spec.name}`;
    return [...nullRate(spec, col, t, label), ...valueTargets(spec, col, t, label, table)];
  });

function valueTargets(spec: CustomColumn, col: Column, t: DataTable, label: string, tableOf: (name: string) => DataTable | undefined): TargetRow[] {
  switch (spec.kind) {
    case 'distribution': {
      const groups = groupsFor(spec, t, tableOf);
      return groups ? distributionTargets(spec, groups, col, label) : [];
    }
    case 'mix': {
      const groups = groupsFor(spec, t, tableOf);
      return groups ? mixTargets(spec, groups, col, label) : [];
    }
    case 'pattern': {
      const { n, matched } = asciiMatches(spec.pattern, col) ?? textMatches(spec.pattern, col);
      return n === 0 ? [] : [{ module: 'custom', target: `${label} matches ${spec.pattern}`, expected: 100, measured: (100 * matched) / n, tolerance: 0, unit: '%' }];
    }
    default:
      return [];
  }
}

/** Of a text column's non-empty values, how many the pattern's regular expression matches (asciiMatches reads an ASCII column's bytes instead). */
function textMatches(pattern: string, col: Column): { n: number; matched: number } {
  const re = patternRegExp(pattern);
  let n = 0;
  let matched = 0;
  const values = freeText(col) ?? [];
  for (let r = 0; r < values.length; r++) {
    if (isNull(col, r)) continue;
    n++;
    if (re.test(values[r])) matched++;
  }
  return { n, matched };
}

/** Each row's group (of[r]: 0 for the defaults, 1 + g for spec.groups' g-th key; of null: every row 0), the groups' names ('' for every other row) and how many rows each has. */
interface Groups {
  of: Int32Array | null;
  names: string[];
  sizes: Int32Array;
}

/** The column's groups; null where a part of a run without the referenced table cannot tell them apart (they are judged where it can). */
function groupsFor(spec: DistributionColumn | MixColumn, t: DataTable, tableOf: (name: string) => DataTable | undefined): Groups | null {
  const keys = Object.keys(spec.groups ?? {});
  const sizes = new Int32Array(keys.length + 1);
  // Without groups no array of zeros is made: 4 MB of fresh memory a million rows, ~10 ms here.
  if (!spec.by) {
    sizes[0] = t.rowCount;
    return { of: null, names: ['', ...keys], sizes };
  }
  const of = new RowReader(t, tableOf).groups(spec.by, keys);
  if (!of) return null;
  for (let r = 0; r < of.length; r++) sizes[++of[r]]++;
  return { of, names: ['', ...keys], sizes };
}

/** A group says enough to be judged: at least MIN_ROWS rows, nulls included (values are counted again without them). */
const judged = (groups: Groups) => groups.names.map((_, g) => g).filter((g) => groups.sizes[g] >= MIN_ROWS);

function distributionTargets(spec: DistributionColumn, groups: Groups, col: Column, label: string): TargetRow[] {
  if (col.type === 'string' || col.type === 'ascii') return [];
  const { of, names } = groups;
  const k = names.length;
  // Sums in row order within each group, then squared deviations: the same arithmetic as summing each group's own list.
  const n = new Float64Array(k);
  const sum = new Float64Array(k);
  const sq = new Float64Array(k);
  const values = col.type === 'dict' ? col.indices : col.values;
  // numericValue's own division (by 1 where nothing is scaled: the same double).
  const div = col.type === 'fixed' ? 10 ** col.scale : 1;
  groupSums(of, values, div, col.valid, n, sum);
  const mean = Float64Array.from(sum, (v, g) => v / n[g]);
  groupSquares(of, values, div, col.valid, mean, sq);
  return judged(groups).flatMap((g) => (n[g] < MIN_ROWS ? [] : distributionRows(spec, names[g], n[g], mean[g], Math.sqrt(sq[g] / (n[g] - 1)), label)));
}

// The row loops are functions of their own (one shape of arrays each call), not loops over numericValue's switch.

function groupSums(of: Int32Array | null, values: ArrayLike<number>, div: number, valid: Uint8Array | undefined, n: Float64Array, sum: Float64Array): void {
  for (let r = 0; r < values.length; r++) {
    if (valid && !valid[r]) continue;
    const g = of ? of[r] : 0;
    n[g]++;
    sum[g] += values[r] / div;
  }
}

function groupSquares(of: Int32Array | null, values: ArrayLike<number>, div: number, valid: Uint8Array | undefined, mean: Float64Array, sq: Float64Array): void {
  for (let r = 0; r < values.length; r++) {
    if (valid && !valid[r]) continue;
    const g = of ? of[r] : 0;
    sq[g] += (values[r] / div - mean[g]) ** 2;
  }
}

function distributionRows(spec: DistributionColumn, group: string, n: number, mean: number, sd: number, label: string): TargetRow[] {
  const decimals = spec.family === 'poisson' || spec.family === 'bernoulli' ? 0 : (spec.decimals ?? 2);
  const params = { ...spec.params, ...(group ? spec.groups![group] : {}) };
  const truth = expectedMoments({ family: spec.family, params, min: spec.bounds?.min, max: spec.bounds?.max, decimals });
  const who = groupLabel(label, spec, group);
  if (spec.family === 'bernoulli') {
    return [{ module: 'custom', target: `${who} share true`, expected: 100 * truth.mean, measured: 100 * mean, tolerance: shareTolerance(truth.mean, n), unit: '%' }];
  }
  // Standard errors of the sample mean and sd, from the distribution's own moments (a log-normal's sd varies more).
  const seMean = truth.sd / Math.sqrt(n);
  const seSd = truth.sd > 0 ? Math.sqrt(Math.max(0, truth.m4 - truth.sd ** 4) / n) / (2 * truth.sd) : 0;
  // The expected moments already include the rounding; the floor only absorbs float error where sd is 0.
  const floor = 1e-9 * Math.max(1, Math.abs(truth.mean));
  return [
    { module: 'custom', target: `${who} mean`, expected: truth.mean, measured: mean, tolerance: Math.max(floor, 4 * seMean), unit: 'value' },
    { module: 'custom', target: `${who} sd`, expected: truth.sd, measured: sd, tolerance: Math.max(floor, 4 * seSd), unit: 'value' },
  ];
}

/** "customers.points (cohort = gen_z)", "(every other cohort)", or the column alone when it has no groups. */
function groupLabel(label: string, spec: DistributionColumn | MixColumn, group: string): string {
  if (group) return `${label} (${spec.by} = ${group})`;
  return spec.by && spec.groups ? `${label} (every other ${spec.by})` : label;
}

function mixTargets(spec: MixColumn, groups: Groups, col: Column, label: string): TargetRow[] {
  if (col.type !== 'dict') return [];
  const { of, names } = groups;
  const words = col.dictionary.length;
  // Rows per group and dictionary code, then per option (a word may stand at more than one code).
  const counts = new Float64Array(names.length * words);
  for (let r = 0; r < col.indices.length; r++) if (!isNull(col, r)) counts[(of ? of[r] : 0) * words + col.indices[r]]++;
  return judged(groups).flatMap((g) => {
    const byWord = new Map<string, number>();
    let n = 0;
    for (let w = 0; w < words; w++) {
      const c = counts[g * words + w];
      n += c;
      if (c > 0) byWord.set(col.dictionary[w], (byWord.get(col.dictionary[w]) ?? 0) + c);
    }
    if (n < MIN_ROWS) return [];
    const group = names[g];
    const mix = group ? spec.groups![group] : spec.mix;
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    const who = groupLabel(label, spec, group);
    return Object.entries(mix).map(([option, share]) => ({
      module: 'custom',
      target: `${who}: ${option}`,
      expected: (100 * share) / total,
      measured: (100 * (byWord.get(option) ?? 0)) / n,
      tolerance: shareTolerance(share / total, n),
      unit: '%' as const,
    }));
  });
}

function nullRate(spec: CustomColumn, col: Column, t: DataTable, label: string): TargetRow[] {
  const rate = spec.nullRatePct ?? 0;
  // An expression's own nulls (a division by zero) come on top of the drawn ones: only the others are judged.
  if (rate <= 0 || t.rowCount < MIN_ROWS || spec.kind === 'expression') return [];
  let nulls = 0;
  for (let r = 0; r < t.rowCount; r++) if (isNull(col, r)) nulls++;
  return [{ module: 'custom', target: `${label} left empty`, expected: rate, measured: (100 * nulls) / t.rowCount, tolerance: shareTolerance(rate / 100, t.rowCount), unit: '%' }];
}
