import { makeEvent } from '../eventDefaults';
import type { EventType, Scenario } from '../schema';
import { baselineTemplate } from './baseline';

/** Seed 001's scenarios: the baseline store with one event on its calendar. */
function withEvent(name: string, start: string, days: number, type: EventType, eventStart: string): Scenario {
  const s = baselineTemplate();
  return { ...s, name, template: name, calendar: { ...s.calendar, start, days }, events: [makeEvent(type, eventStart)] };
}

export const flashSaleTemplate = () => withEvent('flash_sale', '2024-11-25', 7, 'flash_sale', '2024-11-29T18:00');
export const returnsWaveTemplate = () => withEvent('returns_wave', '2024-12-16', 42, 'returns_wave', '2025-01-02T00:00');
export const supplyDisruptionTemplate = () => withEvent('supply_disruption', '2024-05-01', 42, 'supply_disruption', '2024-05-15T00:00');
export const paymentOutageTemplate = () => withEvent('payment_outage', '2024-03-04', 7, 'payment_outage', '2024-03-07T10:00');
export const viralMomentTemplate = () => withEvent('viral_moment', '2024-04-08', 7, 'viral_moment', '2024-04-10T08:00');
export const customerSegmentsTemplate = () => withEvent('customer_segments', '2024-01-01', 180, 'segment_drift', '2024-01-01T00:00');
export const seasonalPlanningTemplate = () => withEvent('seasonal_planning', '2024-07-01', 90, 'seasonal_campaign', '2024-07-15T00:00');
export const multiChannelTemplate = () => withEvent('multi_channel', '2024-01-01', 120, 'channel_launch', '2024-01-31T00:00');
