import { useState } from 'react';
import {
  selectError,
  selectPreview,
  selectRunIssues,
  selectSelectedTable,
  selectStatus,
  selectSummaries,
  selectTables,
  useRunStore,
} from '../../state/runStore';
import { jaffleFaults } from '../../engine/modules/jaffle';
import type { Scenario } from '../../engine/scenario/schema';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { FieldError } from '../editor/FieldError';
import { ExportBar } from '../export/ExportBar';
import { formatCount, humanize } from '../labels';
import { CompareView } from './CompareView';
import { ConformanceView } from './ConformanceView';
import { DataGrid } from './DataGrid';
import { DistributionsView } from './DistributionsView';
import { SummaryView } from './SummaryView';
import { TimeCurveView } from './TimeCurveView';
import { CorrelationView } from './CorrelationView';
import { ElasticityView } from './elasticity/ElasticityView';
import { AttributionView } from './AttributionView';
import { InventoryView } from './InventoryView';
import { LifecycleView } from './LifecycleView';
import { QualityView } from './QualityView';

const VIEWS = ['Tables', 'Summary', 'Distributions', 'Time curve', 'Correlations', 'Elasticity', 'Inventory', 'Lifecycle', 'Attribution', 'Quality', 'Compare', 'Conformance'] as const;
type View = (typeof VIEWS)[number];

/** Views that apply to some scenarios only; the others always show. */
const APPLIES: Partial<Record<View, (s: Scenario) => boolean>> = {
  'Time curve': (s) => s.tables.includes('hourly_metrics'),
  Correlations: (s) => s.tables.includes('hourly_metrics'),
  Elasticity: (s) => s.tenants.length > 0 || s.events.some((e) => e.discountPct > 0),
  Inventory: (s) => s.inventory !== null,
  Lifecycle: (s) => s.lifecycle !== null,
  Attribution: (s) => s.jaffle !== null,
  Quality: (s) => s.quality.faults.length > 0 || jaffleFaults(s).length > 0,
};

/** The centre: result views as tabs, with the table picker and export above them. */
export function ResultsPanel() {
  const scenario = useScenarioStore(selectScenario);
  // Tabs follow the scenario being designed: add tenants and Elasticity appears.
  const views = VIEWS.filter((v) => APPLIES[v]?.(scenario) ?? true);
  const [chosen, setView] = useState<View>('Tables');
  const view = views.includes(chosen) ? chosen : 'Tables';
  const tables = useRunStore(selectTables);
  const summaries = useRunStore(selectSummaries);
  const selected = useRunStore(selectSelectedTable);
  const status = useRunStore(selectStatus);
  const preview = useRunStore(selectPreview);
  const error = useRunStore(selectError);
  const runIssues = useRunStore(selectRunIssues);
  const table = tables.find((t) => t.name === selected) ?? tables[0];

  return (
    <main className="results">
      <div className="results-head">
        <div role="tablist" aria-label="Result views" className="tabs">
          {views.map((v) => (
            <button
              key={v}
              role="tab"
              id={`tab-${v}`}
              aria-selected={view === v}
              aria-controls={`panel-${v}`}
              tabIndex={view === v ? 0 : -1}
              onClick={() => setView(v)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = views[(views.indexOf(v) + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length];
                  setView(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {v}
            </button>
          ))}
        </div>
        <ExportBar />
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
          <FieldError id="run-issues" issues={runIssues} />
        </div>
      )}
      {preview && <div className="banner info">Preview from the first day(s) of the scenario; the full run is on its way.</div>}
      {tables.length === 0 && (view === 'Correlations' || view === 'Compare') ? (
        <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="tabpanel">
          {view === 'Correlations' ? <CorrelationView /> : <CompareView />}
        </div>
      ) : tables.length === 0 ? (
        <EmptyState status={status} />
      ) : (
        <>
          {(view === 'Tables' || view === 'Summary') && (
          <div className="table-picker" role="group" aria-label="Table">
            {tables.map((t) => (
              <button key={t.name} type="button" aria-pressed={t.name === table?.name} onClick={() => useRunStore.getState().selectTable(t.name)}>
                {humanize(t.name)} <span className="count">{formatCount(t.rowCount)}</span>
              </button>
            ))}
          </div>
          )}
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="tabpanel">
            {view === 'Tables' && table && <DataGrid key={table.name} table={table} />}
            {view === 'Summary' && <SummaryView summaries={summaries.filter((x) => x.name === table?.name)} />}
            {view === 'Distributions' && <DistributionsView />}
            {view === 'Time curve' && <TimeCurveView />}
            {view === 'Correlations' && <CorrelationView />}
            {view === 'Elasticity' && <ElasticityView />}
            {view === 'Inventory' && <InventoryView />}
            {view === 'Lifecycle' && <LifecycleView />}
            {view === 'Attribution' && <AttributionView />}
            {view === 'Quality' && <QualityView />}
            {view === 'Compare' && <CompareView />}
            {view === 'Conformance' && <ConformanceView />}
          </div>
        </>
      )}
    </main>
  );
}

function EmptyState({ status }: { status: string }) {
  return (
    <div className="empty">
      {status === 'running' ? (
        <p>Generating…</p>
      ) : (
        <>
          <p className="empty-title">{status === 'cancelled' ? 'Run cancelled.' : 'No data yet.'}</p>
          <p className="muted">Edit the scenario on the left, then press Run (Ctrl+Enter). A preview appears at once; the full result follows.</p>
        </>
      )}
    </div>
  );
}
