import { TEMPLATES, buildTemplate } from '../engine/scenario/templates';
import { selectElapsed, selectPreview, selectProgress, selectStage, selectStatus, selectTables, useRunStore } from '../state/runStore';
import { selectReplace, selectScenario, useScenarioStore } from '../state/scenarioStore';
import { formatCount } from './labels';
import { PresentButton } from './present/PresentButton';
import { ShareButton } from './ShareLink';
import { TemplateGallery } from './TemplateGallery';
import { useScenarioIssues } from './useScenarioIssues';


/** Template, Run, Cancel and progress: the controls a person reaches for most. */
export function TopBar() {
  const scenario = useScenarioStore(selectScenario);
  const replace = useScenarioStore(selectReplace);
  const issues = useScenarioIssues();
  const status = useRunStore(selectStatus);
  const progress = useRunStore(selectProgress);
  const stage = useRunStore(selectStage);
  const preview = useRunStore(selectPreview);
  const elapsed = useRunStore(selectElapsed);
  const tables = useRunStore(selectTables);
  const running = status === 'running';
  const pct = Math.round(progress * 100);
  const rows = tables.reduce((n, t) => n + t.rowCount, 0);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ◆
        </span>
        Scenario Designer
      </div>
      <div className="template-picker">
        <label htmlFor="template-select">Template</label>
        <select
          id="template-select"
          value={TEMPLATES.some((t) => t.id === scenario.template) ? scenario.template : ''}
          onChange={(e) => e.target.value && replace(buildTemplate(e.target.value))}
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
      <ShareButton />
      <PresentButton />
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          disabled={running || issues.length > 0}
          title={issues.length > 0 ? `Fix ${issues.length} problem(s) first` : 'Run the scenario (Ctrl+Enter)'}
          onClick={() => void useRunStore.getState().run(scenario)}
        >
          Run
        </button>
        <button type="button" disabled={!running} onClick={() => useRunStore.getState().cancel()}>
          Cancel
        </button>
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
        <span className="status" role="status" aria-live="polite">
          {issues.length > 0 && !running
            ? `${issues.length} problem${issues.length > 1 ? 's' : ''} to fix before running`
            : running
              ? `${preview ? 'Preview shown · ' : ''}Generating ${stage}… ${pct}%`
              : status === 'done'
                ? `Done: ${formatCount(rows)} rows in ${(elapsed / 1000).toFixed(2)} s`
                : status === 'cancelled'
                  ? 'Run cancelled'
                  : status === 'error'
                    ? 'Run failed'
                    : 'Ready · Ctrl+Enter runs'}
        </span>
      </div>
    </header>
  );
}
