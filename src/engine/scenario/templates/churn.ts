import { LIFECYCLE_TABLES, type Cohort, type Scenario, type Segment } from '../schema';
import { baselineTemplate } from './baseline';

export const CHURN_SIZES = {
  small: { customers: 1_000, days: 180, purchasesPerMonth: 1.85, label: 'Small: 1,000 customers × ~10 purchases, 180 days' },
  medium: { customers: 10_000, days: 365, purchasesPerMonth: 1.38, label: 'Medium: 10,000 × ~15, 365 days' },
  large: { customers: 100_000, days: 730, purchasesPerMonth: 0.93, label: 'Large: 100,000 × ~20, 730 days' },
} as const;
export type ChurnSize = keyof typeof CHURN_SIZES;

const mixes = (channel: Record<string, number>): Cohort['mixes'] => ({
  acquisition: { organic: 40, paid_search: 30, referral: 30 },
  channel,
  payment: { card: 70, paypal: 20, gift_card: 10 },
  support: { email: 50, chat: 30, phone: 20 },
});

/** SPEC T4's four segments. "High/medium/low" frequency and spend are ours in numbers. */
function segmentCohorts(): { cohorts: Cohort[]; segments: Record<string, Segment> } {
  const rows: [string, string, number, number, number, Segment, Record<string, number>][] = [
    ['young_active', 'Young active', 25, 23, 33, { tenureMonthsMin: 6, tenureMonthsMax: 24, frequency: 1.6, meanAmount: 60, churnRisk: 'low' }, { app: 55, web: 35, store: 10 }],
    ['mid_stable', 'Mid stable', 40, 34, 50, { tenureMonthsMin: 24, tenureMonthsMax: 60, frequency: 1, meanAmount: 120, churnRisk: 'low' }, { web: 50, app: 25, store: 25 }],
    ['senior_declining', 'Senior declining', 20, 51, 65, { tenureMonthsMin: 36, tenureMonthsMax: 84, frequency: 0.5, meanAmount: 60, churnRisk: 'high' }, { store: 50, web: 45, app: 5 }],
    ['new_customer', 'New customer', 15, 25, 45, { tenureMonthsMin: 0, tenureMonthsMax: 3, frequency: 0.7, meanAmount: 30, churnRisk: 'medium' }, { web: 45, app: 40, store: 15 }],
  ];
  return {
    cohorts: rows.map(([id, label, share, ageMin, ageMax, , channel]) => ({ id, label, share, ageMin, ageMax, priceElasticity: -1.6, mixes: mixes(channel) })),
    segments: Object.fromEntries(rows.map(([id, , , , , seg]) => [id, seg])),
  };
}

/** Seed 003: a churn feature store's raw tables, at one of the seed's three sizes. */
export function churnFeatureStoreTemplate(size: ChurnSize = 'small'): Scenario {
  const s = baselineTemplate();
  const { cohorts, segments } = segmentCohorts();
  return withChurnSize(
    {
      ...s,
      name: 'churn_feature_store',
      template: 'churn_feature_store',
      calendar: { ...s.calendar, start: '2024-01-01' },
      cohorts,
      lifecycle: {
        churnRatePct: 15,
        inactivityDays: 60,
        purchasesPerMonth: 1,
        signupsPerDay: 0,
        newCohort: 'new_customer',
        calibrationDays: null,
        segments,
      },
      tables: [...LIFECYCLE_TABLES],
    },
    size,
  );
}

/** Sets customers, days, purchase rate and signups (15% a year) to a size preset. */
export function withChurnSize(s: Scenario, size: ChurnSize): Scenario {
  const p = CHURN_SIZES[size];
  return {
    ...s,
    calendar: { ...s.calendar, days: p.days },
    volumes: { ...s.volumes, customers: p.customers },
    lifecycle: s.lifecycle && { ...s.lifecycle, purchasesPerMonth: p.purchasesPerMonth, signupsPerDay: Math.round((p.customers * 0.15 * 100) / 365) / 100 },
  };
}
