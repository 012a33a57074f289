import { memo, Suspense, useMemo } from 'react';
import { useRun } from '../../state/engine';
import { selectError, selectFull, selectShown, selectShownScenario, selectShownSeq, selectRunIssues, selectShownPreview, selectShownTables, selectStale } from '../../state/runStore';
import { useScenarioStore } from '../../state/scenarioStore';
import { selectSelectedTable, selectTab, useViewStore } from '../../state/viewStore';
import { FieldError } from '../editor/FieldError';
import { useScenarioIssues } from '../useScenarioIssues';
import { ErrorBoundary } from '../ErrorBoundary';
import { RUN_TO_REFRESH, useStaleReason } from '../export/StaleGate';
import { ExportBar } from '../export/ExportBar';
import { formatCount, humanize } from '../labels';
import { ChangeStrip } from './ChangeStrip';
import { previewText } from './PreviewBadge';
import { pickTable } from './pickTable';
import { RESULT_VIEWS, type ResultView } from './views';
import type { Scenario } from '../../engine/client';

/** The centre: result views as tabs, with the table picker and export above them. */
export function ResultsPanel() {
  // Tabs follow the scenario being designed (add tenants and Elasticity appears); the panel
  // re-renders when the list changes, not on every edit.
  const viewIds = useScenarioStore((s) => applicableViews(s.scenario));
  const views = useMemo(() => RESULT_VIEWS.filter((v) => viewIds.split(' ').includes(v.id)), [viewIds]);
  const chosen = useViewStore(selectTab);
  const view = views.find((v) => v.id === chosen) ?? views[0];
  const tables = useRun(selectShownTables);
  // Which result the views show (the bench and tests wait for it to change after an edit).
  const shownSeq = useRun(selectShownSeq);
  const fresh = useRun((s) => selectShown(s)?.key === s.currentKey) || undefined;
  const error = useRun(selectError);
  const runIssues = useRun(selectRunIssues);
  // Issues the editor already shows under their fields (a typo) need no second banner here.
  const editorShowsThem = useScenarioIssues().length > 0;

  return (
    <main className="results" id="results" aria-label="Results" tabIndex={-1}>
      <div className="results-head">
        <Tabs views={views} active={view} />
        <ExportBar />
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
          <FieldError id="run-issues" issues={runIssues} inAlert />
        </div>
      )}
      {!error && !editorShowsThem && runIssues.length > 0 && (
        // A preview the engine refused (E107: the first days alone do not fit): the views still show the last good one.
        <div className="banner stale" role="alert">
          No preview of the latest edit; the views show the one before it.
          <FieldError id="preview-issues" issues={runIssues} inAlert />
        </div>
      )}
      <ChangeStrip />
      <ShowingNote view={view} />
      {tables.length === 0 && !view.standalone ? (
        <EmptyState />
      ) : (
        <>
          {view.picksTable && <TablePicker />}
          <div role="tabpanel" id={`panel-${view.id}`} aria-labelledby={`tab-${view.id}`} className="tabpanel" data-shown-seq={shownSeq} data-shown-fresh={fresh}>
            <ErrorBoundary what={`The ${view.label} view`} resetKey={`${view.id}:${shownSeq}`}>
              <Suspense fallback={<p className="muted">Loading the view…</p>}>
                <view.Component />
              </Suspense>
            </ErrorBoundary>
          </div>
        </>
      )}
    </main>
  );
}

/** The ids of the views that apply to a scenario, as one string (a stable selector value). */
function applicableViews(scenario: Scenario): string {
  return RESULT_VIEWS.filter((v) => v.applies(scenario))
    .map((v) => v.id)
    .join(' ');
}

const Tabs = memo(function Tabs({ views, active }: { views: readonly ResultView[]; active: ResultView }) {
  const setTab = useViewStore((s) => s.setTab);
  return (
    <div role="tablist" aria-label="Result views" className="tabs">
      {views.map((v) => (
        <button
          key={v.id}
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={active.id === v.id}
          aria-controls={active.id === v.id ? `panel-${v.id}` : undefined}
          tabIndex={active.id === v.id ? 0 : -1}
          onClick={() => setTab(v.id)}
          onKeyDown={(e) => {
            // The WAI-ARIA tabs pattern: arrows move round, Home and End go to the first and last tab.
            const at = views.indexOf(v);
            const to = new Map([['ArrowRight', (at + 1) % views.length], ['ArrowLeft', (at + views.length - 1) % views.length], ['Home', 0], ['End', views.length - 1]]).get(e.key);
            if (to !== undefined) {
              e.preventDefault();
              setTab(views[to].id);
              document.getElementById(`tab-${views[to].id}`)?.focus();
            }
          }}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
});

/** What the open view shows: a preview (and of what), or a full run older than the edits. */
function ShowingNote({ view }: { view: ResultView }) {
  const staleNote = useStaleReason() + RUN_TO_REFRESH;
  const preview = useRun(selectShownPreview);
  const previewLabel = useRun((s) => previewText(selectShown(s)));
  const stale = useRun(selectStale);
  const full = useRun(selectFull);
  const scenario = useRun(selectShownScenario);
  if (view.standalone && !view.previewCaveat) return null;
  if (view.fullRunOnly) {
    if (!full) return <div className="banner info">Judged on the full run only: press Run (Ctrl+Enter).</div>;
    if (stale) return <div className="banner stale" role="status">Full {staleNote}.</div>;
    return null;
  }
  if (!preview || !previewLabel) return null;
  const caveat = scenario && view.previewCaveat?.(scenario, preview.days);
  return (
    <>
      <div className="banner info" role="status">
        Showing the {previewLabel.replace('preview: ', 'preview: the ')} (the very rows Run produces){stale ? `; the full ${staleNote}` : full ? '' : '; Run for every day'}.
      </div>
      {caveat && <div className="banner stale">{caveat}</div>}
    </>
  );
}

function TablePicker() {
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const current = pickTable(tables, selected);
  return (
    <div className="table-picker" role="group" aria-label="Table">
      {tables.map((t) => (
        <button key={t.name} type="button" aria-pressed={t.name === current?.name} onClick={() => useViewStore.getState().selectTable(t.name)}>
          {humanize(t.name)} <span className="count">{formatCount(t.rowCount)}</span>
        </button>
      ))}
    </div>
  );
}

function EmptyState() {
  const previewing = useRun((s) => s.previewing);
  return (
    <div className="empty">
      <p className="empty-title">{previewing ? 'Generating the preview…' : 'No data yet.'}</p>
      <p className="muted">Every edit on the left previews itself here (the first days of the run); Run (Ctrl+Enter) generates every day.</p>
    </div>
  );
}
