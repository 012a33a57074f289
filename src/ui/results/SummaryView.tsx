import { type ColumnSummary, type TableSummary, isoDay, isoTimestamp } from '../../engine/client';
import { formatCount, humanize } from '../labels';

function formatStat(c: ColumnSummary, v: number | undefined): string {
  if (v === undefined) return '';
  if (c.type === 'timestamp') return isoTimestamp(v);
  if (c.type === 'date') return isoDay(Math.round(v));
  return Number.isInteger(v) ? formatCount(v) : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Per table: rows, nulls, min/max/mean of numeric columns, top values of categorical ones. */
export function SummaryView({ summaries }: { summaries: readonly TableSummary[] }) {
  return (
    // Scrolls on its own: focusable, so a keyboard can scroll it too.
    <div className="summary-grid" role="region" aria-label="Summary of every table" tabIndex={0}>
      {summaries.map((t) => (
        <section key={t.name} className="card" aria-label={`${t.name} summary`}>
          <h3>
            {humanize(t.name)} <span className="muted">{formatCount(t.rows)} rows</span>
          </h3>
          <table className="stats">
            <thead>
              <tr>
                <th>column</th>
                <th className="num">nulls</th>
                <th className="num">min</th>
                <th className="num">mean</th>
                <th className="num">max</th>
                <th>top values</th>
              </tr>
            </thead>
            <tbody>
              {t.columns.map((c) => (
                <tr key={c.name}>
                  <td className="mono">{c.name}</td>
                  <td className="num">{formatCount(c.nulls)}</td>
                  <td className="num">{formatStat(c, c.min)}</td>
                  <td className="num">{c.type === 'timestamp' || c.type === 'date' ? '' : formatStat({ ...c, type: 'fixed' }, c.mean)}</td>
                  <td className="num">{formatStat(c, c.max)}</td>
                  <td className="top">
                    {c.top?.map((x) => (
                      <span key={x.value} className="chip" title={`${x.value}: ${formatCount(x.count)} rows`}>
                        <span className="chip-value">{x.value}</span> <b>{((x.count / Math.max(1, t.rows)) * 100).toFixed(1)}%</b>
                      </span>
                    ))}
                    {c.distinct !== undefined && c.distinct > (c.top?.length ?? 0) && (
                      <span className="muted"> {c.distinct === t.rows ? 'all distinct' : `${formatCount(c.distinct)} distinct`}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
