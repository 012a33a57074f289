import { useState } from 'react';
import { selectElasticity, useRunStore } from '../../../state/runStore';
import { DotWhisker } from './DotWhisker';
import { ResidualScatter } from './ResidualScatter';
import { ResponseCurves } from './ResponseCurves';

/** Does the data give back the weather elasticities the generator was told? */
export function ElasticityView() {
  const report = useRunStore(selectElasticity);
  const [tenant, setTenant] = useState(0);
  if (report.length === 0) {
    return <p className="muted">Elasticities are estimated for scenarios with weather-sensitive tenants: open the Weather tenants template and run it.</p>;
  }
  const t = report[Math.min(tenant, report.length - 1)];
  return (
    <div className="elasticity">
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
    </div>
  );
}
