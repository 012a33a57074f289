import { useState } from 'react';
import { type TenantElasticity } from '../../../engine/client';
import { useRun } from '../../../state/engine';
import { selectReport, selectShownPreview, selectShownScenario } from '../../../state/runStore';

const selectElasticity = selectReport('elasticity');
const selectPriceElasticity = selectReport('priceElasticity');
const NONE: never[] = [];
import { PriceResponse } from './PriceResponse';
import { DotWhisker } from './DotWhisker';
import { ResidualScatter } from './ResidualScatter';
import { ResponseCurves } from './ResponseCurves';

/** Does the data give back the weather elasticities the generator was told? */
export function ElasticityView() {
  const report = useRun(selectElasticity) ?? NONE;
  const price = useRun(selectPriceElasticity) ?? NONE;
  const scenario = useRun(selectShownScenario);
  const preview = useRun(selectShownPreview);
  const discounted = scenario?.events.some((e) => e.discountPct > 0) ?? false;
  if (report.length === 0 && price.length === 0 && discounted) {
    return (
      <p className="muted">
        {preview
          ? `Price elasticities per cohort come from the orders inside the discount's window; the preview's first ${preview.days === 1 ? 'day does' : `${preview.days} days do`} not reach it. Run to estimate them over the whole calendar.`
          : 'Price elasticities per cohort come from the orders inside the discount’s window and outside every event; this run has too few of them to estimate from.'}
      </p>
    );
  }
  if (report.length === 0 && price.length === 0) {
    return (
      <p className="muted">
        Weather elasticities are estimated for scenarios with weather-sensitive tenants (the Weather tenants template); price elasticities per cohort for
        scenarios with a discount event (Flash sale, Seasonal planning). Open one and run it.
      </p>
    );
  }
  return (
    <div className="elasticity">
      {price.length > 0 && <PriceResponse report={price} />}
      {report.length > 0 && <WeatherElasticity report={report} />}
    </div>
  );
}

function WeatherElasticity({ report }: { report: TenantElasticity[] }) {
  const [tenant, setTenant] = useState(0);
  const t = report[Math.min(tenant, report.length - 1)];
  return (
    <>
      <p className="definition">
        Per tenant, ordinary least squares of <b>ln daily net revenue</b> on the standardised temperature and precipitation anomalies, with weekday and
        seasonal (two annual harmonics) controls. β is the relative change in expected revenue per standard deviation of anomaly.
      </p>
      <DotWhisker report={report} />
      <div className="chart-head">
        <label htmlFor="elasticity-tenant">Tenant</label>
        <select id="elasticity-tenant" value={tenant} onChange={(e) => setTenant(Number(e.target.value))}>
          {report.map((r, i) => (
            <option key={r.tenant} value={i}>
              {r.tenant} ({r.category})
            </option>
          ))}
        </select>
      </div>
      <div className="chart-pair">
        <ResidualScatter tenant={t} variable="temperature" />
        <ResidualScatter tenant={t} variable="precipitation" />
      </div>
      <div className="chart-pair">
        <ResponseCurves report={report} variable="temperature" />
        <ResponseCurves report={report} variable="precipitation" />
      </div>
    </>
  );
}
