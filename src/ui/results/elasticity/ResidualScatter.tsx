import { useRef } from 'react';
import { ChartActions } from '../../charts/ChartActions';
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { type TenantElasticity } from '../../../engine/client';

/**
 * Daily ln-revenue with every other effect removed (partial residual), against one
 * standardised weather anomaly, with the fitted and the true lines.
 */
export function ResidualScatter({ tenant, variable }: { tenant: TenantElasticity; variable: 'temperature' | 'precipitation' }) {
  const box = useRef<HTMLElement>(null);
  const e = tenant.estimates.find((x) => x.variable === variable)!;
  const pts = tenant.points.map((p) => (variable === 'temperature' ? { z: p.zTemp, r: p.residTemp } : { z: p.zPrecip, r: p.residPrecip }));
  const mean = pts.reduce((a, p) => a + p.r, 0) / Math.max(1, pts.length);
  const data = pts.map((p) => ({ z: p.z, r: p.r - mean }));
  const zs = data.map((p) => p.z);
  const [z0, z1] = [Math.min(...zs), Math.max(...zs)];
  const lines = [z0, z1].map((z) => ({ z, fitted: e.estimate * z, truth: e.truth * z }));
  return (
    <figure ref={box} className="chart-card half">
      <figcaption>
        {variable === 'temperature' ? 'Temperature' : 'Precipitation'}: ln-revenue residual against standardised anomaly
      <ChartActions target={box} name={`${tenant.tenant}-${variable}-residuals`} />
      </figcaption>
      <div className="chart-small" role="img" aria-label={`${tenant.tenant} ${variable}: fitted slope ${e.estimate.toFixed(3)}, true slope ${e.truth}`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="z" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: 'anomaly (sd)', position: 'insideBottom', offset: -8, fontSize: 11 }} />
            <YAxis dataKey="r" type="number" width={48} tickFormatter={(v: number) => v.toFixed(2)} />
            <Tooltip formatter={(v) => Number(v).toFixed(3)} />
            <Legend itemSorter={null} verticalAlign="top" height={24} />
            <Scatter name="days" data={data} fill="#7c8db5" fillOpacity={0.45} isAnimationActive={false} />
            <Line data={lines} dataKey="fitted" name={`fitted ${e.estimate.toFixed(3)}`} stroke="#4f46e5" strokeWidth={2.5} dot={false} isAnimationActive={false} />
            <Line data={lines} dataKey="truth" name={`truth ${e.truth}`} stroke="#b35806" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
