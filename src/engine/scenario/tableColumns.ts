import type { ColumnType } from '../table';
import type { Scenario } from './schema';
import { JAFFLE_TABLES, type TableName } from './tables';

/**
 * Every table's built-in columns and how they are stored, known before a run: the custom
 * column editor offers them, and a custom column's expression is type-checked against them
 * while the user types. tableColumns.test.ts checks this against what every template makes.
 */
export const TABLE_COLUMNS: Record<Exclude<TableName, 'dq_faults'>, Readonly<Record<string, ColumnType>>> = {
  customers: { customer_id: 'int32', cohort: 'dict', first_name: 'dict', last_name: 'dict', email: 'string', age: 'int32', city: 'dict', region: 'dict', customer_since: 'date', acquisition_channel: 'dict', preferred_channel: 'dict', payment_method: 'dict', support_channel: 'dict' },
  suppliers: { supplier_id: 'int32', name: 'string', reliability: 'fixed' },
  products: { product_id: 'int32', supplier_id: 'int32', category: 'dict', name: 'string', price: 'fixed' },
  campaigns: { campaign_id: 'int32', name: 'string', channel: 'dict', start_at: 'timestamp', end_at: 'timestamp', discount_pct: 'fixed', category: 'dict' },
  orders: { order_id: 'int32', customer_id: 'int32', created_at: 'timestamp', channel: 'dict', payment_method: 'dict', status: 'dict', item_count: 'int32', subtotal: 'fixed', discount: 'fixed', total: 'fixed', promised_at: 'timestamp', delivered_at: 'timestamp', campaign_id: 'int32' },
  order_items: { order_id: 'int32', line_no: 'int32', product_id: 'int32', quantity: 'int32', unit_price: 'fixed', discount: 'fixed', fulfilled_by: 'dict' },
  payments: { payment_id: 'int32', order_id: 'int32', created_at: 'timestamp', method: 'dict', status: 'dict', amount: 'fixed' },
  support_tickets: { ticket_id: 'int32', customer_id: 'int32', order_id: 'int32', created_at: 'timestamp', channel: 'dict', reason: 'dict', resolved_at: 'timestamp' },
  cart_abandonment: { cart_id: 'int32', customer_id: 'int32', created_at: 'timestamp', item_count: 'int32', cart_value: 'fixed', reason: 'dict' },
  returns: { return_id: 'int32', order_id: 'int32', created_at: 'timestamp', reason: 'dict', refund_amount: 'fixed', processed_at: 'timestamp' },
  system_metrics: { minute: 'timestamp', requests: 'int32', p95_latency_ms: 'int32', error_rate: 'fixed', gateway_failures: 'int32' },
  hourly_metrics: { hour: 'timestamp', orders: 'int32', support_tickets: 'int32', delivery_delays: 'int32', cart_abandonments: 'int32', expected_orders: 'fixed', expected_support_tickets: 'fixed', expected_delivery_delays: 'fixed', expected_cart_abandonments: 'fixed' },
  tenants: { tenant_id: 'dict', category: 'dict', base_revenue: 'fixed', temp_elasticity: 'fixed', precip_elasticity: 'fixed', latitude: 'fixed' },
  weather_daily: { tenant_id: 'dict', date: 'date', temp_c: 'fixed', precip_mm: 'fixed', temp_roll7: 'fixed', precip_roll7: 'fixed', temp_anomaly: 'fixed', precip_anomaly: 'fixed' },
  shopify_orders: { tenant_id: 'dict', date: 'date', timestamp: 'timestamp', order_id: 'int32', product: 'dict', quantity: 'int32', order_value: 'fixed', net_revenue: 'fixed' },
  meta_ads: { tenant_id: 'dict', date: 'date', campaign_id: 'dict', platform: 'dict', spend: 'fixed', impressions: 'int32', clicks: 'int32', conversions: 'int32', attributed_revenue: 'fixed', roas: 'fixed' },
  google_ads: { tenant_id: 'dict', date: 'date', campaign_id: 'dict', platform: 'dict', spend: 'fixed', impressions: 'int32', clicks: 'int32', conversions: 'int32', attributed_revenue: 'fixed', roas: 'fixed' },
  klaviyo_events: { tenant_id: 'dict', date: 'date', metric_type: 'dict', count: 'int32', revenue_attributed: 'fixed' },
  transactions: { transaction_id: 'int32', customer_id: 'int32', transaction_date: 'timestamp', amount: 'fixed', category: 'dict', channel: 'dict' },
  customer_labels: { customer_id: 'int32', churned: 'bool', label_date: 'date', days_since_last: 'int32', spend_90d: 'fixed', segment: 'dict' },
  daily_metrics: { date: 'date', active_customers: 'int32', transactions: 'int32', revenue: 'fixed', new_customers: 'int32', churned_customers: 'int32' },
  inventory_daily: { date: 'date', product_id: 'int32', location_id: 'int32', on_hand: 'int32', is_stockout: 'bool', stockout_duration_days: 'int32', last_replenishment_date: 'date', next_replenishment_date: 'date', units_sold: 'int32', units_received: 'int32', units_restocked: 'int32' },
  stockout_events: { stockout_id: 'int32', product_id: 'int32', location_id: 'int32', start_date: 'date', end_date: 'date', duration_days: 'int32', lost_sales_attempts: 'int32', lost_sales_quantity: 'int32', lost_sales_revenue: 'fixed', peak_season_flag: 'bool', restocked_date: 'date', created_at: 'timestamp' },
  raw_signups_validation: { signup_id: 'int32', customer_id: 'int32', customer_email: 'string', signup_at: 'timestamp' },
  raw_orders_validation: { id: 'int32', user_id: 'int32', order_date: 'timestamp', status: 'dict' },
  raw_customers_training: { id: 'int32', first_name: 'dict', last_name: 'dict' },
  raw_signups_training: { signup_id: 'int32', customer_id: 'int32', customer_email: 'string', signup_at: 'timestamp' },
  raw_orders_training: { id: 'int32', user_id: 'int32', order_date: 'timestamp', status: 'dict' },
  raw_payments_training: { id: 'int32', order_id: 'int32', payment_method: 'dict', amount: 'fixed' },
  raw_customers_validation: { id: 'int32', first_name: 'dict', last_name: 'dict' },
  raw_payments_validation: { id: 'int32', order_id: 'int32', payment_method: 'dict', amount: 'fixed' },
  stg_app_sessions: { session_id: 'string', customer_id: 'int32', session_start: 'timestamp', utm_source: 'dict', utm_medium: 'dict', utm_campaign: 'dict', ad_id: 'string' },
  stg_website_sessions: { session_id: 'string', customer_id: 'int32', session_start: 'timestamp', utm_source: 'dict', utm_medium: 'dict', utm_campaign: 'dict', ad_id: 'string' },
  stg_google_ads: { date: 'date', campaign_id: 'dict', ad_id: 'string', spend: 'fixed', impressions: 'int32', clicks: 'int32' },
  stg_facebook_ads: { date: 'date', campaign_id: 'dict', ad_id: 'string', spend: 'fixed', impressions: 'int32', clicks: 'int32' },
  stg_instagram_ads: { date: 'date', campaign_id: 'dict', ad_id: 'string', spend: 'fixed', impressions: 'int32', clicks: 'int32' },
  attributions: { customer_id: 'int32', order_id: 'int32', session_id: 'string', ad_id: 'string', platform: 'dict' },
};

/** Columns inventory adds to the shop's tables when a scenario keeps stock (its rewrites). */
export const INVENTORY_COLUMNS: Partial<Record<TableName, Readonly<Record<string, ColumnType>>>> = {
  order_items: { quantity_requested: 'int32', is_inventory_constrained: 'bool', inventory_at_purchase: 'int32', location_id: 'int32' },
  cart_abandonment: { low_inventory_trigger: 'bool', inventory_constrained_items: 'int32' },
  returns: { return_restocked_date: 'date' },
};

/** A table's built-in columns in this scenario, in order. */
export function tableColumnsOf(scenario: Pick<Scenario, 'inventory'>, table: TableName): Readonly<Record<string, ColumnType>> {
  if (table === 'dq_faults') return {};
  return { ...TABLE_COLUMNS[table], ...(scenario.inventory ? INVENTORY_COLUMNS[table] : {}) };
}

/**
 * Keys that reach a whole-run table: `customer_id` on orders lets a custom column read
 * `customer.cohort`. Only tables made whole for every part of a run are reachable, so a
 * part of a run can always resolve its keys (a part's returns may name another part's orders).
 */
export const REFERENCES: Readonly<Record<string, { table: TableName; key: string; onlyWhenChosen?: boolean }>> = {
  customer: { table: 'customers', key: 'customer_id' },
  product: { table: 'products', key: 'product_id' },
  supplier: { table: 'suppliers', key: 'supplier_id' },
  // Orders carry a campaign id and the weather shops' rows a tenant id, but a run makes the
  // campaigns and tenants tables only when they are chosen.
  campaign: { table: 'campaigns', key: 'campaign_id', onlyWhenChosen: true },
  tenant: { table: 'tenants', key: 'tenant_id', onlyWhenChosen: true },
};

/**
 * The references a table's rows hold: prefix ("customer") → the key column on this table.
 * With `chosen` (the scenario's tables), only those a run with these tables makes.
 */
export function referencesOf(table: TableName, chosen?: readonly TableName[]): { prefix: string; table: TableName; key: string }[] {
  // The jaffle shop's customer_id and order_id name its own raw tables, not the shop's customers.
  if (table === 'dq_faults' || (JAFFLE_TABLES as readonly string[]).includes(table)) return [];
  const own = TABLE_COLUMNS[table];
  return Object.entries(REFERENCES)
    .filter(([, r]) => r.table !== table && r.key in own && own[r.key] === TABLE_COLUMNS[r.table as Exclude<TableName, 'dq_faults'>][r.key])
    .filter(([, r]) => !r.onlyWhenChosen || !chosen || chosen.includes(r.table))
    .map(([prefix, r]) => ({ prefix, table: r.table, key: r.key }));
}
