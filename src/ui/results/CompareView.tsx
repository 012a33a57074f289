import { useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ComparisonOutcome, type Kpi, isoTimestamp } from '../../engine/client';
import { engineQueries } from '../../state/engine';
import { selectSavedItems, useSavedStore } from '../../state/savedStore';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { ChartActions } from '../charts/ChartActions';
import { EVENT_COLORS } from '../charts/colors';
import { countAxisWidth, timeTicks } from '../charts/timeTicks';
import { FieldError } from '../editor/FieldError';
import { formatCount, formatKpi, kpiChangeText } from '../labels';

const NO_EVENTS = '__no_events__';

const show = (v: number, unit: Kpi['unit']) => formatKpi(v, unit, 2);

function delta(k: Kpi): { text: string; pct: string; sign: number } {
  const d = k.value - k.baseline;
  const sign = Math.abs(d) < 1e-12 ? 0 : Math.sign(d);
  const { text, pct } = kpiChangeText(d, k.baseline, k.unit, 2);
  return { text, pct: pct ?? '—', sign };
}

/** This scenario against a baseline with common random numbers: what the scenario changes, and nothing else. */
export function CompareView() {
  const scenario = useScenarioStore(selectScenario);
  const saved = useSavedStore(selectSavedItems);
  const [baselineId, setBaselineId] = useState(NO_EVENTS);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ComparisonOutcome | null>(null);
  const chart = useRef<HTMLDivElement>(null);

  const run = async () => {
    const baseline = baselineId === NO_EVENTS ? { ...scenario, events: [] } : saved.find((s) => s.id === baselineId)?.scenario;
    if (!baseline) return;
    setOutcome(null);
    setBusy(true);
    try {
      setOutcome(await engineQueries.compare(scenario, baseline));
    } catch (e) {
      setOutcome({ ok: false, issues: [{ code: 'E109', field: '', message: (e as Error).message }] });
    } finally {
      setBusy(false);
    }
  };

  // Without events there is nothing to take out: the comparison would be the run against itself.
  const nothingToTakeOut = baselineId === NO_EVENTS && scenario.events.length === 0;
  const series = outcome?.ok ? outcome.series : [];
  const axis = timeTicks(series[0]?.t ?? 0, series.at(-1)?.t ?? 0);
  return (
    <div className="compare">
      <div className="chart-head wrap">
        <span className="select-field">
          <label htmlFor="compare-baseline">Baseline</label>
          <select id="compare-baseline" value={baselineId} onChange={(e) => setBaselineId(e.target.value)}>
            <option value={NO_EVENTS}>This scenario without its events</option>
            {saved.map((s) => (
              <option key={s.id} value={s.id}>
                Saved: {s.name}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="primary" disabled={busy || nothingToTakeOut} onClick={() => void run()}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
        <span className="muted small">Same seed, same random streams: every difference comes from the scenario, not from noise.</span>
      </div>
      {nothingToTakeOut && <p className="muted">This scenario has no events, so without them it is the same run. Add an event in the editor, or compare with a saved scenario.</p>}
      {outcome && !outcome.ok && (
        <div className="banner error" role="alert">
          The comparison could not run.
          <FieldError id="compare-err" issues={outcome.issues} inAlert />
        </div>
      )}
      {outcome?.ok && outcome.kpis.length === 0 && outcome.series.length === 0 && (
        <p className="muted">This template has no shop orders: no headline figures (orders, revenue, …) and no hourly curve to compare. Compare its tables in the Tables and Summary views.</p>
      )}
      {outcome?.ok && (outcome.kpis.length > 0 || outcome.series.length > 0) && (
        <>
          <div className="kpi-grid" role="list" aria-label="KPI deltas">
            {outcome.kpis.map((k) => {
              const d = delta(k);
              return (
                <div key={k.key} className="kpi-card" role="listitem" aria-label={`${k.label}: ${show(k.value, k.unit)}, ${d.text}`}>
                  <div className="kpi-label">{k.label}</div>
                  <div className="kpi-value">{show(k.value, k.unit)}</div>
                  <div className={`kpi-delta ${d.sign > 0 ? 'up' : d.sign < 0 ? 'down' : ''}`}>
                    {d.text} ({d.pct})
                  </div>
                  <div className="kpi-base muted small">baseline {show(k.baseline, k.unit)}</div>
                </div>
              );
            })}
          </div>
          {outcome.series.length > 0 && <ChartActions target={chart} name={`${scenario.name}-compare`} />}
          {outcome.series.length > 0 && (
            <div className="chart-box" ref={chart} role="img" aria-label="Orders per hour, scenario against baseline">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={outcome.series} margin={{ top: 12, right: 20, bottom: 8, left: 8 }}>
                  <CartesianGrid stroke="#e6e9f0" />
                  <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} ticks={axis.ticks} tickFormatter={axis.format} />
                  <YAxis width={countAxisWidth(Math.max(0, ...outcome.series.map((p) => Math.max(p.scenario, p.baseline))))} tickFormatter={formatCount} label={{ value: 'orders per hour', angle: -90, position: 'insideLeft', fill: '#64708a', fontSize: 12, style: { textAnchor: 'middle' } }} />
                  <Tooltip labelFormatter={(v) => isoTimestamp(Number(v)).slice(0, 16)} />
                  <Legend itemSorter={null} verticalAlign="top" height={26} />
                  {outcome.windows.map((w, i) => (
                    <ReferenceArea key={i} x1={w.startMs} x2={w.endMs} fill={EVENT_COLORS[i % EVENT_COLORS.length]} fillOpacity={0.12} label={{ value: w.label, position: 'insideTop', fontSize: 12 }} />
                  ))}
                  <Line dataKey="baseline" name="Baseline" stroke="#9aa3b8" dot={false} isAnimationActive={false} />
                  <Line dataKey="scenario" name="Scenario" stroke="#4f46e5" dot={false} strokeWidth={1.5} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          )}
          <table className="stats compact" aria-label="Metric deltas">
            <thead>
              <tr>
                <th>metric</th>
                <th>scenario</th>
                <th>baseline</th>
                <th>difference</th>
                <th>change</th>
              </tr>
            </thead>
            <tbody>
              {outcome.kpis.map((k) => {
                const d = delta(k);
                return (
                  <tr key={k.key}>
                    <td>{k.label}</td>
                    <td className="num">{show(k.value, k.unit)}</td>
                    <td className="num">{show(k.baseline, k.unit)}</td>
                    <td className="num">{d.text}</td>
                    <td className="num">{d.pct}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
