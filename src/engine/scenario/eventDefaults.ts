import type { EventType, ScenarioEvent } from './schema';

type EventDefaults = Omit<ScenarioEvent, 'id' | 'start' | 'type'>;

/** Each event type with seed 001's numbers; the palette and the templates start from these. */
export const EVENT_DEFAULTS: Record<EventType, EventDefaults> = {
  flash_sale: {
    label: 'Flash sale',
    durationHours: 4,
    shape: 'spike',
    // The 8.5× peak follows from 70% off through the cohorts' price elasticities (≈ 8.4×).
    intensity: 1,
    discountPct: 70,
    categories: ['electronics'],
    params: { categoryBoostPct: 50, failureRatePct: 8 },
  },
  returns_wave: {
    label: 'Returns wave',
    durationHours: 14 * 24,
    shape: 'step',
    intensity: 1.2,
    discountPct: 0,
    categories: ['electronics', 'clothing'],
    params: { returnRatePct: 24, processingDays: 9 },
  },
  supply_disruption: {
    label: 'Supply disruption',
    durationHours: 14 * 24,
    shape: 'step',
    intensity: 0.8,
    discountPct: 0,
    categories: [],
    params: { affectedSkus: 35, backupCapacityPct: 60, delayLift: 1.5 },
  },
  payment_outage: {
    label: 'Payment gateway outage',
    durationHours: 6,
    shape: 'outage',
    intensity: 1.5,
    discountPct: 0,
    categories: [],
    params: { outageStartHour: 2, outageHours: 2, orderDropPct: 80, failureRatePct: 75, abandonmentLift: 3.5, ticketLift: 3 },
  },
  viral_moment: {
    label: 'Viral skincare moment',
    durationHours: 24,
    shape: 'exp_growth',
    intensity: 2.5,
    discountPct: 0,
    categories: ['beauty'],
    params: { unitCap: 500, peakSharePct: 60, ticketLift: 2 },
  },
  segment_drift: {
    label: 'Gen Z growth',
    durationHours: 180 * 24,
    shape: 'ramp',
    intensity: 1,
    discountPct: 0,
    categories: [],
    params: { cohortIndex: 0, shiftPct: 15 },
  },
  seasonal_campaign: {
    label: 'Back to school',
    durationHours: 60 * 24,
    shape: 'step',
    // Season × price: 1.36 × (15% off ≈ 1.33×) gives the seed's 1.8×.
    intensity: 1.36,
    discountPct: 15,
    categories: ['electronics', 'clothing', 'books'],
    params: { categoryBoostPct: 30, regionalSpreadPct: 30 },
  },
  channel_launch: {
    label: 'Mobile app launch',
    durationHours: 90 * 24,
    shape: 'ramp',
    intensity: 1.18,
    discountPct: 0,
    categories: [],
    params: { migrationSharePct: 35, cannibalizationPct: 15 },
  },
};

export function makeEvent(type: EventType, start: string, id: string = type): ScenarioEvent {
  return { id, type, start, ...structuredClone(EVENT_DEFAULTS[type]) };
}
