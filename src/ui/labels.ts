const SPECIAL: Record<string, string> = {
  bnpl: 'BNPL',
  upi: 'UPI',
  cod: 'COD',
  app: 'App',
  whatsapp: 'WhatsApp',
  mobile_web: 'Mobile web',
  order_items: 'Order items',
  dq_faults: 'DQ faults',
};

const LIST_ITEMS: Record<string, string> = { 'quality.faults': 'Fault', customColumns: 'Custom column', events: 'Event', cohorts: 'Cohort', tenants: 'Tenant' };

/** A field's path as its card reads, away from the editor: quality.faults.0.kind → "Fault 1 (kind)"; other paths as they are. */
export function fieldPlace(path: string): string {
  for (const [list, item] of Object.entries(LIST_ITEMS)) {
    if (!path.startsWith(`${list}.`)) continue;
    const [index, ...rest] = path.slice(list.length + 1).split('.');
    if (/^\d+$/.test(index)) return `${item} ${Number(index) + 1}${rest.length > 0 ? ` (${rest.join('.')})` : ''}`;
  }
  return path;
}

/** A field's label as the subject of a message, as the engine writes them ("days must be…"); "UTC offset" keeps its capitals. */
export function asSubject(label: string): string {
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** 'paid_social' → 'Paid social'. */
export function humanize(key: string): string {
  if (SPECIAL[key]) return SPECIAL[key];
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// One formatter, made once: n.toLocaleString('en-US') builds one per call (tens of microseconds
// in Chromium), and run-state selectors format counts on every store update during a run.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => COUNT_FORMAT.format(n);
const MONEY_FORMAT = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
/** Whole dollars: $12,345. */
export const formatMoney = (v: number) => MONEY_FORMAT.format(v);

/** Short names of the four correlated hourly metrics, in matrix order. */
export const METRIC_LABELS = ['orders', 'tickets', 'delays', 'abandonment'] as const;

/** A change with its sign, a true minus (−) for a fall and nothing for zero: "+1.2", "−3.8". */
export const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;

/** A change in a headline figure, "+$1,200 (+3.8%)" or "−0.20 pts", as the strip and Compare show it. */
export function kpiChangeText(d: number, before: number, unit: 'count' | 'money' | 'share', shareDigits = 1): { text: string; pct: string | null } {
  const text = unit === 'share' ? `${signed(d * 100, shareDigits)} pts` : `${d < 0 ? '−' : '+'}${formatKpi(Math.abs(d), unit, shareDigits)}`;
  return { text, pct: before !== 0 ? `${signed((d / before) * 100, 1)}%` : null };
}

/** A headline figure as the strip and Compare show it: money in whole dollars, shares as percent, counts rounded. */
export function formatKpi(v: number, unit: 'count' | 'money' | 'share', shareDigits = 1): string {
  if (unit === 'share') return `${(v * 100).toFixed(shareDigits)}%`;
  if (unit === 'money') return formatMoney(v);
  return formatCount(Math.round(v));
}
