import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceArea, XAxis, YAxis } from 'recharts';
import { eventWindows, MS_PER_DAY, type AttributionReport, type CohortPriceElasticity, type InventoryReport, type LifecycleReport, type Scenario } from '../../engine/client';
import type { ResultTable } from '../../state/runStore';
import { EVENT_COLORS } from '../charts/colors';
import { bucketHourly } from '../charts/hourlyBuckets';
import { countAxisWidth, timeTicks } from '../charts/timeTicks';
import { formatCount, formatMoney, humanize } from '../labels';
import { PriceElasticityTable, priceCurveRows } from '../results/elasticity/PriceResponse';
import { survivalRows } from '../results/LifecycleView';
import type { Slide } from './slides';

/** Charts fill the slide: its size is the window's, less the title and margins (fixed numbers, so the HTML export draws the same). */
function chartSize(): { width: number; height: number } {
  const w = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const h = typeof window === 'undefined' ? 800 : window.innerHeight;
  return { width: Math.max(720, Math.min(1760, w - 200)), height: Math.max(320, Math.min(720, h - 300)) };
}

const BIG = 16;

function axisTicks(from: number, to: number) {
  const { ticks, format } = timeTicks(from, to);
  return { ticks, tickFormatter: format };
}

export function timeCurveSlide(hourly: ResultTable, scenario: Scenario): Slide | null {
  // Daily sums beyond two weeks, so a long calendar reads as a trend, not as noise.
  const curve = bucketHourly(hourly, 'orders', hourly.rowCount > 24 * 14 ? 24 : 1);
  if (curve.length === 0) return null;
  const windows = eventWindows(scenario);
  const { width, height } = chartSize();
  return {
    title: 'Orders over time: expected and generated',
    body: (
      <LineChart width={width} height={height} data={curve} margin={{ top: 16, right: 32, bottom: 24, left: 16 }}>
        <CartesianGrid stroke="#e6e9f0" />
        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} {...axisTicks(curve[0].t, curve[curve.length - 1].t)} fontSize={BIG} />
        <YAxis width={90} fontSize={BIG} tickFormatter={formatCount} label={{ value: hourly.rowCount > 24 * 14 ? 'orders per day' : 'orders per hour', angle: -90, position: 'insideLeft', fontSize: BIG }} />
        {windows.map((w, i) => (
          <ReferenceArea key={i} x1={w.startMs} x2={w.endMs} fill={EVENT_COLORS[i % EVENT_COLORS.length]} fillOpacity={0.15} label={{ value: w.event.label, position: 'insideTop', fontSize: BIG }} />
        ))}
        <Legend itemSorter={null} verticalAlign="top" height={36} wrapperStyle={{ fontSize: BIG }} />
        {/* Generated first and the plan on top, dashed: where they agree, the plan still shows. */}
        <Line dataKey="generated" name="generated" stroke="#4f46e5" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Line dataKey="expected" name="expected (the plan)" stroke="#1f2937" strokeWidth={2} strokeDasharray="7 5" dot={false} isAnimationActive={false} />
      </LineChart>
    ),
  };
}

/** The next round number (1, 1.5, 2, 3, 5 times a power of ten) at or above x: a log axis's top that the highest line stays under. */
function logCeil(x: number): number {
  if (!(x > 1 && x < 1e9)) return 2;
  for (let p = 1; ; p *= 10) for (const m of [1, 1.5, 2, 3, 5]) if (m * p >= x) return m * p;
}

export function priceSlide(report: readonly CohortPriceElasticity[]): Slide | null {
  if (report.length === 0) return null;
  const { width, height } = chartSize();
  const data = priceCurveRows(report);
  return {
    title: 'How each cohort answers a discount',
    body: (
      <div className="slide-split">
        <LineChart width={Math.round(width * 0.5)} height={height} data={data} margin={{ top: 8, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="#e6e9f0" />
          <XAxis dataKey="d" type="number" domain={[0, 80]} tickFormatter={(v: number) => `${v}%`} fontSize={BIG} label={{ value: 'discount', position: 'insideBottom', offset: -16, fontSize: BIG }} />
          <YAxis width={70} scale="log" domain={[1, logCeil(Math.max(...data.flatMap((r) => Object.entries(r).flatMap(([k, v]) => (k === 'd' ? [] : [v])))))]} allowDataOverflow fontSize={BIG} tickFormatter={(v: number) => `${v.toFixed(1)}×`} label={{ value: 'demand', angle: -90, position: 'insideLeft', fontSize: BIG }} />
          <Legend itemSorter={null} verticalAlign="top" height={36} wrapperStyle={{ fontSize: BIG }} />
          {report.map((c, i) => (
            <Line key={c.cohort} dataKey={`${c.label} estimate`} name={c.label} stroke={EVENT_COLORS[i % EVENT_COLORS.length]} strokeWidth={3} dot={false} isAnimationActive={false} />
          ))}
          {report.map((c, i) => (
            <Line key={`${c.cohort}-t`} dataKey={`${c.label} truth`} stroke={EVENT_COLORS[i % EVENT_COLORS.length]} strokeDasharray="6 5" dot={false} legendType="none" isAnimationActive={false} />
          ))}
        </LineChart>
        <figure className="slide-table-box">
          <PriceElasticityTable report={report} className="stats slide-table" />
          <figcaption>Measured at {report[0].discountPct}% off. Solid: measured from the data; dashed: what the scenario set.</figcaption>
        </figure>
      </div>
    ),
  };
}

export function stockoutSlide(report: InventoryReport | null): Slide | null {
  if (!report || report.daily.length === 0) return null;
  const { width, height } = chartSize();
  const data = report.daily.map((d) => ({ t: d.date * MS_PER_DAY, pct: d.stockoutPct }));
  const lost = report.topLost.reduce((n, p) => n + p.lostRevenue, 0);
  return {
    title: `Stockouts: ${report.stockoutPct.toFixed(1)}% of positions on an average day`,
    body: (
      <div className="slide-title">
        <LineChart width={width} height={Math.round(height * 0.8)} data={data} margin={{ top: 8, right: 32, bottom: 16, left: 16 }}>
          <CartesianGrid stroke="#e6e9f0" />
          <ReferenceArea y1={report.band[0]} y2={report.band[1]} fill="#16a34a" fillOpacity={0.12} label={{ value: `target band ${report.band[0]}-${report.band[1]}%`, position: 'insideTopRight', fontSize: BIG }} />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} {...axisTicks(data[0].t, data[data.length - 1].t)} fontSize={BIG} />
          <YAxis width={70} fontSize={BIG} tickFormatter={(v: number) => `${v}%`} label={{ value: 'positions out', angle: -90, position: 'insideLeft', fontSize: BIG }} />
          <Line dataKey="pct" name="stockout rate" stroke="#b45309" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
        <p className="meta">
          {formatCount(report.positions)} product × location positions · the ten products that lost most: {formatMoney(lost)} of sales
          not made
        </p>
      </div>
    ),
  };
}

/** Jaffle shop's story: which ads brought first orders, on the app or the website, and how soon. */
export function attributionSlide(report: AttributionReport | null, targetSameDayPct: number | undefined): Slide | null {
  if (!report || report.conversions.length === 0) return null;
  const { width, height } = chartSize();
  return {
    title: 'Ads to first orders',
    body: (
      <div className="slide-title">
        <p className="story">
          {report.sameDayPct.toFixed(1)}% of first orders came the same day as their ad session{targetSameDayPct === undefined ? '' : ` (the scenario asked for ${targetSameDayPct}%)`}.
        </p>
        <BarChart width={width} height={Math.round(height * 0.8)} data={report.conversions} margin={{ top: 8, right: 32, bottom: 16, left: 16 }}>
          <CartesianGrid stroke="#e6e9f0" />
          <XAxis dataKey="platform" tickFormatter={humanize} fontSize={BIG} />
          <YAxis width={countAxisWidth(Math.max(...report.conversions.map((c) => c.app + c.website)))} fontSize={BIG} tickFormatter={formatCount} label={{ value: 'first orders', angle: -90, position: 'insideLeft', fontSize: BIG }} />
          <Legend itemSorter={null} verticalAlign="top" height={36} wrapperStyle={{ fontSize: BIG }} />
          <Bar dataKey="website" name="website sessions" stackId="k" fill="#542788" isAnimationActive={false} />
          <Bar dataKey="app" name="app sessions" stackId="k" fill="#b35806" isAnimationActive={false} />
        </BarChart>
      </div>
    ),
  };
}

/** The churn store's story: churn against its target, and how long each segment keeps buying. */
export function lifecycleSlide(report: LifecycleReport | null, inactivityDays: number | undefined): Slide | null {
  if (!report || report.curves.length === 0) return null;
  const { width, height } = chartSize();
  const { data, wholeMonths } = survivalRows(report);
  return {
    title: `Churn ${report.churnMeasuredPct.toFixed(1)}% against a ${report.churnTargetPct}% target`,
    body: (
      <div className="slide-title">
        <p className="story">
          Share of each segment still buying, by months since signup{inactivityDays === undefined ? '' : `; churned means ${inactivityDays} days without a purchase and low spend`}.
        </p>
        <LineChart width={width} height={Math.round(height * 0.8)} data={data} margin={{ top: 8, right: 32, bottom: 24, left: 16 }}>
          <CartesianGrid stroke="#e6e9f0" />
          <XAxis dataKey="month" type="number" domain={[0, 'dataMax']} ticks={wholeMonths} fontSize={BIG} label={{ value: 'months since signup', position: 'insideBottom', offset: -16, fontSize: BIG }} />
          <YAxis domain={[0, 100]} unit="%" width={70} fontSize={BIG} />
          <Legend itemSorter={null} verticalAlign="top" height={36} wrapperStyle={{ fontSize: BIG }} />
          {report.curves.map((c, i) => (
            <Line key={c.segment} dataKey={c.segment} name={humanize(c.segment)} stroke={EVENT_COLORS[i % EVENT_COLORS.length]} strokeWidth={3} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </div>
    ),
  };
}
