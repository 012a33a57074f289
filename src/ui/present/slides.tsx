import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, XAxis, YAxis } from 'recharts';
import { eventWindows, type Scenario, TEMPLATES, isoTimestamp } from '../../engine/client';
import type { ShownResult } from '../../state/runStore';
import { EVENT_COLORS } from '../charts/colors';
import { bucketHourly } from '../charts/hourlyBuckets';
import { Heatmap } from '../charts/Heatmap';
import { METRIC_LABELS, humanize } from '../labels';
import { DotWhisker } from '../results/elasticity/DotWhisker';

export interface Slide {
  title: string;
  body: ReactNode;
}

const money = (v: number) => v.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
function showKpi(v: number, unit: 'count' | 'money' | 'share') {
  return unit === 'money' ? money(v) : unit === 'share' ? `${(v * 100).toFixed(1)}%` : Math.round(v).toLocaleString('en-US');
}

/** The story of a finished run, one step per slide, built from what the run store holds. */
export function buildSlides(result: ShownResult, scenario: Scenario): Slide[] {
  const r = result.reports;
  const run = { tables: result.tables, headline: r.headline ?? [], correlation: r.correlation, elasticity: r.elasticity ?? [], conformance: r.conformance ?? [] };
  const template = TEMPLATES.find((t) => t.id === scenario.template);
  const story = template?.description ?? 'A custom scenario.';
  const slides: Slide[] = [
    {
      title: humanize(scenario.name),
      body: (
        <div className="slide-title">
          <p className="story">{story}</p>
          <p className="meta">
            {scenario.calendar.days} days from {scenario.calendar.start} · seed {scenario.seed}
            {scenario.events.length > 0 && ` · ${scenario.events.map((e) => e.label).join(', ')}`}
          </p>
          <div className="slide-kpis">
            {run.headline.slice(0, 6).map((k) => (
              <div key={k.key} className="slide-kpi">
                <div className="v">{showKpi(k.value, k.unit)}</div>
                <div className="l">{k.label}</div>
              </div>
            ))}
          </div>
        </div>
      ),
    },
  ];
  const hourly = run.tables.find((t) => t.name === 'hourly_metrics');
  // Daily sums beyond two weeks, so a long calendar reads as a trend, not as noise.
  const curve = hourly ? bucketHourly(hourly, 'orders', hourly.rowCount > 24 * 14 ? 24 : 1) : [];
  if (curve.length > 0) {
    const windows = eventWindows(scenario);
    slides.push({
      title: 'Orders over time: expected and generated',
      body: (
        <LineChart width={1120} height={460} data={curve} margin={{ top: 16, right: 32, bottom: 16, left: 16 }}>
          <CartesianGrid stroke="#e6e9f0" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => isoTimestamp(v).slice(5, 10)} minTickGap={50} fontSize={16} />
          <YAxis width={80} fontSize={16} tickFormatter={(v: number) => v.toLocaleString('en-US')} />
          {windows.map((w, i) => (
            <ReferenceArea key={i} x1={w.startMs} x2={w.endMs} fill={EVENT_COLORS[i % EVENT_COLORS.length]} fillOpacity={0.15} label={{ value: w.event.label, position: 'insideTop', fontSize: 16 }} />
          ))}
          <Line dataKey="expected" stroke="#64708a" strokeDasharray="6 5" dot={false} isAnimationActive={false} />
          <Line dataKey="generated" stroke="#4f46e5" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      ),
    });
  }
  if (run.correlation) {
    slides.push({
      title: 'Hourly correlations: asked for and delivered',
      body: (
        <div className="heatmap-row big">
          <Heatmap title="Target" labels={METRIC_LABELS} matrix={run.correlation.target} limit={1} />
          <Heatmap title="Achieved" labels={METRIC_LABELS} matrix={run.correlation.achieved} limit={1} />
        </div>
      ),
    });
  }
  if (run.elasticity.length > 0) slides.push({ title: 'Weather elasticities recovered from the data', body: <DotWhisker report={run.elasticity} /> });
  if (run.conformance.length > 0) {
    const judged = run.conformance.filter((r) => !r.notJudged);
    const passed = judged.filter((r) => r.pass).length;
    slides.push({
      title: 'Does the data do what the scenario says?',
      body: (
        <div className="slide-title">
          <p className="story">
            {passed} of {judged.length} declared targets hold{judged.length < run.conformance.length ? `; ${run.conformance.length - judged.length} are not judged here (see Conformance)` : ''}.
          </p>
          <ul className="slide-list">
            {/* Failures first, every one of them: a demo must not hide what does not hold. */}
            {[...judged.filter((r) => !r.pass), ...judged.filter((r) => r.pass)].slice(0, Math.max(8, judged.length - passed)).map((r, i) => (
              <li key={i}>
                <span className={r.pass ? 'ok' : 'bad'}>{r.pass ? '✓' : '✗'}</span> {r.target}
              </li>
            ))}
          </ul>
        </div>
      ),
    });
  }
  return slides;
}
