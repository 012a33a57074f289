import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isoDay } from '../../engine/client';
import { useRun } from '../../state/engine';
import { selectReport, selectShownScenario } from '../../state/runStore';

const selectAttribution = selectReport('attribution');
import { ChartActions } from '../charts/ChartActions';
import { formatCount, humanize } from '../labels';

/** Conversions by platform and session kind, session-to-order hours, daily growth, training against validation. */
export function AttributionView() {
  const report = useRun(selectAttribution);
  const scenario = useRun(selectShownScenario);
  const growth = useRef<HTMLDivElement>(null);
  if (!report || !scenario?.jaffle) return <p className="muted">Run the Jaffle shop online template to see sessions, ads and attribution.</p>;
  const anomalies = scenario.jaffle.anomalies;
  const shifted = new Set(anomalies.filter((a) => a.kind === 'payment_shift').map((a) => a.method));
  return (
    <div className="attribution">
      <p className={`definition ${Math.abs(report.sameDayPct - scenario.jaffle.sameDayPct) <= 3 ? 'all-pass' : ''}`} role="status">
        <b>{report.sameDayPct.toFixed(1)}%</b> of first orders came the same day as their attribution session (target {scenario.jaffle.sameDayPct}% ± 3); every session falls 1-24 hours before its order. Attribution window: {scenario.jaffle.attributionWindowDays} day{scenario.jaffle.attributionWindowDays > 1 ? 's' : ''}.
      </p>
      <div className="chart-pair">
        <figure className="chart-card">
          <figcaption>Conversions by platform and channel</figcaption>
          <div className="chart-small" role="img" aria-label="Attributed first orders by platform, app and website">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={report.conversions} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid stroke="#e6e9f0" />
                <XAxis dataKey="platform" tickFormatter={humanize} />
                <YAxis width={48} />
                <Tooltip />
                <Legend itemSorter={null} />
                <Bar dataKey="website" name="website sessions" stackId="k" fill="#542788" isAnimationActive={false} />
                <Bar dataKey="app" name="app sessions" stackId="k" fill="#b35806" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure className="chart-card">
          <figcaption>Hours from session to first order</figcaption>
          <div className="chart-small" role="img" aria-label="Histogram of hours between attribution session and first order">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={report.lagHours} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid stroke="#e6e9f0" />
                <XAxis dataKey="hours" />
                <YAxis width={48} />
                <Tooltip labelFormatter={(h) => `${h} h`} />
                <Bar dataKey="orders" fill="#0b6fa4" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </div>
      <div className="chart-head">
        <span className="muted small">Orders per day: training, and validation scaled ×{report.validationScale.toFixed(0)} to the same size; red lines mark the validation anomalies.</span>
        <ChartActions target={growth} name={`${scenario.name}-training-validation`} />
      </div>
      <div className="chart-box short" ref={growth} role="img" aria-label={`Orders per day, training against validation, ${report.daily.filter((d) => d.anomaly).length} anomaly day(s)`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={report.daily} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="date" tickFormatter={(d: number) => isoDay(d).slice(5)} minTickGap={30} />
            <YAxis width={52} />
            <Tooltip labelFormatter={(d) => isoDay(Number(d))} formatter={(v) => formatCount(Math.round(Number(v)))} />
            <Legend itemSorter={null} verticalAlign="top" />
            {report.daily
              .filter((d) => d.anomaly)
              .map((d) => (
                <ReferenceLine key={d.date} x={d.date} stroke="#c62828" strokeDasharray="4 3" label={{ value: d.anomaly, fill: '#c62828', fontSize: 11, position: 'top' }} />
              ))}
            <Line dataKey="training" stroke="#542788" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="validation" name="validation (scaled)" stroke="#b35806" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="stats compact" aria-label="Payment mix, training against validation">
        <thead>
          <tr>
            <th>payment method</th>
            <th>training</th>
            <th>validation</th>
            <th>difference</th>
          </tr>
        </thead>
        <tbody>
          {report.payments.map((p) => (
            <tr key={p.method} className={shifted.has(p.method) ? 'injected' : ''}>
              <td>
                {humanize(p.method)}
                {shifted.has(p.method) ? ' (shifted)' : ''}
              </td>
              <td className="num">{p.trainingPct.toFixed(1)}%</td>
              <td className="num">{p.validationPct.toFixed(1)}%</td>
              <td className="num">{(p.validationPct - p.trainingPct).toFixed(1)} pts</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
