import { useMemo } from 'react';
import { TEMPLATES, buildTemplate, type Scenario } from '../engine/client';
import { runStore, useDiskRun, useRun } from '../state/engine';
import { useTooLargeForTab } from './editor/RunSize';
import { autoRunOn } from '../state/liveDesigner';
import { selectEditsSinceRun, selectFull, selectPreviewing, selectProgress, selectRunIssues, selectStage, selectStatus } from '../state/runStore';
import { openScenario } from '../state/replacedScenario';
import { redoScenario, selectScenario, undoScenario, useHistoryDepth, useScenarioStore } from '../state/scenarioStore';
import { AUTO_RUN_UNDER_ROWS, selectAutoRunSetting, useViewStore } from '../state/viewStore';
import { RUN_TO_REFRESH, useStaleReason } from './export/StaleGate';
import { formatCount } from './labels';
import { PresentButton } from './present/PresentButton';
import { ShareButton } from './ShareLink';
import { TemplateGallery } from './TemplateGallery';
import { problemCount, useProblemCount } from './useScenarioIssues';

/** Template, undo, Run, Cancel, auto-run and the run's status: the controls a person reaches for most. */
export function TopBar() {
  const scenario = useScenarioStore(selectScenario);
  const problems = useProblemCount();
  const status = useRun(selectStatus);
  const progress = useRun(selectProgress);
  const running = status === 'running';
  const writing = useDiskRun((s) => s.status === 'writing');
  const pct = Math.round(progress * 100);
  const history = useHistoryDepth();
  const tooLarge = useTooLargeForTab();

  return (
    <header className="topbar">
      <h1 className="brand">
        <span className="logo" aria-hidden>
          ◆
        </span>
        Scenario Designer
      </h1>
      <div className="template-picker">
        <label htmlFor="template-select">Template</label>
        <select
          id="template-select"
          value={TEMPLATES.some((t) => t.id === scenario.template) ? scenario.template : ''}
          onChange={(e) => e.target.value && openScenario(buildTemplate(e.target.value))}
        >
          {!TEMPLATES.some((t) => t.id === scenario.template) && <option value="">(custom)</option>}
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id} title={t.description}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <TemplateGallery />
      <div className="history" role="group" aria-label="Edit history">
        <button type="button" disabled={history.undo === 0} onClick={undoScenario} title="Undo the last edit (Ctrl+Z)" aria-keyshortcuts="Control+Z">
          ↶ Undo
        </button>
        <button type="button" disabled={history.redo === 0} onClick={redoScenario} title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z">
          ↷ Redo
        </button>
      </div>
      <ShareButton />
      <PresentButton />
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          disabled={running || writing || problems > 0 || tooLarge !== null}
          title={
            problems > 0
              ? `Fix ${problems} ${problems === 1 ? 'problem' : 'problems'} first`
              : writing
                ? 'The full run is being written to files'
                : (tooLarge ?? 'Run the whole scenario (Ctrl+Enter)')
          }
          onClick={() => void runStore.getState().run(scenario)}
        >
          Run
        </button>
        <button type="button" disabled={!running} onClick={() => runStore.getState().cancel()}>
          Cancel
        </button>
        <AutoRunToggle />
      </div>
      <div className="progress-wrap">
        <div
          className={`progress ${running ? 'active' : ''}`}
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <div className="progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <RunStatus problems={problems} />
      </div>
    </header>
  );
}

/**
 * The scenario auto-run's default is sized by: this one, or while it has problems the latest
 * in the undo history without any. One with problems has no size to go by: 1e12 typed into a
 * box unticked Auto-run by itself.
 */
function sizedBy(scenario: Scenario): Scenario | null {
  if (problemCount(scenario) === 0) return scenario;
  const past = useScenarioStore.temporal.getState().pastStates;
  for (let j = past.length - 1; j >= 0; j--) {
    const s = past[j].scenario;
    if (s && problemCount(s) === 0) return s;
  }
  return null;
}

/** Auto-run as it stands, and whether it is off by itself (the scenario is too large), not by the person. */
function useAutoRun(): { on: boolean; sizedOff: boolean } {
  const setting = useViewStore(selectAutoRunSetting);
  const scenario = useScenarioStore(selectScenario);
  const basis = useMemo(() => sizedBy(scenario), [scenario]);
  const on = setting ?? (basis === null || autoRunOn(null, basis));
  return { on, sizedOff: setting === null && !on };
}

function AutoRunToggle() {
  const { on, sizedOff } = useAutoRun();
  return (
    <label
      className="auto-run"
      title={`Run the whole scenario by itself after each edit (on by default for runs up to ${AUTO_RUN_UNDER_ROWS / 1e6} million rows, about a second)${sizedOff ? `; off now: this scenario is larger` : ''}`}
    >
      <input type="checkbox" checked={on} onChange={(e) => useViewStore.getState().setAutoRun(e.target.checked)} />
      Auto-run
    </label>
  );
}

/** One line that says where things stand; never clipped (it wraps), and read out when it changes. */
function RunStatus({ problems }: { problems: number }) {
  const staleNote = useStaleReason() + RUN_TO_REFRESH;
  const status = useRun(selectStatus);
  const stage = useRun(selectStage);
  const progress = useRun(selectProgress);
  const full = useRun(selectFull);
  const edits = useRun(selectEditsSinceRun);
  const previewing = useRun(selectPreviewing);
  const refused = useRun(selectRunIssues)[0];
  // Auto-run off by itself (not by the person): say why, or it reads as broken.
  const { sizedOff } = useAutoRun();
  const rows = full?.tables.reduce((n, t) => n + t.rowCount, 0) ?? 0;
  const text =
    problems > 0
      ? `${problems} problem${problems > 1 ? 's' : ''} to fix (see the editor)`
      : status === 'running'
        ? `Running the full scenario: ${stage}… ${Math.round(progress * 100)}%`
        : status === 'error'
          ? 'Run failed (see the message below the tabs)'
          : refused && !previewing
            ? `No preview: ${refused.code} (see above the views)`
            : status === 'cancelled'
              ? `Run cancelled; ${full && edits > 0 ? `full ${staleNote}` : full ? 'the last full run stays' : 'the preview stays'}`
              : full && edits > 0
              ? `Full ${staleNote}${sizedOff ? ` · over ${AUTO_RUN_UNDER_ROWS / 1e6} million rows, so Auto-run waits` : ''}`
              : full
                ? `Done: ${formatCount(rows)} rows in ${(full.elapsedMs / 1000).toFixed(2)} s on ${full.workers} worker${full.workers > 1 ? 's' : ''}`
                : previewing
                    ? 'Updating the preview…'
                    : sizedOff
                      ? `Preview shown · over ${AUTO_RUN_UNDER_ROWS / 1e6} million rows, so Auto-run waits: Run (Ctrl+Enter) for every day`
                      : 'Preview shown · Run (Ctrl+Enter) for every day';
  return (
    <>
      <span className={`status ${full && edits > 0 ? 'stale' : ''}`} role="status" aria-live="polite" title={text}>
        {text}
      </span>
      {problems > 0 && (
        <button type="button" className="link status-show" onClick={showFirstProblem}>
          Show
        </button>
      )}
    </>
  );
}

/**
 * Scrolls the editor to the first field with a problem and puts the cursor in it: the field
 * may be far down the editor (a cohort share, a custom column), out of sight of the status line.
 */
function showFirstProblem(): void {
  const editor = document.querySelector('.editor');
  const field = editor?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? editor?.querySelector<HTMLElement>('.field-error');
  if (!field) return;
  for (let d = field.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}
