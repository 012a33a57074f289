import { useEffect } from 'react';
import { create } from 'zustand';

// Boxes whose text is not a value (an empty or non-numeric number field, a share that is not
// one): the scenario keeps its last good value, so validation cannot see them, but Run must
// not quietly run that older value. Each box registers its problem while it has one; Run and
// the status line count them beside the scenario's own issues.

/** Each box holding text that is not a value, with how many of the scenario's issues it hides. */
const useDraftProblems = create<{ open: ReadonlyMap<string, number> }>(() => ({ open: new Map<string, number>() }));

function setOpen(id: string, hides: number | null): void {
  const now = useDraftProblems.getState().open;
  if ((now.get(id) ?? null) === hides) return;
  const next = new Map(now);
  if (hides !== null) next.set(id, hides);
  else next.delete(id);
  useDraftProblems.setState({ open: next });
}

/**
 * Registers the box `id` as holding text that is not a value while `bad` (and never after it
 * unmounts). `hides`: the scenario's issues about the box's older value, which the box no
 * longer shows (they are about a value no longer in it), so they are not counted either.
 */
export function useDraftProblem(id: string, bad: boolean, hides = 0): void {
  useEffect(() => {
    setOpen(id, bad ? hides : null);
    return () => setOpen(id, null);
  }, [id, bad, hides]);
}

/**
 * The problems to fix, given the scenario's `issues`: each box holding text that is not a
 * value, plus the issues less those the boxes hide; never fewer than the boxes (an issue
 * shown under several boxes would otherwise be taken off more than once).
 */
function total(open: ReadonlyMap<string, number>, issues: number): number {
  const hidden = [...open.values()].reduce((n, hides) => n + hides, 0);
  return Math.max(open.size, open.size + issues - hidden);
}

export const useProblemTotal = (issues: number) => useDraftProblems((s) => total(s.open, issues));
export const problemTotal = (issues: number) => total(useDraftProblems.getState().open, issues);
