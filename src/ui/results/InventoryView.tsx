import { useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isoDay, locationCount, type InventoryCheck } from '../../engine/client';
import { sourceOf, useEngineQuery, useRun } from '../../state/engine';
import { selectReport, selectShown, selectShownPreview, selectShownScenario } from '../../state/runStore';

const selectInventory = selectReport('inventory');
const NO_POINTS: never[] = [];
import { ChartActions } from '../charts/ChartActions';
import { formatCount } from '../labels';

const money = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** Stockouts against their band, one position's stock over time, lost sales and the fashion-retail must-holds. */
export function InventoryView() {
  const report = useRun(selectInventory);
  const scenario = useRun(selectShownScenario);
  const previewing = useRun(selectShownPreview) !== null;
  const rateChart = useRef<HTMLDivElement>(null);
  if (scenario?.inventory && !report) return <p className="muted">Stockouts are read from the stock tables (inventory_daily): choose them under Tables to generate, or press Run.</p>;
  if (!report || !scenario?.inventory) return <p className="muted">Run a scenario with inventory (the Inventory retail template, or add stock in the editor) to see stockouts and lost sales.</p>;
  const [lo, hi] = report.band;
  const inBand = report.stockoutPct >= lo && report.stockoutPct <= hi;
  // A preview's few days judge the rows it has, not the run: its stockout rate is a day or
  // two, and its last stockouts have not ended (their lost sales look like strays).
  const judged = (c: InventoryCheck) => !previewing || !c.wholeRun;
  const checks = report.checks.filter(judged);
  const passed = checks.filter((c) => c.pass).length;
  return (
    <div className="inventory">
      {/* Green only for a full run: a preview's rate is a day or two. */}
      <p className={`definition ${inBand && !previewing ? 'all-pass' : ''}`} role="status">
        Stockout rate <b>{report.stockoutPct.toFixed(2)}%</b> of {formatCount(report.positions)} product × location positions, averaged over days (band {lo}-{hi}%, levels set for {report.targetPct}%). {passed} of {checks.length} must-holds pass{checks.length < report.checks.length ? ` (${report.checks.length - checks.length} judged on the full run only)` : ''}.
      </p>
      <div className="chart-head">
        <span className="muted small">Share of positions out of stock at the end of each day; the shaded band is {lo}-{hi}%.</span>
        <ChartActions target={rateChart} name={`${scenario.name}-stockout-rate`} />
      </div>
      <div className="chart-box short" ref={rateChart} role="img" aria-label={`Stockout rate per day, averaging ${report.stockoutPct.toFixed(2)}%, against the ${lo}-${hi}% band`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={report.daily} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="date" tickFormatter={(d: number) => isoDay(d).slice(5)} minTickGap={40} />
            <YAxis unit="%" width={48} domain={[0, (max: number) => Math.max(hi + 2, Math.ceil(max))]} />
            <Tooltip labelFormatter={(d) => isoDay(Number(d))} formatter={(v) => `${Number(v).toFixed(2)}%`} />
            <ReferenceArea y1={lo} y2={hi} fill="#1b7f4b" fillOpacity={0.08} />
            <ReferenceLine y={report.targetPct} stroke="#1b7f4b" strokeDasharray="4 4" />
            <Line dataKey="stockoutPct" name="out of stock" stroke="#542788" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="chart-pair">
        <table className="stats compact" aria-label="Inventory must-holds">
          <thead>
            <tr>
              <th>must hold</th>
              <th>measured</th>
              <th>result</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((c) => (
              <tr key={c.check}>
                <td>{c.check}</td>
                <td className="num">{c.measured}</td>
                {judged(c) ? <td className={c.pass ? 'ok' : 'bad'}>{c.pass ? 'pass' : 'fail'}</td> : <td className="muted" title="not judged on a preview: about the whole calendar">full run only</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="stats compact" aria-label="Top products by lost revenue">
          <thead>
            <tr>
              <th>product id</th>
              <th className="num">lost revenue</th>
              <th className="num">lost units</th>
              <th className="num">stockouts</th>
            </tr>
          </thead>
          <tbody>
            {report.topLost.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No sales lost to a stockout{previewing ? ' in the preview' : ''}.
                </td>
              </tr>
            )}
            {report.topLost.map((p) => (
              <tr key={p.productId}>
                <td>{p.productId}</td>
                <td className="num">{money(p.lostRevenue)}</td>
                <td className="num">{formatCount(p.lostUnits)}</td>
                <td className="num">{formatCount(p.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StockChart defaultProduct={report.topLost[0]?.productId ?? 1} locations={locationCount(scenario.inventory)} name={scenario.name} />
    </div>
  );
}

function StockChart({ defaultProduct, locations, name }: { defaultProduct: number; locations: number; name: string }) {
  const result = useRun(selectShown);
  const [product, setProduct] = useState(defaultProduct);
  const [location, setLocation] = useState(1);
  const chart = useRef<HTMLDivElement>(null);
  const series = useEngineQuery(result ? (q) => q.stockSeries(sourceOf(result), product, location) : null, [result?.seq, product, location]).data ?? NO_POINTS;
  const data = series.map((p) => ({ ...p, out: p.onHand === 0 ? 1 : null }));
  const outDays = series.filter((p) => p.onHand === 0).length;
  return (
    <>
      <div className="chart-head">
        <label>
          Product
          <input type="number" min={1} value={product} onChange={(e) => Number(e.target.value) >= 1 && setProduct(Math.floor(Number(e.target.value)))} aria-label="Product id" className="small-number" />
        </label>
        <label>
          Location
          <input type="number" min={1} max={locations} value={location} onChange={(e) => Number(e.target.value) >= 1 && Number(e.target.value) <= locations && setLocation(Math.floor(Number(e.target.value)))} aria-label="Location id" className="small-number" />
        </label>
        <span className="muted small">
          On hand per day; bars are deliveries, restocked returns and sales; shaded days are out of stock ({outDays} of {series.length}).
        </span>
        <ChartActions target={chart} name={`${name}-stock-p${product}-l${location}`} />
      </div>
      <div className="chart-box short" ref={chart} role="img" aria-label={`Stock of product ${product} at location ${location}: ${outDays} days out of stock`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e6e9f0" />
            <XAxis dataKey="date" type="number" domain={['dataMin - 0.5', 'dataMax + 0.5']} tickFormatter={(d: number) => isoDay(Math.round(d)).slice(5)} minTickGap={40} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip labelFormatter={(d) => isoDay(Number(d))} />
            <Legend itemSorter={null} verticalAlign="top" />
            {data.map((p) => (p.out ? <ReferenceArea key={p.date} x1={p.date - 0.5} x2={p.date + 0.5} fill="#c62828" fillOpacity={0.12} /> : null))}
            <Bar dataKey="received" name="delivered" fill="#1b7f4b" barSize={5} isAnimationActive={false} />
            <Bar dataKey="restocked" name="restocked returns" fill="#0b6fa4" barSize={5} isAnimationActive={false} />
            <Bar dataKey="sold" name="sold" fill="#b35806" barSize={5} isAnimationActive={false} />
            <Line dataKey="onHand" name="on hand" type="stepAfter" stroke="#542788" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
