import type { ReactNode } from 'react';
import type { Scenario } from '../../engine/client';
import type { ShownResult } from '../../state/runStore';
import { Heatmap } from '../charts/Heatmap';
import { formatCount, formatKpi, humanize, METRIC_LABELS } from '../labels';
import { DotWhisker } from '../results/elasticity/DotWhisker';
import { FaultCounts } from '../results/FaultCounts';
import { scenarioStory } from './story';
import { attributionSlide, lifecycleSlide, priceSlide, stockoutSlide, timeCurveSlide } from './chartSlides';

export interface Slide {
  title: string;
  body: ReactNode;
}


/** The story of a finished run, one step per slide, built from what the run store holds. */
export function buildSlides(result: ShownResult, scenario: Scenario): Slide[] {
  const r = result.reports;
  const run = { tables: result.tables, headline: r.headline ?? [], correlation: r.correlation, elasticity: r.elasticity ?? [], conformance: r.conformance ?? [] };
  const story = scenarioStory(scenario);
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
            {titleFigures(result, run.headline).map((k) => (
              <div key={k.key} className="slide-kpi">
                <div className="v">{k.value}</div>
                <div className="l">{k.label}</div>
              </div>
            ))}
          </div>
        </div>
      ),
    },
  ];
  const hourly = run.tables.find((t) => t.name === 'hourly_metrics');
  const curve = hourly ? timeCurveSlide(hourly, scenario) : null;
  if (curve) slides.push(curve);
  if (run.correlation) {
    slides.push({
      title: 'Hourly correlations: asked for and delivered',
      body: (
        <div className="slide-stack">
          <div className="heatmap-row big">
            <Heatmap title="Target" labels={METRIC_LABELS} matrix={run.correlation.target} limit={1} />
            <Heatmap title="Achieved" labels={METRIC_LABELS} matrix={run.correlation.achieved} limit={1} />
          </div>
          <p className="slide-note">
            Measured on {formatCount(run.correlation.hours)} hours of generated data; the largest gap to the target is {largestGap(run.correlation).toFixed(3)} (tolerance ±0.05).
          </p>
        </div>
      ),
    });
  }
  if (run.elasticity.length > 0) slides.push({ title: 'Weather elasticities recovered from the data', body: <DotWhisker report={run.elasticity} onSlide /> });
  // The story's own effects: how cohorts answered the discount, how often shelves ran empty.
  for (const extra of [priceSlide(r.priceElasticity ?? []), stockoutSlide(r.inventory), attributionSlide(r.attribution ?? null, scenario.jaffle?.sameDayPct), lifecycleSlide(r.lifecycle ?? null, scenario.lifecycle?.inactivityDays)]) if (extra) slides.push(extra);
  // Planted data-quality faults are part of the story a pipeline test is told: how many, where.
  if (r.quality) {
    slides.push(
      storySlide(
        'Data-quality faults, planted and listed',
        `${formatCount(r.quality.total)} faults injected, every one listed in the dq_faults table that ships with the data (row, column, kind, the value before and after).`,
        <FaultCounts quality={r.quality} />,
      ),
    );
  }
  if (run.conformance.length > 0) {
    const judged = run.conformance.filter((r) => !r.notJudged);
    const passed = judged.filter((r) => r.pass).length;
    slides.push(
      storySlide(
        'Does the data do what the scenario says?',
        `${passed} of ${judged.length} declared targets hold${judged.length < run.conformance.length ? `; ${run.conformance.length - judged.length} are not judged here (see Conformance)` : ''}.`,
          <ul className="slide-list">
            {/* Failures first, every one of them: a demo must not hide what does not hold. */}
            {[...judged.filter((r) => !r.pass), ...judged.filter((r) => r.pass)].slice(0, Math.max(8, judged.length - passed)).map((r, i) => (
              <li key={i}>
                <span className={r.pass ? 'ok' : 'bad'}>{r.pass ? '✓' : '✗'}</span> {r.target}
              </li>
            ))}
            {judged.length > Math.max(8, judged.length - passed) && <li className="muted">…and {judged.length - Math.max(8, judged.length - passed)} more that hold (every row in Conformance)</li>}
          </ul>,
      ),
    );
  }
  return slides;
}

/** A slide of one line of story in large type, then what shows it (a table, a list). */
function storySlide(title: string, story: string, shown: ReactNode): Slide {
  return {
    title,
    body: (
      <div className="slide-title">
        <p className="story">{story}</p>
        {shown}
      </div>
    ),
  };
}

/**
 * The title slide's figures: the headline KPIs (orders, revenue, …), or, for a template
 * without them (Jaffle shop, churn, weather), its largest tables' row counts: a demo never
 * opens on an empty card.
 */
function titleFigures(result: ShownResult, headline: NonNullable<ShownResult['reports']['headline']>): { key: string; value: string; label: string }[] {
  if (headline.length > 0) return headline.slice(0, 6).map((k) => ({ key: k.key, value: formatKpi(k.value, k.unit), label: k.label }));
  return [...result.tables]
    .filter((t) => t.name !== 'dq_faults')
    .sort((a, b) => b.rowCount - a.rowCount)
    .slice(0, 6)
    .map((t) => ({ key: t.name, value: formatCount(t.rowCount), label: `${humanize(t.name).toLowerCase()} rows` }));
}

/** The largest |achieved − target| over the matrix's pairs. */
function largestGap(c: { target: number[][]; achieved: number[][] }): number {
  return Math.max(...c.target.flatMap((row, a) => row.map((t, b) => Math.abs(c.achieved[a][b] - t))));
}
