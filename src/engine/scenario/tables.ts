// Every table the engine can write, in canonical order.

/** The jaffle shop's tables (seed 004). */
export const JAFFLE_TABLES = [
  'raw_customers_training',
  'raw_signups_training',
  'raw_orders_training',
  'raw_payments_training',
  'raw_customers_validation',
  'raw_signups_validation',
  'raw_orders_validation',
  'raw_payments_validation',
  'stg_app_sessions',
  'stg_website_sessions',
  'stg_google_ads',
  'stg_facebook_ads',
  'stg_instagram_ads',
  'attributions',
] as const;

export const TABLE_NAMES = [
  'customers',
  'suppliers',
  'products',
  'campaigns',
  'orders',
  'order_items',
  'payments',
  'support_tickets',
  'cart_abandonment',
  'returns',
  'system_metrics',
  'hourly_metrics',
  'tenants',
  'weather_daily',
  'shopify_orders',
  'meta_ads',
  'google_ads',
  'klaviyo_events',
  'transactions',
  'customer_labels',
  'daily_metrics',
  'inventory_daily',
  'stockout_events',
  ...JAFFLE_TABLES,
  'dq_faults',
] as const;

/** The e-commerce suite's tables (seed 001); the weather tenants template has its own six. */
export const COMMERCE_TABLES = TABLE_NAMES.slice(0, 12);
export const TENANT_TABLES = TABLE_NAMES.slice(12, 18);
/** The lifecycle template's tables (seed 003); customers is shared with the suite. */
export const LIFECYCLE_TABLES = ['customers', 'transactions', 'customer_labels', 'daily_metrics'] as const satisfies readonly TableName[];
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Tables that come with a section of the scenario, and what a scenario without it is told
 * (E109). The editor offers them only with their section (scenario/applies.ts).
 */
export const SECTION_TABLES = [
  { section: 'lifecycle', tables: ['transactions', 'customer_labels', 'daily_metrics'], refusal: 'transactions, customer_labels and daily_metrics need a lifecycle' },
  { section: 'tenants', tables: TENANT_TABLES, refusal: `${TENANT_TABLES.join(', ')} need tenants` },
  { section: 'inventory', tables: ['inventory_daily', 'stockout_events'], refusal: 'inventory_daily and stockout_events need inventory' },
  { section: 'jaffle', tables: JAFFLE_TABLES, refusal: 'the jaffle shop tables need the jaffle section' },
] as const satisfies readonly { section: string; tables: readonly TableName[]; refusal: string }[];
