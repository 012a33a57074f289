import { estimateElasticities } from '../../analysis/elasticity';
import { type Check } from '../../analysis/targets';

const weatherElasticities: Check = (run, table) =>
  estimateElasticities(run.scenario, table('shopify_orders'), table('weather_daily')).flatMap((t) =>
    t.estimates.map((e) => ({ module: 'tenants', target: `${t.tenant} ${e.variable} elasticity`, expected: e.truth, measured: e.estimate, tolerance: e.tolerance, unit: 'β' as const })),
  );

/** The tenants module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const tenantsChecks: readonly Check[] = [weatherElasticities];
