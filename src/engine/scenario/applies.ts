import type { Scenario } from './schema';
import { COMMERCE_TABLES, SECTION_TABLES, TABLE_NAMES, type TableName } from './tables';

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

/** Whether the scenario has the section a group of tables comes with (SECTION_TABLES). */
export function hasSection(s: Scenario, section: (typeof SECTION_TABLES)[number]['section']): boolean {
  return section === 'tenants' ? s.tenants.length > 0 : s[section] !== null;
}

/**
 * The tables this scenario can make, in canonical order: the suite's always; the tenants',
 * lifecycle's, inventory's and jaffle shop's only with their sections (without them they are
 * refused, E109). The editor offers these, not all 37. dq_faults comes with faults, not by choice.
 */
export function tablesOnOffer(s: Scenario): TableName[] {
  const withSections = new Set<string>(SECTION_TABLES.filter((g) => hasSection(s, g.section)).flatMap((g) => g.tables));
  return TABLE_NAMES.filter((t) => (COMMERCE_TABLES as readonly string[]).includes(t) || withSections.has(t));
}
