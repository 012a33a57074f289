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

export const useScenarioStore = create<ScenarioState>()(
  temporal(
    persist(
      (set) => ({
        scenario: buildTemplate('baseline'),
        update: (recipe) =>
          set((state) => {
            const draft = structuredClone(state.scenario);
            recipe(draft);
            return { scenario: draft };
          }),
        replace: (scenario) => set({ scenario: structuredClone(scenario) }),
      }),
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
    {
      partialize: (s) => ({ scenario: s.scenario }),
      equality: (a, b) => a.scenario === b.scenario,
      limit: 200,
    },
  ),
);

// Restoring the autosave is not an edit: start with an empty history.
useScenarioStore.temporal.getState().clear();

export const selectScenario = (s: ScenarioState) => s.scenario;
export const selectUpdate = (s: ScenarioState) => s.update;
export const selectReplace = (s: ScenarioState) => s.replace;

export const undoScenario = () => useScenarioStore.temporal.getState().undo();
export const redoScenario = () => useScenarioStore.temporal.getState().redo();
/** How many steps undo and redo can take (for the buttons). */
export function useHistoryDepth(): { undo: number; redo: number } {
  const undo = useStore(useScenarioStore.temporal, (t) => t.pastStates.length);
  const redo = useStore(useScenarioStore.temporal, (t) => t.futureStates.length);
  return { undo, redo };
}
