import type { GeneratedRun } from '../generate';
import { column, type DataTable } from '../table';

export interface ConformanceRow {
  /** The module that declares the target. */
  module: string;
  target: string;
  expected: number;
  measured: number;
  /** Pass when |measured − expected| ≤ tolerance (or, with `atMost`, measured ≤ expected). */
  tolerance: number;
  atMost?: boolean;
  unit: '%' | 'corr' | 'β' | 'ε' | 'count' | '×' | 'value';
  pass: boolean;
  /** Set on a part of a run (a partition, a day, an increment) for targets only the whole run can meet, with the reason. */
  notJudged?: string;
}

/** A target as a module declares it, before it is judged. */
export type TargetRow = Omit<ConformanceRow, 'pass'>;

/** How a module measures its targets on a run: `table` gives the clean (pre-fault) tables. */
export type Check = (run: GeneratedRun, table: (name: string) => DataTable | undefined) => TargetRow[];

/** Four standard errors of a share p over n draws, in points (at least `floor`). */
export const shareTolerance = (p: number, n: number, floor = 0.5) => Math.max(floor, 400 * Math.sqrt((p * (1 - p)) / Math.max(1, n)));

export function dictShares(t: DataTable, name: string, keep: (r: number) => boolean = () => true): { shares: Map<string, number>; n: number } {
  const c = column(t, name);
  const counts = new Map<string, number>();
  let n = 0;
  if (c.type !== 'dict') return { shares: counts, n };
  for (let r = 0; r < t.rowCount; r++) {
    if (!keep(r)) continue;
    n++;
    const v = c.dictionary[c.indices[r]];
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { shares: new Map([...counts].map(([k, v]) => [k, v / Math.max(1, n)])), n };
}


