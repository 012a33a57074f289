import { type ExpressionError } from './types';

export class Failure extends Error {
  readonly error: ExpressionError;
  constructor(error: ExpressionError) {
    super(error.message);
    this.error = error;
  }
}

/** Stops compiling with an error at `index` (0-based; reported 1-based). */
export function fail(code: ExpressionError['code'], index: number, text: string, hint?: string): never {
  const position = index + 1;
  throw new Failure({ code, position, message: `${text} at ${position}${hint ? `; ${hint}` : ''}` });
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const near = nearest(name, candidates);
  return near === undefined ? undefined : `did you mean '${near}'?`;
}

/**
 * The candidate a typo most likely meant: within edit distance 2, or one name a prefix of the other,
 * or the candidate reaching the name through a key ("cohort" → "customer.cohort"). Ties go to the
 * candidate listed first.
 */
function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const typed = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const gap = Math.abs(c.length - typed.length);
    const related = typed.length >= 3 && (c.startsWith(typed) || typed.startsWith(c) || c.endsWith(`.${typed}`));
    // A related name differs only by the characters added or dropped; any other name within two
    // edits is within two characters of the length.
    const distance = related ? gap : gap <= 2 ? editDistance(typed, c) : Infinity;
    if ((related || (distance <= 2 && distance < typed.length)) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
