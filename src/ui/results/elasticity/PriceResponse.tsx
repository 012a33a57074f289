import { useRef } from 'react';
import { ChartActions } from '../../charts/ChartActions';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type CohortPriceElasticity } from '../../../engine/client';
import { EVENT_COLORS } from '../../charts/colors';

const DISCOUNTS = Array.from({ length: 17 }, (_, i) => i * 5);

/** Demand multipliers (1 − discount)^ε from 0 to 80% off, per cohort: `<label> estimate` and `<label> truth`. */
export function priceCurveRows(report: readonly CohortPriceElasticity[]): Record<string, number>[] {
  return DISCOUNTS.map((d) => {
    const row: Record<string, number> = { d };
    for (const c of report) {
      row[`${c.label} estimate`] = (1 - d / 100) ** c.estimate;
      row[`${c.label} truth`] = (1 - d / 100) ** c.truth;
    }
    return row;
  });
}

/** The estimates beside the truth, per cohort (the Elasticity view and the Present slide). */
export function PriceElasticityTable({ report, className = 'stats compact' }: { report: readonly CohortPriceElasticity[]; className?: string }) {
  return (
    <table className={className} aria-label="Price elasticity estimates">
      <thead>
        <tr>
          <th>cohort</th>
          <th>truth ε</th>
          <th>estimate</th>
          <th>std. error</th>
          <th title="|ε̂ − ε| within ±0.15, or within three standard errors where that is wider (a small cohort)">recovered</th>
        </tr>
      </thead>
      <tbody>
        {report.map((c) => (
          <tr key={c.cohort}>
            <td>{c.label}</td>
            <td className="num">{c.truth.toFixed(2)}</td>
            <td className="num">{c.estimate.toFixed(3)}</td>
            <td className="num">{c.se.toFixed(3)}</td>
            <td className={c.pass ? 'ok nowrap' : 'bad nowrap'}>
              {c.pass ? 'pass' : 'fail'} <small className="muted">±{c.tolerance.toFixed(2)}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per cohort: demand multiplier (1 − discount)^ε against discount, estimate solid, truth dashed; and the numbers. */
export function PriceResponse({ report }: { report: CohortPriceElasticity[] }) {
  const box = useRef<HTMLElement>(null);
  const data = priceCurveRows(report);
  return (
    <figure ref={box} className="chart-card">
      <figcaption>Demand multiplier against discount, per cohort (estimated from a {report[0].discountPct}% discount): estimate solid, truth dashed<ChartActions target={box} name={'price-response'} />
      </figcaption>
      <div className="chart-pair">
        <div className="chart-small" role="img" aria-label={`Price response curves for ${report.length} cohorts`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
              <CartesianGrid stroke="#e6e9f0" />
              <XAxis dataKey="d" type="number" domain={[0, 80]} tickFormatter={(v: number) => `${v}%`} label={{ value: 'discount', position: 'insideBottom', offset: -8, fontSize: 11 }} />
              <YAxis width={56} scale="log" domain={[1, 'auto']} tickFormatter={(v: number) => `${v.toFixed(1)}×`} allowDataOverflow />
              <Tooltip formatter={(v) => `${Number(v).toFixed(2)}×`} labelFormatter={(v) => `${v}% off`} />
              <Legend itemSorter={null} verticalAlign="top" height={24} />
              {report.map((c, i) => (
                <Line key={`${c.cohort}-e`} dataKey={`${c.label} estimate`} name={c.label} stroke={EVENT_COLORS[i]} strokeWidth={2} dot={false} isAnimationActive={false} />
              ))}
              {report.map((c, i) => (
                <Line key={`${c.cohort}-t`} dataKey={`${c.label} truth`} stroke={EVENT_COLORS[i]} strokeDasharray="5 4" dot={false} legendType="none" isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <PriceElasticityTable report={report} />
      </div>
    </figure>
  );
}
