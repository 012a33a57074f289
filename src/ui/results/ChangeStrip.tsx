import { useRun } from '../../state/engine';
import { selectChanges, type KpiChange } from '../../state/runStore';
import { formatKpi } from '../labels';

const show = (v: number, unit: KpiChange['unit']) => formatKpi(v, unit);

function change(k: KpiChange): { text: string; sign: number } | null {
  if (k.before === null) return null;
  const d = k.value - k.before;
  const sign = Math.abs(d) < 1e-9 ? 0 : Math.sign(d);
  if (sign === 0) return { text: 'no change', sign };
  if (k.unit === 'share') return { text: `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pts`, sign };
  const pct = k.before !== 0 ? ` (${d > 0 ? '+' : ''}${((d / k.before) * 100).toFixed(1)}%)` : '';
  return { text: `${d > 0 ? '+' : '−'}${show(Math.abs(d), k.unit)}${pct}`, sign };
}

/**
 * What the last edit changed: the preview's headline figures against the preview before
 * the edit. Both draw from the same streams, so a difference is the edit's effect, not noise.
 */
export function ChangeStrip() {
  const changes = useRun(selectChanges);
  const scope = useRun((s) => s.preview?.preview);
  // Before the first edit there is nothing to compare with.
  if (!changes.some((k) => k.before !== null)) return null;
  return (
    <section className="change-strip" aria-label="What changed with the last edit">
      <span className="change-title" title="Headline figures of the preview against the preview before your last edit: the same random streams, so the difference is the edit's effect">
        Last edit{scope ? ` · first ${scope.days} of ${scope.totalDays} days` : ''}
      </span>
      {changes.slice(0, 7).map((k) => {
        const c = change(k);
        return (
          <div key={k.key} className="change-kpi" data-kpi={k.key}>
            <span className="l">{k.label}</span>
            <span className="v">{show(k.value, k.unit)}</span>
            {c && <span className={`d ${c.sign > 0 ? 'up' : c.sign < 0 ? 'down' : ''}`}>{c.text}</span>}
          </div>
        );
      })}
    </section>
  );
}
