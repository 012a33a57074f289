import type { Scenario } from './schema';

/** Tables made from the hourly order plan: without any of them, no orders are drawn. */
export const ORDER_TABLES: readonly string[] = ['orders', 'order_items', 'payments', 'support_tickets', 'cart_abandonment', 'returns', 'system_metrics', 'hourly_metrics'];

/**
 * Which editor controls change this scenario's data, from the tables it generates: the
 * jaffle shop and the weather tenants draw no suite orders, a churn store no hourly orders.
 * The editor shows only these, so no control sits beside data it does not touch.
 */
export function controlsThatApply(s: Scenario): { customers: boolean; ordersPerDay: boolean; catalog: boolean; cohorts: boolean; orders: boolean; events: boolean } {
  const has = (names: readonly string[]) => s.tables.some((t) => names.includes(t));
  const orders = has(ORDER_TABLES);
  return {
    customers: orders || has(['customers', 'transactions', 'customer_labels', 'daily_metrics']),
    ordersPerDay: orders,
    catalog: orders || has(['products', 'suppliers']) || s.inventory !== null,
    cohorts: orders || has(['customers']) || s.lifecycle !== null,
    orders,
    events: orders,
  };
}
