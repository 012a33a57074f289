import { useRef } from 'react';
import { ChartActions } from '../../charts/ChartActions';
import { type TenantElasticity } from '../../../engine/client';

const ROW = 34;
const LEFT = 250;
const RIGHT = 120;
const WIDTH = 860;

/** Each tenant × variable: the estimate with its 95% interval, the truth as a diamond, pass or fail. */
export function DotWhisker({ report, onSlide = false }: { report: TenantElasticity[]; onSlide?: boolean }) {
  const box = useRef<HTMLElement>(null);
  const rows = report.flatMap((t) => t.estimates.map((e) => ({ t, e })));
  const lo = Math.min(...rows.map((r) => Math.min(r.e.low, r.e.truth))) - 0.03;
  const hi = Math.max(...rows.map((r) => Math.max(r.e.high, r.e.truth))) + 0.03;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (WIDTH - LEFT - RIGHT);
  const height = rows.length * ROW + 46;
  // Round ticks (0.05, 0.1, …), zero among them: nine even splits of the range read −0.19, −0.14, ….
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].find((s) => (hi - lo) / s <= 8) ?? 1;
  const ticks = Array.from({ length: Math.floor(hi / step) - Math.ceil(lo / step) + 1 }, (_, i) => (Math.ceil(lo / step) + i) * step);
  return (
    <figure ref={box} className={`chart-card${onSlide ? ' slide-dots' : ''}`}>
      <figcaption>
        Estimated elasticity (dot, 95% interval) against the ground truth (◆){!onSlide && <ChartActions target={box} name={'elasticity-estimates'} />}
      </figcaption>
      {/* In the view, never drawn wider than its own size: at 1920 its text had grown half as large again as the page's. A slide fills the screen. */}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} style={onSlide ? undefined : { maxWidth: WIDTH, margin: '0 auto' }} role="img" aria-label={`Elasticity estimates for ${report.length} tenants: ${rows.filter((r) => r.e.pass).length} of ${rows.length} within tolerance`}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={8} y2={height - 28} stroke="#e6e9f0" />
            <text x={x(v)} y={height - 10} textAnchor="middle" fontSize="11" fill="#64708a">
              {Math.abs(v) < 1e-9 ? '0' : v.toFixed(2)}
            </text>
          </g>
        ))}
        <line x1={x(0)} x2={x(0)} y1={8} y2={height - 28} stroke="#9aa3b8" strokeDasharray="3 3" />
        {rows.map(({ t, e }, i) => {
          const y = 24 + i * ROW;
          return (
            <g key={`${t.tenant}-${e.variable}`}>
              <text x={8} y={y + 4} fontSize="12.5" fill="#1b2333">
                {t.tenant} · {e.variable}
              </text>
              <line x1={x(e.low)} x2={x(e.high)} y1={y} y2={y} stroke="#4f46e5" strokeWidth={2.5} />
              <line x1={x(e.low)} x2={x(e.low)} y1={y - 6} y2={y + 6} stroke="#4f46e5" strokeWidth={2} />
              <line x1={x(e.high)} x2={x(e.high)} y1={y - 6} y2={y + 6} stroke="#4f46e5" strokeWidth={2} />
              <circle cx={x(e.estimate)} cy={y} r={5} fill="#4f46e5" />
              <path d={`M ${x(e.truth)} ${y - 8} l 6 8 l -6 8 l -6 -8 z`} fill="#b35806" />
              <text x={WIDTH - RIGHT + 10} y={y + 4} fontSize="12" fill={e.pass ? '#1b7f4b' : '#c62828'} fontWeight="600">
                {e.pass ? '✓ pass' : '✗ fail'} {e.estimate.toFixed(3)}
              </text>
            </g>
          );
        })}
      </svg>
      {/* A slide shows the picture; the figures are in the view. */}
      {!onSlide && (
      <table className="stats compact" aria-label="Elasticity estimates">
        <thead>
          <tr>
            <th>tenant</th>
            <th>variable</th>
            <th>truth</th>
            <th>estimate</th>
            <th>std. error</th>
            <th>95% interval</th>
            <th>R²</th>
            <th>n</th>
            <th title="|β̂ − β| within ±0.03, or within three standard errors where that is wider (a short calendar)">recovered</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, e }) => (
            <tr key={`${t.tenant}-${e.variable}`}>
              <td>{t.tenant}</td>
              <td>{e.variable}</td>
              <td className="num">{e.truth.toFixed(3)}</td>
              <td className="num">{e.estimate.toFixed(3)}</td>
              <td className="num">{e.se.toFixed(4)}</td>
              <td className="num">
                [{e.low.toFixed(3)}, {e.high.toFixed(3)}]
              </td>
              <td className="num">{t.r2.toFixed(2)}</td>
              <td className="num">{t.n}</td>
              <td className={e.pass ? 'ok' : 'bad'}>
                {e.pass ? 'pass' : 'fail'} <small className="muted">±{e.tolerance.toFixed(3)}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </figure>
  );
}
