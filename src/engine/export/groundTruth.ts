import { nearestCorrelation } from '../random/copula';
import { lifecyclePopulation, RISK_WEIGHT } from '../modules/lifecycle/lifecyclePopulation';
import { CORRELATED_METRICS, type Scenario } from '../scenario/schema';

export interface FaultCount {
  table: string;
  kind: string;
  count: number;
}

/**
 * What the generator was told, exported beside the data so a downstream model or
 * data-quality tool can be scored against it.
 */
export function groundTruth(scenario: Scenario, faultCounts: FaultCount[] = []) {
  const l = scenario.lifecycle;
  return {
    weatherElasticities: scenario.tenants.map((t) => ({
      tenant_id: t.id,
      category: t.category,
      temp_elasticity: t.tempElasticity,
      precip_elasticity: t.precipElasticity,
      model: 'expected daily revenue = base × season × weekday × exp(temp_elasticity·z_T + precip_elasticity·z_P); z = anomaly standardised over the period',
    })),
    events: scenario.events,
    hourlyCorrelations: { metrics: CORRELATED_METRICS, target: nearestCorrelation(scenario.correlations.matrix), measuredOn: 'hourly count ÷ expected level' },
    service: scenario.service,
    lifecycle: l && {
      churnRateTargetPct: l.churnRatePct,
      hazardPerDayMediumRisk: lifecyclePopulation(scenario).hazard,
      riskWeights: RISK_WEIGHT,
      labelRule: `churned = no purchase in the last ${l.inactivityDays} days (from signup if none) and spend over the last 90 days below the segment's mean amount × (low 1, medium 1.5, high 2)`,
      segments: l.segments,
    },
    dataQuality: {
      faults: scenario.quality.faults,
      injected: faultCounts,
      listedIn: 'dq_faults (table_name, row_index in the exported file, row_key, column_name, fault_kind, original_value, corrupted_value)',
    },
  };
}

/** Fault counts of several parts summed per table and kind (a run in parts: --merge, a run written to disk). */
export function sumFaultCounts(counts: readonly FaultCount[]): FaultCount[] {
  const sum = new Map<string, FaultCount>();
  for (const f of counts) {
    const key = `${f.table}|${f.kind}`;
    sum.set(key, { ...f, count: (sum.get(key)?.count ?? 0) + f.count });
  }
  return [...sum.values()];
}
