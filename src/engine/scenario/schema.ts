import { z } from 'zod';
import { coded } from './errors';
import { count, isoDate, isoMinute, keyName, mixSchema, nameText, percent, plainText, round1, SHARE_TOLERANCE, sumShares, withCommas } from './fields';
import { inventorySchema, jaffleSchema, lifecycleSchema, faultSchema, locationCount, type Lifecycle } from './sections';
import { SECTION_TABLES, TABLE_NAMES } from './tables';
import { hasSection } from './applies';
import { customColumnSchema } from './customColumns';

export { mixSchema, type Mix } from './fields';
export * from './sections';
export * from './tables';
export * from './customColumns';

export const SCHEMA_VERSION = 4;

/** The longest calendar a scenario may have: ten years. */
export const MAX_DAYS = 3660;

export const MIX_KINDS = ['acquisition', 'channel', 'payment', 'support'] as const;
export type MixKind = (typeof MIX_KINDS)[number];

export const cohortSchema = z.strictObject(
  {
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, coded('E109', 'cohort id must be lower_snake_case')),
    label: nameText('cohort label'),
    share: percent('share'),
    ageMin: count('minimum age', 18, 100),
    ageMax: count('maximum age', 18, 100),
    /** Price elasticity of demand: demand × (1 − discount)^elasticity, so −1.8 turns 70% off into 8.7×. */
    priceElasticity: z.number(coded('E100', 'price elasticity must be a number')).min(-5, coded('E101', 'price elasticity must be -5 to 0')).max(0, coded('E101', 'price elasticity must be -5 to 0')),
    mixes: z.strictObject({
      acquisition: mixSchema,
      channel: mixSchema,
      payment: mixSchema,
      support: mixSchema,
    }),
  },
  coded('E109', 'unknown field in cohort'),
);

export type Cohort = z.infer<typeof cohortSchema>;

export const categorySchema = z.strictObject({
  share: percent('category share'),
  medianPrice: z.number().positive(coded('E101', 'median price must be positive')).max(1e6),
});


export const EVENT_TYPES = [
  'flash_sale',
  'returns_wave',
  'supply_disruption',
  'payment_outage',
  'viral_moment',
  'segment_drift',
  'seasonal_campaign',
  'channel_launch',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_SHAPES = ['spike', 'exp_growth', 'step', 'ramp', 'outage'] as const;
export type EventShape = (typeof EVENT_SHAPES)[number];

/** The hourly metrics whose correlations a scenario targets, in matrix order. */
export const CORRELATED_METRICS = ['orders', 'support_tickets', 'delivery_delays', 'cart_abandonments'] as const;


export const eventSchema = z.strictObject(
  {
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, coded('E109', 'event id must be lower_snake_case')),
    type: z.enum(EVENT_TYPES, coded('E109', `event type must be one of ${EVENT_TYPES.join(', ')}`)),
    label: nameText('event label'),
    start: isoMinute,
    durationHours: z.number(coded('E100', 'duration must be a number')).positive(coded('E101', 'duration must be more than 0 hours')).max(24 * MAX_DAYS, coded('E101', `duration must be at most ${withCommas(24 * MAX_DAYS)} hours (the longest calendar, ten years)`)),
    shape: z.enum(EVENT_SHAPES, coded('E109', `shape must be one of ${EVENT_SHAPES.join(', ')}`)),
    /** Traffic multiplier at the event's peak (1 = no change in traffic). */
    intensity: z.number(coded('E100', 'intensity must be a number')).min(0, coded('E101', 'intensity must be ≥ 0')).max(100, coded('E101', 'intensity must be ≤ 100')),
    // Demand follows (1 − discount)^elasticity (model/events.ts): at 100% off it has no finite value.
    discountPct: percent('discount', 99, ': at 100% off the price is zero, and demand (1 − discount)^elasticity has no finite value'),
    /** Categories the discount, returns or shortage apply to; empty = all. */
    categories: z.array(keyName),
    /** Numbers particular to the event type (see docs/events.md). */
    params: z.record(keyName, z.number(coded('E100', 'event parameter must be a number')).min(-1e6, coded('E101', 'event parameter must be from -1,000,000 to 1,000,000')).max(1e6, coded('E101', 'event parameter must be from -1,000,000 to 1,000,000'))),
  },
  coded('E109', 'unknown field in event'),
);
export type ScenarioEvent = z.infer<typeof eventSchema>;

export const tenantSchema = z.strictObject(
  {
    // It names the tenant's folder (--split-tenants): as long as a scenario's name at most.
    id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, coded('E109', 'tenant id must be lower_snake_case, 1-64 characters')),
    category: plainText('tenant category').min(1, coded('E109', 'tenant category is required')),
    baseRevenue: z.number(coded('E100', 'base revenue must be a number')).positive(coded('E101', 'base revenue must be more than 0')).max(1e8, coded('E101', 'base revenue is too large')),
    /** Relative change in expected daily revenue per standard deviation of temperature anomaly. */
    tempElasticity: z.number(coded('E100', 'elasticity must be a number')).min(-2, coded('E101', 'elasticity must be -2 to 2')).max(2, coded('E101', 'elasticity must be -2 to 2')),
    precipElasticity: z.number(coded('E100', 'elasticity must be a number')).min(-2, coded('E101', 'elasticity must be -2 to 2')).max(2, coded('E101', 'elasticity must be -2 to 2')),
    latitude: z.number(coded('E100', 'latitude must be a number')).min(-70, coded('E101', 'latitude must be -70 to 70')).max(70, coded('E101', 'latitude must be -70 to 70')),
    // Bounded so that every derived amount (revenue, ad spend, order counts) stays finite and exact in cents.
    averageOrderValue: z.number(coded('E100', 'average order value must be a number')).min(1, coded('E101', 'average order value must be at least 1')).max(100_000, coded('E101', 'average order value must be at most 100,000')),
    products: z.array(nameText('product name')).min(1, coded('E109', 'a tenant sells at least one product')),
  },
  coded('E109', 'unknown field in tenant'),
);
export type Tenant = z.infer<typeof tenantSchema>;


const unitInterval = (what: string) => z.number(coded('E100', `${what} must be a number`)).min(-1, coded('E101', `${what} must be -1 to 1`)).max(1, coded('E101', `${what} must be -1 to 1`));

export const scenarioSchema = z
  .strictObject(
    {
      schemaVersion: z.literal(SCHEMA_VERSION, coded('E106', `schema version must be ${SCHEMA_VERSION}`)),
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, coded('E109', 'use 1-64 of A-Z, a-z, 0-9, _ and - (it names the exported files; no spaces or accents), such as my_store_2024')),
      template: z.string(),
      seed: count('seed', 0, 2 ** 31 - 1),
      calendar: z.strictObject({
        start: isoDate,
        days: z
          .number(coded('E100', 'days must be a number'))
          .int(coded('E101', 'days must be a whole number'))
          .min(1, coded('E103', 'days must be at least 1'))
          .max(MAX_DAYS, coded('E101', `days must be at most ${withCommas(MAX_DAYS)}`)),
        timezone: z.literal('UTC', coded('E109', 'only UTC is supported')),
      }),
      volumes: z.strictObject({
        customers: count('customers', 1, 50_000_000),
        ordersPerDay: count('orders per day', 0, 10_000_000),
        suppliers: count('suppliers', 1, 100_000),
        products: count('products', 1, 5_000_000),
      }),
      cohorts: z.array(cohortSchema).min(1, coded('E102', 'at least one cohort')),
      catalog: z.strictObject({
        priceSigma: z.number().min(0, coded('E101', 'price spread must be ≥ 0')).max(3, coded('E101', 'price spread must be ≤ 3')),
        categories: z.record(keyName, categorySchema).refine((c) => Object.keys(c).length > 0, coded('E102', 'at least one category')),
      }),
      orders: z.strictObject({
        meanExtraItems: z.number().min(0, coded('E101', 'mean extra items must be ≥ 0')).max(20, coded('E101', 'mean extra items must be ≤ 20')),
        couponRate: percent('coupon rate'),
        couponPercent: percent('coupon discount'),
        paymentFailureRate: percent('payment failure rate'),
        cancelRate: percent('cancel rate'),
      }),
      events: z.array(eventSchema),
      tenants: z.array(tenantSchema),
      service: z.strictObject({
        ticketsPerOrder: z.number().min(0, coded('E101', 'tickets per order must be ≥ 0')).max(5, coded('E101', 'tickets per order must be ≤ 5')),
        lateSharePct: percent('late deliveries'),
        abandonmentsPerOrder: z.number().min(0, coded('E101', 'abandonments per order must be ≥ 0')).max(20, coded('E101', 'abandonments per order must be ≤ 20')),
        returnRatePct: percent('return rate'),
        promiseDays: count('promised delivery days', 1, 60),
      }),
      correlations: z.strictObject({
        /** Symmetric, unit diagonal, in CORRELATED_METRICS order. */
        matrix: z.array(z.array(unitInterval('correlation')).length(4, coded('E109', 'the matrix has 4 columns'))).length(4, coded('E109', 'the matrix has 4 rows')),
        /** Spread of the hourly deviations (log scale) that carry the correlations. */
        hourlySigma: z.number().min(0.01, coded('E101', 'hourly spread must be ≥ 0.01')).max(1, coded('E101', 'hourly spread must be ≤ 1')),
      }),
      lifecycle: lifecycleSchema.nullable(),
      inventory: inventorySchema.nullable(),
      jaffle: jaffleSchema.nullable(),
      quality: z.strictObject({ faults: z.array(faultSchema) }),
      /** The user's own columns (engine/custom/); absent in files that have none. */
      customColumns: z.array(customColumnSchema).max(100, coded('E101', 'at most 100 custom columns')).optional(),
      /** dq_faults is not chosen: it comes with the faults. */
      tables: z
        .array(z.enum(TABLE_NAMES, coded('E109', `table must be one of ${TABLE_NAMES.join(', ')}`)).refine((t): boolean => t !== 'dq_faults', coded('E109', 'dq_faults comes with data-quality faults; it is not chosen')))
        .min(1, coded('E101', 'choose at least one table')),
    },
    coded('E109', 'unknown field'),
  )
  .superRefine((s, ctx) => {
    const total = sumShares(s.cohorts.map((c) => c.share));
    if (Math.abs(total - 100) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['cohorts'], message: `E102|cohort shares sum to ${round1(total)}, not 100` });
    }
    const cats = sumShares(Object.values(s.catalog.categories).map((c) => c.share));
    if (Math.abs(cats - 100) > SHARE_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['catalog', 'categories'], message: `E102|category shares sum to ${round1(cats)}, not 100` });
    }
    const ids = new Set<string>();
    s.events.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: `E109|event id "${e.id}" is used twice` });
      ids.add(e.id);
      for (const c of e.categories) {
        if (!(c in s.catalog.categories)) ctx.addIssue({ code: 'custom', path: ['events', i, 'categories'], message: `E109|unknown category "${c}"` });
      }
    });
    const m = s.correlations.matrix;
    // These checks also run when a field inside failed: a matrix of the wrong shape is reported, not read.
    const square = Array.isArray(m) && m.length === 4 && m.every((row) => Array.isArray(row) && row.length === 4);
    if (!square) ctx.addIssue({ code: 'custom', path: ['correlations', 'matrix'], message: 'E101|the matrix must have 4 rows of 4 numbers' });
    for (let i = 0; square && i < 4; i++) {
      if (m[i][i] !== 1) ctx.addIssue({ code: 'custom', path: ['correlations', 'matrix', i, i], message: 'E101|the diagonal must be 1' });
      for (let j = 0; j < i; j++) {
        if (m[i][j] !== m[j][i]) ctx.addIssue({ code: 'custom', path: ['correlations', 'matrix', i, j], message: 'E101|the matrix must be symmetric' });
      }
    }
    s.cohorts.forEach((c, i) => {
      if (c.ageMin > c.ageMax) ctx.addIssue({ code: 'custom', path: ['cohorts', i, 'ageMax'], message: 'E101|maximum age is below the minimum' });
    });
    for (const { section, tables, refusal } of SECTION_TABLES) {
      if (!hasSection(s, section) && s.tables.some((t) => (tables as readonly string[]).includes(t))) ctx.addIssue({ code: 'custom', path: ['tables'], message: `E109|${refusal}` });
    }
    if (s.inventory) {
      const inv = s.inventory;
      if (locationCount(inv) === 0) ctx.addIssue({ code: 'custom', path: ['inventory', 'stores'], message: 'E101|inventory needs at least one location' });
      if (inv.leadTimeDays >= inv.replenishEveryDays) ctx.addIssue({ code: 'custom', path: ['inventory', 'leadTimeDays'], message: 'E101|lead time must be shorter than the replenishment cadence' });
      if (inv.restockDaysMin > inv.restockDaysMax) ctx.addIssue({ code: 'custom', path: ['inventory', 'restockDaysMax'], message: 'E101|longest restock delay is below the shortest' });
    }
    s.jaffle?.anomalies.forEach((a, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['jaffle', 'anomalies', i, field], message });
      if ((a.kind === 'volume_spike' || a.kind === 'volume_drop') && a.day >= s.calendar.days) at('day', `E101|day ${a.day} is past the calendar's ${s.calendar.days} days`);
      if (a.kind === 'volume_spike' && a.value <= 1) at('value', 'E101|a spike multiplies the day by more than 1');
      if (a.kind === 'volume_drop' && a.value >= 1) at('value', 'E101|a drop multiplies the day by less than 1');
      if (a.kind === 'payment_shift' && !(a.method in s.jaffle!.paymentMix)) at('method', `E109|no payment method "${a.method}"`);
      if ((a.kind === 'duplicate_orders' || a.kind === 'null_emails' || a.kind === 'late_rows') && a.value > 50) at('value', 'E101|at most 50% of rows');
    });
    if (s.lifecycle) checkLifecycle(s.lifecycle, s.cohorts, (path, message) => ctx.addIssue({ code: 'custom', path: ['lifecycle', ...path], message }));
    const faultRates = new Map<string, number>();
    s.quality.faults.forEach((f, i) => {
      const total = (faultRates.get(f.table) ?? 0) + f.ratePct;
      faultRates.set(f.table, total);
      if (!s.tables.includes(f.table)) ctx.addIssue({ code: 'custom', path: ['quality', 'faults', i, 'table'], message: `E109|${f.table} is not among the scenario's tables` });
      if (total > 50) ctx.addIssue({ code: 'custom', path: ['quality', 'faults', i, 'ratePct'], message: `E101|faults on ${f.table} add up to ${round1(total)}% of its rows; at most 50%` });
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;

function checkLifecycle(l: Lifecycle, cohorts: readonly Cohort[], issue: (path: (string | number)[], message: string) => void): void {
  for (const c of cohorts) {
    const seg = l.segments[c.id];
    if (!seg) issue(['segments', c.id], `E109|cohort "${c.id}" has no lifecycle segment`);
    else if (seg.tenureMonthsMin > seg.tenureMonthsMax) issue(['segments', c.id, 'tenureMonthsMax'], 'E101|maximum tenure is below the minimum');
  }
  for (const id of Object.keys(l.segments)) if (!cohorts.some((c) => c.id === id)) issue(['segments', id], `E109|no cohort "${id}"`);
  if (!cohorts.some((c) => c.id === l.newCohort)) issue(['newCohort'], `E109|no cohort "${l.newCohort}" for new signups`);
}
