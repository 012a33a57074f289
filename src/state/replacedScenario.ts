import { create } from 'zustand';
import { TEMPLATES, buildTemplate, type Scenario } from '../engine/client';
import { changedPaths, useScenarioStore } from './scenarioStore';

/**
 * Opening a template, a saved scenario, a file or a shared link replaces the whole scenario in
 * one click. When what it replaced held the user's own edits, the page says so and offers
 * Undo, for as long as the opened scenario is the one on screen.
 */
interface ReplacedState {
  /** "Opened Flash sale. Your edits to Baseline store are one Undo away." */
  notice: string | null;
  /** The scenario the notice is about: any later change (an edit, the undo itself) ends it. */
  opened: Scenario | null;
  dismiss: () => void;
}

export const useReplaced = create<ReplacedState>()((set) => ({
  notice: null,
  opened: null,
  dismiss: () => set({ notice: null, opened: null }),
}));

const templateOf = (s: Scenario) => TEMPLATES.find((t) => t.id === s.template);

/** Whether replacing `s` loses nothing: it is its template exactly as the template builds it. */
export function isPristineTemplate(s: Scenario): boolean {
  return templateOf(s) !== undefined && changedPaths(s, buildTemplate(s.template)).length === 0;
}

/** What the notice calls a scenario: its template's name, or its own. */
function nameOf(s: Scenario): string {
  return templateOf(s)?.label ?? (s.name || 'scenario');
}

/** Replaces the scenario (one undo step) with `next`, called `what` ("Flash sale", "the shared scenario"). */
export function openScenario(next: Scenario, what = nameOf(next)): void {
  const before = useScenarioStore.getState().scenario;
  useScenarioStore.getState().replace(next);
  const opened = useScenarioStore.getState().scenario;
  if (opened === before || isPristineTemplate(before) || changedPaths(before, opened).length === 0) {
    useReplaced.getState().dismiss();
    return;
  }
  useReplaced.setState({ notice: `Opened ${what}. Your edits to ${nameOf(before)} are one Undo away.`, opened });
}
