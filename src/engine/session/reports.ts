import { attributionReport } from '../analysis/attribution';
import { headline } from '../analysis/compare';
import { conformanceReport } from '../analysis/conformance';
import { correlationReport } from '../analysis/correlation';
import { estimateElasticities } from '../analysis/elasticity';
import { inventoryReport } from '../analysis/inventory';
import { lifecycleReport } from '../analysis/lifecycle';
import { estimatePriceElasticities } from '../analysis/priceElasticity';
import { qualityReport } from '../analysis/quality';
import type { GeneratedRun } from '../generate';
import type { Scenario } from '../scenario/schema';

/**
 * A report is a record: what it is called, whether the scenario has it, and how it is
 * read from a run. The result carries `reports[id]`; the page reads one through
 * `selectReport(id)`. Adding a report is one record here and its file in analysis/.
 */
interface ReportRecord<Id extends string, T> {
  id: Id;
  applies(scenario: Scenario): boolean;
  /** Judged on whole runs only: a preview of the first days is too small (null in a preview). */
  fullRunOnly?: boolean;
  compute(run: GeneratedRun): T;
}

const report = <Id extends string, T>(r: ReportRecord<Id, T>) => r;
const tableOf = (run: GeneratedRun, name: string) => run.tables.find((t) => t.name === name);
const always = () => true;

export const REPORTS = [
  report({ id: 'headline', applies: always, compute: (run) => [...headline(run).entries()].map(([key, v]) => ({ key, ...v })) }),
  report({ id: 'correlation', applies: (s) => s.tables.includes('hourly_metrics'), compute: (run) => correlationReport(run.scenario, tableOf(run, 'hourly_metrics')) }),
  report({ id: 'elasticity', applies: (s) => s.tenants.length > 0, compute: (run) => estimateElasticities(run.scenario, tableOf(run, 'shopify_orders'), tableOf(run, 'weather_daily')) }),
  report({
    id: 'priceElasticity',
    applies: (s) => s.events.some((e) => e.discountPct > 0),
    compute: (run) => estimatePriceElasticities(run.scenario, tableOf(run, 'orders'), tableOf(run, 'customers')),
  }),
  report({ id: 'conformance', applies: always, fullRunOnly: true, compute: conformanceReport }),
  report({ id: 'quality', applies: always, compute: qualityReport }),
  report({ id: 'lifecycle', applies: (s) => s.lifecycle !== null, compute: lifecycleReport }),
  report({ id: 'inventory', applies: (s) => s.inventory !== null, compute: inventoryReport }),
  report({ id: 'attribution', applies: (s) => s.jaffle !== null, compute: attributionReport }),
] as const;

type AnyReport = (typeof REPORTS)[number];
export type ReportId = AnyReport['id'];
/** Every report of a run by id; null where the scenario has none or a preview cannot judge it. */
export type Reports = { [R in AnyReport as R['id']]: ReturnType<R['compute']> | null };

export function computeReports(run: GeneratedRun, preview: boolean): Reports {
  const out: Record<string, unknown> = {};
  for (const r of REPORTS) out[r.id] = r.applies(run.scenario) && !(preview && 'fullRunOnly' in r && r.fullRunOnly) ? r.compute(run) : null;
  return out as Reports;
}
