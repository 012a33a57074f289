import { attributionReport } from '../../analysis/attribution';
import { type Check } from '../../analysis/targets';

const attributionAndVolumes: Check = (run) => {
  const j = run.scenario.jaffle;
  const report = attributionReport(run);
  if (!j || !report) return [];
  const rows = (name: string) => run.clean.find((t) => t.name === name)?.rowCount ?? run.tables.find((t) => t.name === name)?.rowCount ?? 0;
  const volume = (target: string, measured: number, expected: number) => ({ module: 'jaffle', target, expected, measured, tolerance: expected * 0.1, unit: 'count' as const });
  const noAnomalies = j.anomalies.every((a) => a.kind !== 'volume_spike' && a.kind !== 'volume_drop');
  return [
    { module: 'jaffle', target: 'first orders on the same day as their session', expected: j.sameDayPct, measured: report.sameDayPct, tolerance: 3, unit: '%' as const },
    volume('training customers per run', rows('raw_customers_training'), j.customersPerRun),
    volume('training orders per run', rows('raw_orders_training'), j.customersPerRun * j.ordersPerCustomer),
    volume('sessions per run', rows('stg_app_sessions') + rows('stg_website_sessions'), j.sessionsPerRun),
    ...(noAnomalies ? [volume('validation orders per run', rows('raw_orders_validation'), (j.customersPerRun * j.ordersPerCustomer * j.validationPct) / 100)] : []),
  ];
};

/** The jaffle module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const jaffleChecks: readonly Check[] = [attributionAndVolumes];
