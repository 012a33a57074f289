import { useRef } from 'react';
import { ChartActions } from '../../charts/ChartActions';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type TenantElasticity } from '../../../engine/client';
import { EVENT_COLORS } from '../../charts/colors';

const Z = Array.from({ length: 13 }, (_, i) => -3 + i * 0.5);

/** Expected revenue multiplier exp(β·z) against the anomaly, per tenant: estimate solid, truth dashed. */
export function ResponseCurves({ report, variable }: { report: TenantElasticity[]; variable: 'temperature' | 'precipitation' }) {
  const box = useRef<HTMLElement>(null);
  const data = Z.map((z) => {
    const row: Record<string, number> = { z };
    for (const t of report) {
      const e = t.estimates.find((x) => x.variable === variable)!;
      row[`${t.tenant} estimate`] = Math.exp(e.estimate * z);
      row[`${t.tenant} truth`] = Math.exp(e.truth * z);
    }
    return row;
  });
  return (
    <figure ref={box} className="chart-card half">
      <figcaption>Revenue multiplier against {variable} anomaly (sd): estimate solid, truth dashed<ChartActions target={box} name={`response-${variable}`} />
      </figcaption>
      <div className="chart-small" role="img" aria-label={`Response curves for ${variable}`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="z" type="number" domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} />
            <YAxis width={56} tickFormatter={(v: number) => `${v.toFixed(2)}×`} domain={['auto', 'auto']} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(3)}×`} />
            <Legend itemSorter={null} verticalAlign="top" height={40} />
            {report.map((t, i) => (
              <Line key={`${t.tenant}-e`} dataKey={`${t.tenant} estimate`} stroke={EVENT_COLORS[i]} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
            {report.map((t, i) => (
              <Line key={`${t.tenant}-t`} dataKey={`${t.tenant} truth`} stroke={EVENT_COLORS[i]} strokeDasharray="5 4" dot={false} legendType="none" isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
