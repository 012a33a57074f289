import { nearestCorrelation } from '../random/copula';
import { CORRELATED_METRICS, type Scenario } from '../scenario/schema';

/**
 * What the generator was told, exported beside the data so a downstream model or
 * data-quality tool can be scored against it.
 */
export function groundTruth(scenario: Scenario) {
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
  };
}
