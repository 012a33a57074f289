import { z } from 'zod';
import { coded } from './errors';
import { count, mixSchema, percent } from './fields';
import { TABLE_NAMES } from './tables';

// The optional sections of a scenario: lifecycle (seed 003), inventory (seed 002), the
// jaffle shop (seed 004), and data-quality faults.

export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];

/** How one cohort behaves over its lifetime when the lifecycle is on (SPEC T4's segment table). */
export const segmentSchema = z.strictObject(
  {
    /** Tenure at the calendar's start, in months: customer_since falls that far back. */
    tenureMonthsMin: z.number(coded('E100', 'tenure must be a number')).min(0, coded('E101', 'tenure must be ≥ 0 months')).max(600, coded('E101', 'tenure must be ≤ 600 months')),
    tenureMonthsMax: z.number(coded('E100', 'tenure must be a number')).min(0, coded('E101', 'tenure must be ≥ 0 months')).max(600, coded('E101', 'tenure must be ≤ 600 months')),
    /** Purchase frequency relative to the lifecycle's average (1 = average). */
    frequency: z.number(coded('E100', 'frequency must be a number')).min(0.01, coded('E101', 'frequency must be ≥ 0.01')).max(20, coded('E101', 'frequency must be ≤ 20')),
    /** Mean purchase amount in dollars while active. */
    meanAmount: z.number(coded('E100', 'mean amount must be a number')).min(1, coded('E101', 'mean amount must be ≥ 1')).max(5000, coded('E101', 'mean amount must be ≤ 5,000')),
    churnRisk: z.enum(CHURN_RISKS, coded('E109', `churn risk must be one of ${CHURN_RISKS.join(', ')}`)),
  },
  coded('E109', 'unknown field in segment'),
);
export type Segment = z.infer<typeof segmentSchema>;

export const lifecycleSchema = z.strictObject(
  {
    /** Target share of customers labelled churned at the end of the calibration horizon. */
    churnRatePct: z.number(coded('E100', 'churn rate must be a number')).min(0, coded('E101', 'churn rate must be 0-80')).max(80, coded('E101', 'churn rate must be 0-80')),
    /** No purchase in this many days (plus low spend) is churn. */
    inactivityDays: count('inactivity days', 7, 365),
    /** Average purchases per month of an active customer (segments scale it). */
    purchasesPerMonth: z.number(coded('E100', 'purchases per month must be a number')).min(0.05, coded('E101', 'purchases per month must be ≥ 0.05')).max(60, coded('E101', 'purchases per month must be ≤ 60')),
    /** New customers per day during the calendar (all in the new-customer segment). */
    signupsPerDay: z.number(coded('E100', 'signups per day must be a number')).min(0, coded('E101', 'signups per day must be ≥ 0')).max(1_000_000, coded('E101', 'signups per day must be ≤ 1,000,000')),
    /** The cohort that new signups join. */
    newCohort: z.string(),
    /**
     * Days the churn hazard is calibrated over; null = the calendar. A continued run keeps
     * the first run's, so continuing never changes the days already generated.
     */
    calibrationDays: count('calibration days', 1, 3660).nullable(),
    /** Per cohort id. */
    segments: z.record(z.string(), segmentSchema),
  },
  coded('E109', 'unknown field in lifecycle'),
);
export type Lifecycle = z.infer<typeof lifecycleSchema>;

export const SNAPSHOT_GRANULARITIES = ['daily', 'weekly', 'on_change'] as const;
export type SnapshotGranularity = (typeof SNAPSHOT_GRANULARITIES)[number];

/** Stock locations: the stores, the warehouses and the online channel's own (each product is stocked at every one). */
export function locationCount(inv: Inventory): number {
  return inv.stores + inv.warehouses + (inv.online ? 1 : 0);
}

/** Stock per product × location that every sale must find (seed 002). */
export const inventorySchema = z.strictObject(
  {
    stores: count('stores', 0, 1000),
    warehouses: count('warehouses', 0, 100),
    /** One location for the online channel's own stock. */
    online: z.boolean(coded('E109', 'online must be true or false')),
    /** Every position gets a delivery every this many days (on its own weekday). */
    replenishEveryDays: count('replenishment cadence', 1, 90),
    /** An order is placed this many days before each delivery, for the order-up-to level minus stock then. */
    leadTimeDays: count('lead time', 0, 89),
    /** Order-up-to levels are set so that about this share of positions is out of stock on an average day. */
    targetStockoutPct: z.number(coded('E100', 'target stockout rate must be a number')).min(0.5, coded('E101', 'target stockout rate must be 0.5-50')).max(50, coded('E101', 'target stockout rate must be 0.5-50')),
    /** Stock at or below this many units is "low": carts holding it are abandoned 10 points more often. */
    lowStockUnits: count('low-stock threshold', 0, 1000),
    restockDaysMin: count('restock delay', 0, 30),
    restockDaysMax: count('restock delay', 0, 30),
    snapshot: z.enum(SNAPSHOT_GRANULARITIES, coded('E109', `snapshot must be one of ${SNAPSHOT_GRANULARITIES.join(', ')}`)),
  },
  coded('E109', 'unknown field in inventory'),
);
export type Inventory = z.infer<typeof inventorySchema>;

export const JAFFLE_ANOMALY_KINDS = ['volume_spike', 'volume_drop', 'payment_shift', 'duplicate_orders', 'null_emails', 'late_rows'] as const;
export type JaffleAnomalyKind = (typeof JAFFLE_ANOMALY_KINDS)[number];

/** A drift or anomaly of the validation dataset: volume × value on `day`, value points moved to `method`, or value % of rows. */
export const jaffleAnomalySchema = z.strictObject(
  {
    kind: z.enum(JAFFLE_ANOMALY_KINDS, coded('E109', `anomaly must be one of ${JAFFLE_ANOMALY_KINDS.join(', ')}`)),
    day: count('anomaly day', 0, 3659),
    value: z.number(coded('E100', 'anomaly value must be a number')).min(0, coded('E101', 'anomaly value must be 0-100')).max(100, coded('E101', 'anomaly value must be 0-100')),
    method: z.string(),
  },
  coded('E109', 'unknown field in anomaly'),
);
export type JaffleAnomaly = z.infer<typeof jaffleAnomalySchema>;

/** Seed 004's online jaffle shop: volumes per run, attribution, and the validation set's drift. */
export const jaffleSchema = z.strictObject(
  {
    customersPerRun: count('customers per run', 1, 10_000_000),
    ordersPerCustomer: z.number(coded('E100', 'orders per customer must be a number')).min(1, coded('E101', 'orders per customer must be 1-100')).max(100, coded('E101', 'orders per customer must be 1-100')),
    sessionsPerRun: count('sessions per run', 0, 50_000_000),
    validationPct: percent('validation size'),
    growthPctPerDay: z.number(coded('E100', 'growth must be a number')).min(-10, coded('E101', 'growth must be -10 to 10 % a day')).max(10, coded('E101', 'growth must be -10 to 10 % a day')),
    attributionWindowDays: z.union([z.literal(1), z.literal(7)], coded('E101', 'the attribution window is 1 or 7 days')),
    sameDayPct: percent('same-day conversions'),
    appSessionPct: percent('app sessions'),
    paymentMix: mixSchema,
    anomalies: z.array(jaffleAnomalySchema),
  },
  coded('E109', 'unknown field in jaffle'),
);
export type Jaffle = z.infer<typeof jaffleSchema>;

export const FAULT_KINDS = ['null', 'out_of_range', 'negative_amount', 'duplicate_row', 'orphan_fk', 'typo', 'timezone_shift', 'late_arriving'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z.strictObject(
  {
    table: z.enum(TABLE_NAMES, coded('E109', `table must be one of ${TABLE_NAMES.join(', ')}`)),
    kind: z.enum(FAULT_KINDS, coded('E109', `fault kind must be one of ${FAULT_KINDS.join(', ')}`)),
    /** Share of the table's rows that get this fault. */
    ratePct: z.number(coded('E100', 'fault rate must be a number')).min(0, coded('E101', 'fault rate must be 0-50')).max(50, coded('E101', 'fault rate must be 0-50')),
    /** The column to corrupt; empty = any column that can take this kind. */
    column: z.string(),
  },
  coded('E109', 'unknown field in fault'),
);
export type FaultSpec = z.infer<typeof faultSchema>;
