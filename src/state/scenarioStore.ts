import { temporal } from 'zundo';
import { create, useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { migrate, type Scenario, buildTemplate } from '../engine/client';

export interface ScenarioState {
  /** The scenario being edited. It may be invalid while the user types: nothing typed is thrown away. */
  scenario: Scenario;
  /** Edits a copy and stores it (one undo step). */
  update: (recipe: (draft: Scenario) => void) => void;
  /** Template switch, import, reset: one undo step too. */
  replace: (scenario: Scenario) => void;
}

export const AUTOSAVE_KEY = 'scenario-designer/scenario';

/** Changes closer together than this, to the same fields, are one undo step (typing, dragging a slider). */
const BURST_MS = 400;
/** The last change: which fields it touched and when; newStep: the next change starts a step (a template, an import, an undo). */
const burst = { fields: '', at: 0, newStep: true };

/** The paths of the leaves that differ between two scenarios ("calendar.days", "cohorts.0.share|cohorts.1.share"). */
export function changedPaths(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (a === b) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path);
    return out;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) changedPaths(x[k], y[k], path ? `${path}.${k}` : k, out);
  return out;
}

export const useScenarioStore = create<ScenarioState>()(
  // persist outside temporal, so that every change is saved, undo and redo included: with
  // temporal outside, undo set the state past persist's writer and a reload brought an undone
  // edit back (an undone template switch reopened the other template).
  persist(
    temporal(
      (set) => ({
        scenario: buildTemplate('baseline'),
        update: (recipe) =>
          set((state) => {
            const draft = structuredClone(state.scenario);
            recipe(draft);
            return { scenario: draft };
          }),
        replace: (scenario) => {
          burst.newStep = true;
          set({ scenario: structuredClone(scenario) });
        },
      }),
      {
        partialize: (s) => ({ scenario: s.scenario }),
        equality: (a, b) => a.scenario === b.scenario,
        limit: 200,
        // Keystrokes in one field are one undo step: typing 45 into Days undoes to what was there
        // before, not to 4. A change joins the step before it when it touches the same fields as
        // the change just before it, less than BURST_MS after it.
        handleSet: (record) => (pastState, replace, currentState, deltaState) => {
          // zundo hands over the state before the change (never an updater function here: partialize gives objects).
          const fields = changedPaths((pastState as { scenario: Scenario }).scenario, currentState.scenario).join('|');
          const now = Date.now();
          const join = !burst.newStep && fields === burst.fields && now - burst.at < BURST_MS;
          Object.assign(burst, { fields, at: now, newStep: false });
          if (!join) (record as unknown as (...args: unknown[]) => void)(pastState, replace, currentState, deltaState);
        },
      },
    ),
    {
      name: AUTOSAVE_KEY,
      partialize: (s) => ({ scenario: s.scenario }),
      // A draft saved by an older release is migrated; one from an unknown version is left alone.
      merge: (persisted, current) => {
        const saved = (persisted as { scenario?: Record<string, unknown> } | undefined)?.scenario;
        if (!saved || typeof saved !== 'object') return current;
        const migrated = migrate(saved);
        return migrated.ok ? { ...current, scenario: migrated.value as unknown as Scenario } : current;
      },
    },
  ),
);

// Restoring the autosave is not an edit: start with an empty history.
useScenarioStore.temporal.getState().clear();

export const selectScenario = (s: ScenarioState) => s.scenario;
export const selectUpdate = (s: ScenarioState) => s.update;

// After an undo or a redo the next change is a step of its own (never joined to the one undone).
export const undoScenario = () => {
  burst.newStep = true;
  useScenarioStore.temporal.getState().undo();
};
export const redoScenario = () => {
  burst.newStep = true;
  useScenarioStore.temporal.getState().redo();
};
/** How many steps undo and redo can take (for the buttons). */
export function useHistoryDepth(): { undo: number; redo: number } {
  const undo = useStore(useScenarioStore.temporal, (t) => t.pastStates.length);
  const redo = useStore(useScenarioStore.temporal, (t) => t.futureStates.length);
  return { undo, redo };
}
