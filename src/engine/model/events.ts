import type { Cohort, Scenario, ScenarioEvent } from '../scenario/schema';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../time';

/**
 * Events as windows on the calendar with a shape. Everything an event does is read from
 * here: its traffic multiplier per hour, its effect on tickets, delays and abandonment,
 * and its row-level effects (discounts, failures, returns) at a moment in time.
 */
export interface EventWindow {
  index: number;
  event: ScenarioEvent;
  startMs: number;
  endMs: number;
}

export function eventStartMs(e: ScenarioEvent): number {
  const [date, time] = e.start.split('T');
  const [hh, mm] = time.split(':').map(Number);
  return dayNumber(date) * MS_PER_DAY + hh * MS_PER_HOUR + mm * 60_000;
}

export function eventWindows(scenario: Scenario): EventWindow[] {
  return scenario.events.map((event, index) => {
    const startMs = eventStartMs(event);
    return { index, event, startMs, endMs: startMs + event.durationHours * MS_PER_HOUR };
  });
}

/** Shape value in [0, 1] at time t inside the window (t measured at an hour's middle). */
export function shapeAt(w: EventWindow, t: number): number {
  const span = w.endMs - w.startMs;
  const u = (t - w.startMs) / span;
  switch (w.event.shape) {
    case 'step':
    case 'outage':
      return 1;
    case 'ramp':
      return Math.min(1, Math.max(0, u));
    case 'spike': {
      // Full height in the first half hour, then an exponential fall.
      const since = Math.max(0, t - w.startMs - Math.min(span / 2, MS_PER_HOUR / 2));
      return Math.exp((-3 * since) / span);
    }
    case 'exp_growth':
      return Math.exp(3 * (Math.min(1, u) - 1));
  }
}

/** Shape value for an hour: taken at the hour's middle, clamped into the window for hours it only touches. */
export function shapeAtHour(w: EventWindow, hourStartMs: number): number {
  return shapeAt(w, Math.min(Math.max(hourStartMs + MS_PER_HOUR / 2, w.startMs), w.endMs - 1));
}

/** Share of the hour [h0, h0 + 1h) that falls inside the event. */
export function overlap(w: EventWindow, hourStartMs: number): number {
  const a = Math.max(w.startMs, hourStartMs);
  const b = Math.min(w.endMs, hourStartMs + MS_PER_HOUR);
  return Math.max(0, b - a) / MS_PER_HOUR;
}

export function activeAt(w: EventWindow, t: number): boolean {
  return t >= w.startMs && t < w.endMs;
}

export const param = (e: ScenarioEvent, name: string, fallback: number): number => e.params[name] ?? fallback;

/** The payment outage's own sub-window: `outageStartHour` hours into the event, `outageHours` long. */
export function outageWindow(w: EventWindow): [number, number] {
  const start = w.startMs + param(w.event, 'outageStartHour', 0) * MS_PER_HOUR;
  return [start, Math.min(w.endMs, start + param(w.event, 'outageHours', w.event.durationHours) * MS_PER_HOUR)];
}

/** Event types whose discount moves demand through the cohorts' price elasticities. */
export function respondsToPrice(e: ScenarioEvent): boolean {
  return e.discountPct > 0 && (e.type === 'flash_sale' || e.type === 'seasonal_campaign');
}

/**
 * Demand multiplier of a discount, per cohort (1 − d)^ε and mixed by cohort share: the part of
 * an event's uplift that follows from its price. The event's own intensity multiplies it.
 */
export function priceUplift(e: ScenarioEvent, cohorts: readonly Cohort[]): { byCohort: number[]; mix: number } {
  if (!respondsToPrice(e)) return { byCohort: cohorts.map(() => 1), mix: 1 };
  const keep = 1 - e.discountPct / 100;
  const byCohort = cohorts.map((c) => keep ** c.priceElasticity);
  const total = cohorts.reduce((a, c) => a + c.share, 0) || 1;
  return { byCohort, mix: cohorts.reduce((a, c, i) => a + (c.share / total) * byCohort[i], 0) };
}

/** Traffic at the event's full height: its intensity times its price uplift. */
export function fullHeight(e: ScenarioEvent, cohorts: readonly Cohort[]): number {
  return e.intensity * priceUplift(e, cohorts).mix;
}

export interface HourEffects {
  orders: number;
  tickets: number;
  delays: number;
  abandonments: number;
}

/**
 * Expected-level multipliers of one hour for the four hourly metrics, all events
 * combined (multiplicatively). Tickets, delays and abandonment follow traffic unless an
 * event sets them: an outage sets ticket and abandonment lifts against the no-event level.
 */
export function hourEffects(windows: readonly EventWindow[], hourStartMs: number, cohorts: readonly Cohort[]): HourEffects {
  const fx: HourEffects = { orders: 1, tickets: 1, delays: 1, abandonments: 1 };
  for (const w of windows) {
    const part = overlap(w, hourStartMs);
    if (part <= 0) continue;
    const e = w.event;
    const traffic = 1 + (fullHeight(e, cohorts) - 1) * shapeAtHour(w, hourStartMs) * part;
    let orders = traffic;
    let tickets = traffic;
    let abandonments = traffic;
    let delays = traffic;
    if (e.type === 'payment_outage') {
      const [os, oe] = outageWindow(w);
      const inOutage = Math.max(0, Math.min(oe, hourStartMs + MS_PER_HOUR) - Math.max(os, hourStartMs)) / MS_PER_HOUR;
      if (inOutage > 0) {
        const drop = param(e, 'orderDropPct', 80) / 100;
        orders = traffic * (1 - drop * inOutage);
        delays = orders;
        tickets = mix(traffic, param(e, 'ticketLift', 3), inOutage);
        abandonments = mix(traffic, param(e, 'abandonmentLift', 3.5), inOutage);
      }
    } else if (e.type === 'viral_moment') {
      tickets = traffic * mix(1, param(e, 'ticketLift', 2), part);
    } else if (e.type === 'supply_disruption') {
      delays = traffic * mix(1, param(e, 'delayLift', 1.5), part);
      abandonments = traffic * mix(1, 1.2, part);
    }
    fx.orders *= orders;
    fx.tickets *= tickets;
    fx.delays *= delays;
    fx.abandonments *= abandonments;
  }
  return fx;
}

function mix(a: number, b: number, share: number): number {
  return a * (1 - share) + b * share;
}

/** Discount (percent) an event gives a line of this category at time t; the largest wins. */
const NO_DISCOUNT = Object.freeze({ pct: 0, event: -1 });

export function discountAt(windows: readonly EventWindow[], category: string, t: number): { readonly pct: number; readonly event: number } {
  // Most lines have no discount: one shared answer, not an object per line.
  let best: { readonly pct: number; readonly event: number } = NO_DISCOUNT;
  for (const w of windows) {
    const e = w.event;
    if (e.discountPct <= 0 || !activeAt(w, t)) continue;
    if (e.categories.length > 0 && !e.categories.includes(category)) continue;
    if (e.discountPct > best.pct) best = { pct: e.discountPct, event: w.index };
  }
  return best;
}

/** Events that run as a marketing campaign: they give a discount, or ride on an influencer. */
export function isCampaignEvent(e: ScenarioEvent): boolean {
  return e.discountPct > 0 || e.type === 'viral_moment';
}

/**
 * Campaign ids: 1 is the always-on coupon programme (when coupons are on); each
 * campaign event follows in event order.
 */
export function campaignIds(scenario: Scenario): { coupon: number | null; byEvent: Map<number, number> } {
  let next = 1;
  const coupon = scenario.orders.couponRate > 0 ? next++ : null;
  const byEvent = new Map<number, number>();
  scenario.events.forEach((e, i) => {
    if (isCampaignEvent(e)) byEvent.set(i, next++);
  });
  return { coupon, byEvent };
}

/** The product a viral_moment makes famous (the seed's skincare set); the catalog gives one product this name. */
export const VIRAL_PRODUCT_NAME = 'Viral Glow Skincare Set';
