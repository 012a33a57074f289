import { estimateTotalRows, type Scenario } from '../engine/client';
import { runStore } from './engine';
import { scenarioKey } from './runStore';
import { useScenarioStore } from './scenarioStore';
import { AUTO_RUN_UNDER_ROWS, useViewStore } from './viewStore';

/** A full run after a preview waits this long for the next edit (a drag is many edits). */
const AUTO_RUN_DELAY_MS = 300;

/**
 * Auto-run's state: the person's choice, else on when the run is small (by its estimated rows).
 * Judged from the scenario, not from how long a preview took: a timed estimate flipped the box
 * on and off between edits of the same size (a cold preview, a busy machine).
 */
export function autoRunOn(setting: boolean | null, scenario: Scenario): boolean {
  return setting ?? estimateTotalRows(scenario) <= AUTO_RUN_UNDER_ROWS;
}

/**
 * Undo (or redo) steps between the scenario being edited and the one `key` names, as the
 * undo history counts them (keystrokes in one field are one step); null when it no longer
 * holds that scenario.
 */
export function historySteps(key: string): number | null {
  const { pastStates, futureStates } = useScenarioStore.temporal.getState();
  const nearest = (states: readonly { scenario?: Scenario }[]) => {
    for (let j = states.length - 1; j >= 0; j--) if (states[j].scenario && scenarioKey(states[j].scenario!) === key) return states.length - j;
    return null;
  };
  const back = nearest(pastStates);
  const forward = nearest(futureStates);
  return back === null ? forward : forward === null ? back : Math.min(back, forward);
}

/**
 * The live designer: every scenario change asks for a fresh preview (the worker drops the
 * ones a newer edit overtakes), counts edits since the last full run, and, with auto-run,
 * follows a settled preview with the full run. Returns a function that stops it.
 */
export function startLiveDesigner(): () => void {
  let autoTimer: ReturnType<typeof setTimeout> | undefined;
  const preview = () => void runStore.getState().refreshPreview(useScenarioStore.getState().scenario);

  const stopScenario = useScenarioStore.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    clearTimeout(autoTimer);
    // After this change has reached the history too (an undo moves its step there after setting the scenario).
    queueMicrotask(() => runStore.getState().noteEdit(s.scenario, historySteps));
    preview();
  });
  const stopRuns = runStore.subscribe((s, prev) => {
    if (s.preview === prev.preview || !s.preview) return;
    const scenario = useScenarioStore.getState().scenario;
    const fresh = s.preview.key === scenarioKey(scenario) && s.full?.key !== s.preview.key;
    if (!fresh || !autoRunOn(useViewStore.getState().autoRun, scenario)) return;
    clearTimeout(autoTimer);
    autoTimer = setTimeout(() => {
      // Still the scenario being edited, auto-run still on (it may have been switched off
      // meanwhile), and no run of it done or under way (Run pressed before the preview landed).
      const now = runStore.getState();
      const wanted = useScenarioStore.getState().scenario === scenario && now.full?.key !== scenarioKey(scenario) && now.status !== 'running';
      if (wanted && autoRunOn(useViewStore.getState().autoRun, scenario)) void now.run(scenario);
    }, AUTO_RUN_DELAY_MS);
  });
  runStore.getState().noteEdit(useScenarioStore.getState().scenario, historySteps);
  preview();
  return () => {
    clearTimeout(autoTimer);
    stopScenario();
    stopRuns();
  };
}
