import { runStore } from './engine';
import { scenarioKey, type ShownResult } from './runStore';
import { useScenarioStore } from './scenarioStore';
import { AUTO_RUN_UNDER_MS, useViewStore } from './viewStore';

/** A full run after a preview waits this long for the next edit (a drag is many edits). */
const AUTO_RUN_DELAY_MS = 300;

/** What a full run should take, from the preview's time and the share of the days it covered. */
export function estimateFullRunMs(preview: ShownResult): number {
  return preview.preview ? (preview.elapsedMs * preview.preview.totalDays) / Math.max(1, preview.preview.days) : preview.elapsedMs;
}

/** Auto-run's state: the person's choice, else on when the estimate is under 2 s. */
export function autoRunOn(setting: boolean | null, preview: ShownResult | null): boolean {
  return setting ?? (preview !== null && estimateFullRunMs(preview) < AUTO_RUN_UNDER_MS);
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
    runStore.getState().noteEdit(s.scenario);
    preview();
  });
  const stopRuns = runStore.subscribe((s, prev) => {
    if (s.preview === prev.preview || !s.preview) return;
    const scenario = useScenarioStore.getState().scenario;
    const fresh = s.preview.key === scenarioKey(scenario) && s.full?.key !== s.preview.key;
    if (!fresh || !autoRunOn(useViewStore.getState().autoRun, s.preview)) return;
    clearTimeout(autoTimer);
    autoTimer = setTimeout(() => {
      // Still the scenario being edited, and auto-run still on (it may have been switched off meanwhile).
      const now = runStore.getState();
      if (useScenarioStore.getState().scenario === scenario && autoRunOn(useViewStore.getState().autoRun, now.preview)) void now.run(scenario);
    }, AUTO_RUN_DELAY_MS);
  });
  runStore.getState().noteEdit(useScenarioStore.getState().scenario);
  preview();
  return () => {
    clearTimeout(autoTimer);
    stopScenario();
    stopRuns();
  };
}
