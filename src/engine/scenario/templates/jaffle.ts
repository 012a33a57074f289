import { JAFFLE_TABLES, type Scenario } from '../schema';
import { baselineTemplate } from './baseline';

/**
 * Seed 004: the jaffle shop goes online. 30 days back from the start of June 2024;
 * ~2,000 customers and ~15,000 orders a run, ~3,000 sessions, ~14,000 ad rows, and a
 * validation set a tenth the size that drifts: a volume spike on day 20, gift cards
 * up 15 points, and a few duplicate orders, missing emails and late rows.
 */
export function jaffleShopTemplate(): Scenario {
  const s = baselineTemplate();
  return {
    ...s,
    name: 'jaffle_shop',
    template: 'jaffle_shop',
    calendar: { ...s.calendar, start: '2024-05-02', days: 30 },
    jaffle: {
      customersPerRun: 2_000,
      ordersPerCustomer: 7.5,
      sessionsPerRun: 3_000,
      validationPct: 10,
      growthPctPerDay: 1,
      attributionWindowDays: 1,
      sameDayPct: 70,
      appSessionPct: 45,
      paymentMix: { credit_card: 45, bank_transfer: 20, coupon: 15, gift_card: 20 },
      anomalies: [
        { kind: 'volume_spike', day: 20, value: 3, method: '' },
        { kind: 'payment_shift', day: 0, value: 15, method: 'gift_card' },
        { kind: 'duplicate_orders', day: 0, value: 1, method: '' },
        { kind: 'null_emails', day: 0, value: 2, method: '' },
      ],
    },
    tables: [...JAFFLE_TABLES],
  };
}
