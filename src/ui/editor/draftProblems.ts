import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * Boxes whose text is not a value (an empty or non-numeric number field): the scenario keeps
 * its last good value, so validation cannot see them, but Run must not quietly run that
 * older value. Each box registers its problem while it has one; Run and the status line
 * count them beside the scenario's own issues.
 */
const useDraftProblems = create<{ open: ReadonlySet<string> }>(() => ({ open: new Set<string>() }));

function setOpen(id: string, open: boolean): void {
  const now = useDraftProblems.getState().open;
  if (now.has(id) === open) return;
  const next = new Set(now);
  if (open) next.add(id);
  else next.delete(id);
  useDraftProblems.setState({ open: next });
}

/** Registers the box `id` as holding text that is not a value while `bad` (and never after it unmounts). */
export function useDraftProblem(id: string, bad: boolean): void {
  useEffect(() => {
    setOpen(id, bad);
    return () => setOpen(id, false);
  }, [id, bad]);
}

/** How many boxes hold text that is not a value. */
export const useDraftProblemCount = () => useDraftProblems((s) => s.open.size);
export const draftProblemCount = () => useDraftProblems.getState().open.size;
