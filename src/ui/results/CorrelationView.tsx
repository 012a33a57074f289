import { useRun } from '../../state/engine';
import { selectReport } from '../../state/runStore';

const selectCorrelation = selectReport('correlation');
import { SMALL_COUNT } from '../../engine/client';
import { Heatmap } from '../charts/Heatmap';
import { formatCount, METRIC_LABELS } from '../labels';
import { CorrelationEditor } from './CorrelationEditor';

/** The editable target and the achieved hourly correlations side by side, and their difference. */
export function CorrelationView() {
  const report = useRun(selectCorrelation);
  const diff = report?.achieved.map((row, i) => row.map((v, j) => v - report.target[i][j]));
  const worst = diff ? Math.max(...diff.flat().map(Math.abs)) : 0;
  return (
    <div className="correlations">
      <p className="definition">
        Correlations are measured on <b>hourly deviations from the expected curve</b>: each hour's count divided by its expected level (time of day, weekday), so the shared daily rhythm does not dominate every pair.
        {report && ` ${formatCount(report.hours)} hours measured (in an event's hours, its designed surplus is taken off first); largest gap to target ${worst.toFixed(3)}.`}
      </p>
      {report && report.meanExpected.some((m) => m < SMALL_COUNT) && (
        <div className="banner warning" role="status">
          Some hourly counts are too small to carry a correlation:{' '}
          {report.meanExpected
            .map((m, i) => [METRIC_LABELS[i], m] as const)
            .filter(([, m]) => m < SMALL_COUNT)
            .map(([l, m]) => `${l} average ${m.toFixed(1)} an hour`)
            .join(', ')}
          . Whole-number counts this small are mostly rounding; raise orders per day (the baseline's 2,500 a day meets every target within ±0.05).
        </div>
      )}
      {/* The editable target beside what the data achieved: edit on the left, watch the right. */}
      <div className="heatmap-row">
        <CorrelationEditor />
        {report ? (
          <>
            <Heatmap title="Achieved" labels={METRIC_LABELS} matrix={report.achieved} limit={1} compare={{ name: 'target', matrix: report.target }} />
            <Heatmap title="Achieved − target" labels={METRIC_LABELS} matrix={diff!} limit={0.1} signed digits={3} />
          </>
        ) : (
          <p className="muted">Run a scenario with the hourly_metrics table to see achieved correlations.</p>
        )}
      </div>
    </div>
  );
}
