import { formatCount } from '../labels';
import { type ConformanceRow } from '../../engine/client';
import { useRun } from '../../state/engine';
import { selectFullReport } from '../../state/runStore';
import { useOtherTemplateRun } from '../export/StaleGate';

const selectConformance = selectFullReport('conformance');
const NONE: never[] = [];

function fmt(v: number, unit: ConformanceRow['unit']): string {
  if (unit === '%') return `${v.toFixed(2)}%`;
  if (unit === 'count') return formatCount(Math.round(v));
  if (unit === 'value') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toFixed(3);
}

/** Every target the scenario declares beside what the data shows: the report that ships as conformance.json. */
export function ConformanceView() {
  const rows = useRun(selectConformance) ?? NONE;
  const otherTemplate = useOtherTemplateRun();
  if (rows.length === 0) return <p className="muted">Run a scenario to check its data against every target it declares.</p>;
  // Another template's targets, passed or failed, say nothing about this one.
  if (otherTemplate !== null) return <p className="muted">The last full run was of another template ({otherTemplate}): press Run (Ctrl+Enter) to check this one against its targets.</p>;
  const judged = rows.filter((r) => !r.notJudged);
  const passed = judged.filter((r) => r.pass).length;
  return (
    <div className="conformance" role="region" aria-label="Conformance" tabIndex={0}>
      <p className={`definition ${passed === judged.length ? 'all-pass' : ''}`} role="status">
        <b>
          {passed} of {judged.length}
        </b>{' '}
        declared targets hold in this data{judged.length < rows.length ? ` (${rows.length - judged.length} more not judged here, each with its reason)` : ''}. Each module declares its own targets and how to measure them; the same report is exported as conformance.json.
      </p>
      <table className="stats compact" aria-label="Conformance report">
        <thead>
          <tr>
            <th>module</th>
            <th>target</th>
            <th className="num">expected</th>
            <th className="num">measured</th>
            <th className="num">tolerance</th>
            <th>result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="mono">{r.module}</td>
              <td className="wrap-anywhere">{r.target}</td>
              <td className="num">{fmt(r.expected, r.unit)}</td>
              <td className="num">{fmt(r.measured, r.unit)}</td>
              <td className="num">{r.atMost ? 'at most' : `± ${r.unit === '%' ? `${r.tolerance.toFixed(2)} pts` : fmt(r.tolerance, r.unit)}`}</td>
              <td className={r.notJudged ? 'muted' : r.pass ? 'ok' : 'bad'}>
                {r.notJudged ? (
                  <>
                    not judged <span className="why">{r.notJudged}</span>
                  </>
                ) : r.pass ? (
                  'pass'
                ) : (
                  'fail'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
