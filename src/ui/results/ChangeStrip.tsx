import { useRun } from '../../state/engine';
import { selectChanges, type KpiChange } from '../../state/runStore';
import { formatCount, formatKpi, kpiChangeText } from '../labels';

const show = (v: number, unit: KpiChange['unit']) => formatKpi(v, unit);

function change(k: KpiChange): { text: string; sign: number } | null {
  if (k.before === null) return null;
  const d = k.value - k.before;
  const sign = Math.abs(d) < 1e-9 ? 0 : Math.sign(d);
  if (sign === 0) return { text: 'no change', sign };
  const { text, pct } = kpiChangeText(d, k.before, k.unit);
  // A share's change reads in points alone: a relative change of a rate confuses more than it tells.
  return { text: pct && k.unit !== 'share' ? `${text} (${pct})` : text, sign };
}

/**
 * What the last edit changed: the preview's headline figures against the preview before
 * the edit; once the edit's full run is in, that run's against the run before it (every day,
 * so an edit of days after the preview's shows too). Both sides draw from the same streams,
 * so a difference is the edit's effect, not noise.
 */
export function ChangeStrip() {
  const changes = useRun(selectChanges);
  const ofRuns = useRun((s) => s.changesOfRuns);
  const previewScope = useRun((s) => s.preview?.preview);
  const fullDays = useRun((s) => s.full?.scenario.calendar.days ?? 0);
  const scope = ofRuns ? null : previewScope;
  // Before the first edit there is nothing to compare with.
  if (!changes.some((k) => k.before !== null)) return null;
  // An edit of later days (an event after the preview's) leaves these figures as they were: say where to see it.
  const changed = changes.map((k) => ({ k, c: change(k) }));
  const unchanged = scope && scope.days < scope.totalDays && changed.every(({ c }) => c?.sign === 0);
  return (
    <section className="change-strip" aria-label="What changed with the last edit">
      <span
        className="change-title"
        title={
          ofRuns
            ? 'Headline figures of the last full run against the run before it: the same random streams, so the difference is the edits’ effect'
            : "Headline figures of the preview against the preview before your last edit: the same random streams, so the difference is the edit's effect"
        }
      >
        {ofRuns ? `Since the last run · all ${formatCount(fullDays)} days` : `Last edit${scope ? ` · first ${formatCount(scope.days)} of ${formatCount(scope.totalDays)} days` : ''}`}
      </span>
      {unchanged && <span className="change-note muted small">These figures are unchanged in these days; Run shows all {formatCount(scope.totalDays)}.</span>}
      {changed.slice(0, 7).map(({ k, c }) => (
        <div key={k.key} className="change-kpi" data-kpi={k.key}>
          <span className="l">{k.label}</span>
          <span className="v">{show(k.value, k.unit)}</span>
          {c && <span className={`d ${c.sign > 0 ? 'up' : c.sign < 0 ? 'down' : ''}`}>{c.text}</span>}
        </div>
      ))}
    </section>
  );
}
