import { formatCount } from '../labels';
import { BROWSER_MEMORY_BUDGET, canWriteInParts, estimateInventoryRows, estimateRunBytes, estimateRunRows, estimateTotalRows, formatGiB, type Scenario } from '../../engine/client';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { useProblemCount } from '../useScenarioIssues';

/**
 * Why Run would refuse the scenario as too large for this tab (E107), and what to do instead,
 * or null when it fits: Run and "Run, then …" are held back with it, not let fail.
 */
export function useTooLargeForTab(): string | null {
  const reason = tooLargeReason(useScenarioStore(selectScenario));
  return useProblemCount() > 0 ? null : reason;
}

/** Whether the run is too large for the tab and no cut into parts makes it small enough (Write to disk cannot take it either). */
export function tooLargeEvenInParts(s: Scenario): boolean {
  return tooLargeReason(s) !== null && !canWriteInParts(s);
}

/** Run, the size line, the stale prompt and Write to disk all ask on every render: estimated once per scenario value. */
const tooLarge = new WeakMap<Scenario, string | null>();

function tooLargeReason(s: Scenario): string | null {
  if (!tooLarge.has(s)) {
    const instead = canWriteInParts(s)
      ? 'Write to disk, under the editor, streams it in parts instead.'
      : `Write to disk cannot cut it into parts small enough either${s.inventory ? ' (stock carries from day to day)' : ''}: lower ${s.inventory ? 'products, days or orders per day' : 'days, orders per day or customers'}, or run it from the command line (Save scenario file, then npm run generate -- --scenario with that file).`;
    tooLarge.set(s, estimateRunBytes(s) <= BROWSER_MEMORY_BUDGET ? null : `Over this tab's ${formatGiB(BROWSER_MEMORY_BUDGET)}: Run will refuse it (E107). ${instead}`);
  }
  return tooLarge.get(s)!;
}

/** How big the run will be, and a warning before Run when it will not fit in a tab. */
export function RunSize() {
  const s = useScenarioStore(selectScenario);
  // Sized from values that are not valid (2.5 days), an estimate would read as a promise.
  const problems = useProblemCount();
  const rows = estimateRunRows(s);
  const tooBig = useTooLargeForTab();
  if (problems > 0) return <p className="muted small">Size: shown when nothing is left to fix.</p>;
  if (![rows.orders, rows.transactions].every((n) => Number.isFinite(n) && n >= 0)) return null;
  const bytes = estimateRunBytes(s);
  const stock = estimateInventoryRows(s);
  const what = [
    rows.orders > 0 && `${formatCount(Math.round(rows.orders))} orders`,
    rows.transactions > 0 && `${formatCount(Math.round(rows.transactions))} purchases`,
    stock.positions > 0 && `${formatCount(stock.positions)} stock positions`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <p className={tooBig ? 'field-error' : 'muted small'}>
      {/* A template without shop orders (Jaffle shop, weather tenants) is sized by its rows in all. */}
      ≈ {what || `${formatCount(twoDigits(estimateTotalRows(s)))} rows`} · about {bytes < 2 ** 30 ? `${Math.max(1, Math.round(bytes / 2 ** 20))} MB` : formatGiB(bytes)} in memory
      {tooBig && `. ${tooBig}`}
    </p>
  );
}

/** An estimate to two significant digits (50,950 → 51,000): its last digits mean nothing. */
function twoDigits(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.round(n / unit) * unit;
}
