import { BROWSER_MEMORY_BUDGET, estimateRunBytes, formatGiB } from '../../engine/estimate';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';

/** How big the run will be, and a warning before Run when it will not fit in a tab. */
export function RunSize() {
  const s = useScenarioStore(selectScenario);
  const orders = s.calendar.days * s.volumes.ordersPerDay;
  if (!Number.isFinite(orders) || orders < 0) return null;
  const bytes = estimateRunBytes(s);
  const tooBig = bytes > BROWSER_MEMORY_BUDGET;
  return (
    <p className={tooBig ? 'field-error' : 'muted small'}>
      ≈ {orders.toLocaleString('en-US')} orders · about {bytes < 2 ** 30 ? `${Math.max(1, Math.round(bytes / 2 ** 20))} MB` : formatGiB(bytes)} in memory
      {tooBig && ` — over this tab's ${formatGiB(BROWSER_MEMORY_BUDGET)}: Run will refuse it (E107); the CLI can do it in partitions.`}
    </p>
  );
}
