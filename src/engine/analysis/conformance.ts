import type { GeneratedRun } from '../generate';
import { customColumnChecks } from '../custom/checks';
import { MODULES } from '../modules/registry';
import type { ConformanceRow, TargetRow } from './targets';

export type { ConformanceRow } from './targets';

/**
 * Whether a target can be judged on a part of the run, and if not, why. Shares, rates, caps
 * and must-holds carry over (their tolerance follows the rows there are); correlations and
 * elasticities need every hour, and totals belong to the whole run.
 */
function partReason(row: TargetRow): string | undefined {
  if (row.unit === 'corr') return 'a correlation is judged over every hour of the run, not a part';
  if (row.unit === 'β' || row.unit === 'ε') return 'an elasticity is estimated over the whole calendar, not a part';
  if (row.unit === 'count' && !row.atMost && row.expected !== 0) return 'a total of the whole run; a part holds a share of it';
  return undefined;
}

/**
 * A share judged on so few rows that its tolerance covers every share from 0 to 100%: it
 * could not fail, so it is not reported as passed (a 1-customer run read "cohort share: Gen X
 * expected 25%, measured 100%, ± 173 pts, pass").
 */
function tooFewRows(row: TargetRow): string | undefined {
  if (row.unit !== '%' || row.atMost) return undefined;
  return row.tolerance >= Math.max(row.expected, 100 - row.expected) ? 'too few rows: any share from 0 to 100% would be within the tolerance' : undefined;
}

const isPart = (run: GeneratedRun) => ('fromDay' in run.partition ? true : run.partition.partitions > 1);

/** Every declared target beside what the data shows, with its tolerance and pass or fail. */
export function conformanceReport(run: GeneratedRun): ConformanceRow[] {
  // Targets describe the process, so they are measured before any data-quality faults.
  const table = (name: string) => run.clean.find((t) => t.name === name) ?? run.tables.find((t) => t.name === name);
  const part = isPart(run);
  return [...MODULES.flatMap((m) => m.checks ?? []), customColumnChecks]
    .flatMap((check) => check(run, table))
    .map((row) => {
      const pass = row.atMost ? row.measured <= row.expected + row.tolerance : Math.abs(row.measured - row.expected) <= row.tolerance;
      // A module may declare a target not judged in this scenario (with its reason); parts leave out whole-run targets.
      const notJudged = row.notJudged ?? (part ? partReason(row) : undefined) ?? tooFewRows(row);
      // A target not judged on a part is never reported as failed there.
      return notJudged ? { ...row, pass: true, notJudged } : { ...row, pass };
    });
}
