import { useRef } from 'react';
import type { LifecycleReport } from '../../engine/client';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRun } from '../../state/engine';
import { selectReport, selectShownScenario } from '../../state/runStore';
import { ChartActions } from '../charts/ChartActions';
import { EVENT_COLORS } from '../charts/colors';
import { formatCount, humanize } from '../labels';

const selectLifecycle = selectReport('lifecycle');

/**
 * The survival curves as chart rows, one per point the report has (short calendars have one
 * each half month), and whole-month ticks (the view and the slide).
 */
export function survivalRows(report: LifecycleReport): { data: Record<string, number | null>[]; wholeMonths: number[] } {
  const at = [...new Set(report.curves.flatMap((c) => c.points.map((p) => p.month)))].sort((a, b) => a - b);
  const data = at.map((m) => Object.fromEntries([['month', m], ...report.curves.map((c) => [c.segment, c.points.find((p) => p.month === m)?.sharePct ?? null])]));
  return { data, wholeMonths: Array.from({ length: Math.floor(at.at(-1) ?? 0) + 1 }, (_, m) => m) };
}

/** Churn against its target, and how long each segment keeps buying. */
export function LifecycleView() {
  const report = useRun(selectLifecycle);
  const scenario = useRun(selectShownScenario);
  const chart = useRef<HTMLDivElement>(null);
  if (scenario?.lifecycle && !report) return <p className="muted">Churn and survival are read from the churn labels (customer_labels) as of the last day: press Run (Ctrl+Enter) to generate every day.</p>;
  if (!report || !scenario?.lifecycle) return <p className="muted">Run a scenario with a customer lifecycle (the Churn feature store template, or add one in the editor) to see churn and survival by segment.</p>;
  const within = Math.abs(report.churnMeasuredPct - report.churnTargetPct) <= 2;
  const { data, wholeMonths } = survivalRows(report);
  return (
    <div className="lifecycle">
      <p className={`definition ${within ? 'all-pass' : ''}`} role="status">
        Churn at the label date: <b>{report.churnMeasuredPct.toFixed(1)}%</b> of {formatCount(report.labelled)} customers, target {report.churnTargetPct}% ± 2 points
        {within ? ' — on target.' : ' — off target.'} A customer is labelled churned after {scenario.lifecycle.inactivityDays} days without a purchase and low spend over the last 90 days.
      </p>
      <div className="chart-head">
        <span className="muted small">Share of each segment still buying, by months since signup (since the first day, for customers who signed up before it).</span>
        <ChartActions target={chart} name={`${scenario.name}-survival`} />
      </div>
      <div className="chart-box" ref={chart} role="img" aria-label={`Share still buying by months since signup, for ${report.curves.length} segments`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 12, right: 24, bottom: 18, left: 8 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="month" type="number" domain={[0, 'dataMax']} ticks={wholeMonths} label={{ value: 'months since signup', position: 'insideBottom', offset: -8 }} />
            <YAxis domain={[0, 100]} unit="%" width={52} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} labelFormatter={(m) => `month ${m}`} />
            <Legend itemSorter={null} verticalAlign="top" />
            {report.curves.map((c, i) => (
              <Line key={c.segment} dataKey={c.segment} name={humanize(c.segment)} stroke={EVENT_COLORS[i % EVENT_COLORS.length]} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
