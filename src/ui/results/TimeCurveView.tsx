import { formatCount } from '../labels';
import { useMemo, useRef, useState } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { eventWindows, isoTimestamp } from '../../engine/client';
import { useRun } from '../../state/engine';
import { selectShownScenario, selectShownTables } from '../../state/runStore';
import { ChartActions } from '../charts/ChartActions';
import { bucketHourly } from '../charts/hourlyBuckets';
import { EVENT_COLORS } from '../charts/colors';
import { countAxisWidth, timeTicks } from '../charts/timeTicks';

const METRICS = [
  { key: 'orders', label: 'Orders' },
  { key: 'support_tickets', label: 'Support tickets' },
  { key: 'delivery_delays', label: 'Delivery delays' },
  { key: 'cart_abandonments', label: 'Cart abandonments' },
] as const;
/** More points than this are summed into wider buckets, so the chart stays quick to draw. */
const MAX_POINTS = 720;

/** Expected against generated counts over time, with the event windows shaded. */
export function TimeCurveView() {
  const tables = useRun(selectShownTables);
  const scenario = useRun(selectShownScenario);
  const [metric, setMetric] = useState<(typeof METRICS)[number]['key']>('orders');
  const chart = useRef<HTMLDivElement>(null);
  const hourly = tables.find((t) => t.name === 'hourly_metrics');

  const { points, bucketHours } = useMemo(() => {
    if (!hourly) return { points: [], bucketHours: 1 };
    const size = Math.max(1, Math.ceil(hourly.rowCount / MAX_POINTS));
    return { points: bucketHourly(hourly, metric, size), bucketHours: size };
  }, [hourly, metric]);

  if (!hourly || !scenario) return <p className="muted">Run a scenario with the hourly_metrics table to see its time curve.</p>;
  const windows = eventWindows(scenario);
  const label = METRICS.find((m) => m.key === metric)!.label;
  const axis = timeTicks(points[0]?.t ?? 0, points[points.length - 1]?.t ?? 0);
  return (
    <div className="time-curve">
      <div className="chart-head">
        <label htmlFor="curve-metric">Metric</label>
        <select id="curve-metric" value={metric} onChange={(e) => setMetric(e.target.value as typeof metric)}>
            {METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
        </select>
        <span className="muted small">
          {label} per {bucketHours === 1 ? 'hour' : `${bucketHours} hours`}: expected (dashed) against generated; shaded bands are events.
        </span>
        <ChartActions target={chart} name={`${scenario.name}-time-curve-${metric}`} />
      </div>
      <div className="chart-box" ref={chart} role="img" aria-label={`${label} per hour, expected and generated, with ${windows.length} event window(s)`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} ticks={axis.ticks} tickFormatter={axis.format} label={{ value: 'time (UTC)', position: 'insideBottomRight', offset: -4, fontSize: 11 }} />
            <YAxis width={countAxisWidth(Math.max(0, ...points.map((p) => Math.max(p.generated, p.expected))))} tickFormatter={formatCount} label={{ value: `${label} per ${bucketHours === 1 ? 'hour' : `${bucketHours} h`}`, angle: -90, position: 'insideLeft', fontSize: 11 }} />
            <Tooltip labelFormatter={(v) => isoTimestamp(Number(v)).slice(0, 16)} />
            <Legend itemSorter={null} />
            {windows.map((w, i) => (
              <ReferenceArea
                key={w.index}
                x1={Math.max(w.startMs, points[0]?.t ?? w.startMs)}
                x2={Math.min(w.endMs, points[points.length - 1]?.t ?? w.endMs)}
                fill={EVENT_COLORS[i % EVENT_COLORS.length]}
                fillOpacity={0.12}
                label={{ value: w.event.label, position: 'insideTop', fontSize: 12 }}
              />
            ))}
            {/* Generated first, the plan dashed on top: where they agree, the plan still shows. */}
            <Line type="monotone" dataKey="generated" name="Generated" stroke="#4f46e5" dot={false} strokeWidth={1.5} isAnimationActive={false} />
            <Line type="monotone" dataKey="expected" name="Expected (the plan)" stroke="#1f2937" strokeDasharray="5 4" dot={false} strokeWidth={1.5} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
