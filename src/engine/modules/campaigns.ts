import type { DataTable } from '../table';
import { MS_PER_DAY, dayNumber } from '../time';
import { campaignIds, eventWindows } from '../model/events';
import type { EngineModule } from './module';

const CHANNEL_BY_EVENT: Record<string, string> = {
  flash_sale: 'email',
  seasonal_campaign: 'paid_social',
  viral_moment: 'influencer',
  returns_wave: 'email',
  supply_disruption: 'email',
  payment_outage: 'email',
  segment_drift: 'paid_social',
  channel_launch: 'app_push',
};

/** The coupon programme (all period) and one campaign per discounting or influencer event. */
export const campaignsModule: EngineModule = {
  id: 'campaigns',
  dependsOn: [],
  tables: ['campaigns'],
  rowBytes: 120,
  partitioned: false,
  estimateRows: (s) => 1 + s.events.length,
  *generate(ctx) {
    const s = ctx.scenario;
    const ids = campaignIds(s);
    const rows: { id: number; name: string; channel: string; start: number; end: number; pct: number; category: string | null }[] = [];
    const start = dayNumber(s.calendar.start) * MS_PER_DAY;
    if (ids.coupon !== null) {
      rows.push({ id: ids.coupon, name: 'Coupon programme', channel: 'email', start, end: start + s.calendar.days * MS_PER_DAY, pct: s.orders.couponPercent, category: null });
    }
    for (const w of eventWindows(s)) {
      const id = ids.byEvent.get(w.index);
      if (id === undefined) continue;
      const e = w.event;
      rows.push({ id, name: e.label, channel: CHANNEL_BY_EVENT[e.type], start: w.startMs, end: w.endMs, pct: e.discountPct, category: e.categories.length > 0 ? e.categories.join('|') : null });
    }
    yield 0.5;
    const categories = [...new Set(rows.map((r) => r.category).filter((c): c is string => c !== null))];
    const channels = [...new Set(rows.map((r) => r.channel))];
    const table: DataTable = {
      name: 'campaigns',
      rowCount: rows.length,
      columns: [
        { name: 'campaign_id', type: 'int32', values: Int32Array.from(rows, (r) => r.id) },
        { name: 'name', type: 'string', values: rows.map((r) => r.name) },
        { name: 'channel', type: 'dict', indices: Int32Array.from(rows, (r) => channels.indexOf(r.channel)), dictionary: channels },
        { name: 'start_at', type: 'timestamp', values: Float64Array.from(rows, (r) => r.start) },
        { name: 'end_at', type: 'timestamp', values: Float64Array.from(rows, (r) => r.end) },
        { name: 'discount_pct', type: 'fixed', scale: 1, values: Float64Array.from(rows, (r) => Math.round(r.pct * 10)) },
        {
          name: 'category',
          type: 'dict',
          indices: Int32Array.from(rows, (r) => Math.max(0, categories.indexOf(r.category ?? ''))),
          dictionary: categories.length > 0 ? categories : [''],
          valid: Uint8Array.from(rows, (r) => (r.category === null ? 0 : 1)),
        },
      ],
    };
    return [table];
  },
};
