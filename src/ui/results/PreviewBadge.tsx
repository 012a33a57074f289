import { useRun } from '../../state/engine';
import { selectShown } from '../../state/runStore';
import { formatCount } from '../labels';

/** Says what a view shows when it shows a preview: "preview: first 2 of 30 days, 5,012 orders". */
export function PreviewBadge() {
  const text = useRun((s) => previewText(selectShown(s)));
  return text ? <span className="badge preview-badge">{text}</span> : null;
}

export function previewText(shown: ReturnType<typeof selectShown>): string | null {
  if (!shown?.preview) return null;
  const { days, totalDays } = shown.preview;
  const main = shown.tables.find((t) => t.name === 'orders') ?? shown.tables.find((t) => /orders|transactions/.test(t.name));
  return `preview: first ${formatCount(days)} of ${formatCount(totalDays)} days${main ? `, ${formatCount(main.rowCount)} ${main.name.replace(/_/g, ' ')}` : ''}`;
}
