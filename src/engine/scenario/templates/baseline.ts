import { DEFAULT_CORRELATIONS, DEFAULT_SERVICE } from '../defaults';
import { COMMERCE_TABLES, SCHEMA_VERSION, type Cohort, type Scenario } from '../schema';

/**
 * The four generational cohorts of the e-commerce suite (SPEC T2). Where the seed says
 * "balanced" the mix is even over all options; "between the neighbours" is the mean of
 * Millennials and Boomers, rounded to one decimal so each mix sums to exactly 100.
 * Price elasticities (ours; the seed has none): younger cohorts respond more to discounts;
 * with these shares a 70% discount lifts demand about 8.5×, the seed's flash-sale peak.
 */
export function generationalCohorts(): Cohort[] {
  return [
    {
      id: 'gen_z',
      label: 'Gen Z',
      share: 28,
      ageMin: 18,
      ageMax: 28,
      priceElasticity: -2.0,
      mixes: {
        acquisition: { paid_social: 40, influencer: 35, organic: 25 },
        channel: { app: 50, mobile_web: 30, web: 20 },
        payment: { card: 40, bnpl: 40, upi: 20 },
        support: { chat: 50, whatsapp: 30, social: 20 },
      },
    },
    {
      id: 'millennials',
      label: 'Millennials',
      share: 35,
      ageMin: 29,
      ageMax: 44,
      priceElasticity: -1.8,
      mixes: {
        acquisition: { paid_social: 16.7, influencer: 16.7, organic: 16.7, paid_search: 16.7, direct: 16.6, referral: 16.6 },
        channel: { web: 40, mobile_web: 35, app: 25 },
        payment: { card: 60, upi: 25, cod: 15 },
        support: { email: 40, chat: 40, phone: 20 },
      },
    },
    {
      id: 'gen_x',
      label: 'Gen X',
      share: 25,
      ageMin: 45,
      ageMax: 60,
      priceElasticity: -1.6,
      mixes: {
        acquisition: { paid_social: 8.3, influencer: 8.3, organic: 23.3, paid_search: 8.4, direct: 33.4, referral: 18.3 },
        channel: { web: 55, mobile_web: 32.5, app: 12.5 },
        payment: { card: 60, upi: 25, cod: 15 },
        support: { email: 35, chat: 20, phone: 45 },
      },
    },
    {
      id: 'boomers',
      label: 'Boomers',
      share: 12,
      ageMin: 61,
      ageMax: 80,
      priceElasticity: -1.2,
      mixes: {
        acquisition: { direct: 50, organic: 30, referral: 20 },
        channel: { web: 70, mobile_web: 30 },
        payment: { card: 60, upi: 25, cod: 15 },
        support: { phone: 70, email: 30 },
      },
    },
  ];
}

/** Seed 001's baseline: 30 days, 2,500 orders a day, 10,000 customers, 1.0× intensity. */
export function baselineTemplate(): Scenario {
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'baseline',
    template: 'baseline',
    seed: 1,
    calendar: { start: '2024-03-01', days: 30, timezone: 'UTC' },
    volumes: { customers: 10_000, ordersPerDay: 2_500, suppliers: 40, products: 2_000 },
    cohorts: generationalCohorts(),
    catalog: {
      priceSigma: 0.55,
      categories: {
        electronics: { share: 18, medianPrice: 180 },
        clothing: { share: 22, medianPrice: 35 },
        home: { share: 15, medianPrice: 45 },
        beauty: { share: 12, medianPrice: 22 },
        books: { share: 10, medianPrice: 14 },
        sports: { share: 10, medianPrice: 50 },
        toys: { share: 8, medianPrice: 25 },
        grocery: { share: 5, medianPrice: 9 },
      },
    },
    orders: { meanExtraItems: 1.4, couponRate: 12, couponPercent: 10, paymentFailureRate: 2, cancelRate: 2 },
    events: [],
    tenants: [],
    service: { ...DEFAULT_SERVICE },
    correlations: structuredClone(DEFAULT_CORRELATIONS),
    lifecycle: null,
    inventory: null,
    jaffle: null,
    quality: { faults: [] },
    tables: [...COMMERCE_TABLES],
  };
}
