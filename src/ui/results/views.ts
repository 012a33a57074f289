import { lazy, type ComponentType } from 'react';
import { jaffleFaults, type Scenario } from '../../engine/client';
import { TableSummaryView, TablesView } from './TablesView';

// Chart views load on first open: the charting library stays out of the page's first chunk.
const AttributionView = lazy(() => import('./AttributionView').then((m) => ({ default: m.AttributionView })));
const CompareView = lazy(() => import('./CompareView').then((m) => ({ default: m.CompareView })));
const ConformanceView = lazy(() => import('./ConformanceView').then((m) => ({ default: m.ConformanceView })));
const CorrelationView = lazy(() => import('./CorrelationView').then((m) => ({ default: m.CorrelationView })));
const DistributionsView = lazy(() => import('./DistributionsView').then((m) => ({ default: m.DistributionsView })));
const ElasticityView = lazy(() => import('./elasticity/ElasticityView').then((m) => ({ default: m.ElasticityView })));
const InventoryView = lazy(() => import('./InventoryView').then((m) => ({ default: m.InventoryView })));
const LifecycleView = lazy(() => import('./LifecycleView').then((m) => ({ default: m.LifecycleView })));
const QualityView = lazy(() => import('./QualityView').then((m) => ({ default: m.QualityView })));
const SchemaView = lazy(() => import('./SchemaView').then((m) => ({ default: m.SchemaView })));
const TimeCurveView = lazy(() => import('./TimeCurveView').then((m) => ({ default: m.TimeCurveView })));

/**
 * A result view is a record: adding a tab is one record here and its component. `applies`
 * makes tabs follow the scenario being designed (add tenants and Elasticity appears).
 */
export interface ResultView {
  id: string;
  label: string;
  applies(scenario: Scenario): boolean;
  Component: ComponentType;
  /** Shows the table picker above it. */
  picksTable?: boolean;
  /** Works without any result (it runs or edits by itself). */
  standalone?: boolean;
  /** Judges the full run only: marked stale when the run is older than the edits. */
  fullRunOnly?: boolean;
  /** What a preview of `days` days cannot show in this view (said instead of a misleading figure). */
  previewCaveat?: (scenario: Scenario, days: number) => string | null;
}

const always = () => true;
const hasHourly = (s: Scenario) => s.tables.includes('hourly_metrics');

export const RESULT_VIEWS: readonly ResultView[] = [
  { id: 'tables', label: 'Tables', applies: always, Component: TablesView, picksTable: true },
  { id: 'summary', label: 'Summary', applies: always, Component: TableSummaryView, picksTable: true },
  { id: 'schema', label: 'Columns', applies: always, Component: SchemaView },
  { id: 'distributions', label: 'Distributions', applies: always, Component: DistributionsView },
  { id: 'time-curve', label: 'Time curve', applies: hasHourly, Component: TimeCurveView },
  {
    id: 'correlations',
    label: 'Correlations',
    applies: hasHourly,
    Component: CorrelationView,
    standalone: true,
    previewCaveat: (_, days) => `A correlation over the preview's ${days * 24} hours is too noisy to judge against the targets; Run to judge it over every hour.`,
  },
  {
    id: 'elasticity',
    label: 'Elasticity',
    applies: (s) => s.tenants.length > 0 || s.events.some((e) => e.discountPct > 0),
    Component: ElasticityView,
    previewCaveat: (_, days) => `Elasticities estimated from ${days} day${days > 1 ? 's' : ''} have wide intervals (and a discount outside those days is not in them); Run to estimate them over the whole calendar.`,
  },
  {
    id: 'inventory',
    label: 'Inventory',
    applies: (s) => s.inventory !== null,
    Component: InventoryView,
    previewCaveat: (s) => `Stockouts build up between deliveries every ${s.inventory?.replenishEveryDays ?? 7} days: the preview's first days say little about the rate; Run to judge it against its band.`,
  },
  {
    id: 'lifecycle',
    label: 'Lifecycle',
    applies: (s) => s.lifecycle !== null,
    Component: LifecycleView,
    previewCaveat: (s, days) => (days < (s.lifecycle?.inactivityDays ?? 60) ? `No one can be labelled churned before day ${s.lifecycle?.inactivityDays ?? 60} (${s.lifecycle?.inactivityDays ?? 60} days without a purchase): the preview covers ${days}; Run to see churn against its target.` : null),
  },
  { id: 'attribution', label: 'Attribution', applies: (s) => s.jaffle !== null, Component: AttributionView },
  { id: 'quality', label: 'Quality', applies: (s) => s.quality.faults.length > 0 || jaffleFaults(s).length > 0, Component: QualityView },
  { id: 'compare', label: 'Compare', applies: always, Component: CompareView, standalone: true },
  { id: 'conformance', label: 'Conformance', applies: always, Component: ConformanceView, fullRunOnly: true },
];
