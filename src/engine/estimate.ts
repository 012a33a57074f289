import { ScenarioError } from './scenario/errors';
import type { Scenario } from './scenario/schema';
import { DAYS_PER_MONTH } from './time';
import { isPartitioned, type EngineModule } from './modules/module';
import type { CustomColumn } from './scenario/customColumns';
import { modulesFor } from './modules/registry';
import { isAsciiPattern } from './custom/pattern';
import { withCommas } from './scenario/fields';
import { locationCount } from './scenario/sections';
import { plannedOrders } from './model/plan';

/** A browser tab should not hold more than this; larger runs belong to the CLI. */
export const BROWSER_MEMORY_BUDGET = 2 * 2 ** 30;

import { ORDER_TABLES } from './scenario/applies';

/** Rows a run will draw: orders (when any order table is chosen), lifecycle customers and purchases. */
export function estimateRunRows(scenario: Scenario): { orders: number; customers: number; transactions: number } {
  const orders = scenario.tables.some((t) => ORDER_TABLES.includes(t)) ? plannedOrders(scenario) : 0;
  const l = scenario.lifecycle;
  const customers = scenario.volumes.customers + (l ? l.signupsPerDay * scenario.calendar.days : 0);
  const transactions = l ? customers * l.purchasesPerMonth * (scenario.calendar.days / DAYS_PER_MONTH) : 0;
  return { orders, customers, transactions };
}

/** Inventory positions: a product at a location (the snapshot rows they write are the inventory module's estimate). */
export function estimateInventoryRows(scenario: Scenario): { positions: number } {
  const inv = scenario.inventory;
  if (!inv) return { positions: 0 };
  return { positions: scenario.volumes.products * locationCount(inv) };
}

/** Rows a run makes, every table, from the modules' own estimates (cheap: no rows are made). */
export function estimateTotalRows(scenario: Scenario): number {
  return modulesFor(scenario.tables, scenario).reduce((n, m) => n + m.estimateRows(scenario), 0);
}

/**
 * Bytes a run will hold in memory, roughly: each module's rows times its bytes a row (the
 * module records say both), twice over for the export copy. Every section counts: a module
 * that runs is in the sum, so a large jaffle or weather run is never estimated at zero.
 */
export function estimateRunBytes(scenario: Scenario): number {
  return modulesFor(scenario.tables, scenario).reduce((n, m) => n + moduleBytes(m, scenario), 0);
}

/** The part of that estimate made day by day (the tables session/parallel.ts's rangeTables names). */
export function estimateRangeBytes(scenario: Scenario): number {
  return modulesFor(scenario.tables, scenario).reduce((n, m) => n + (isPartitioned(m, scenario) ? moduleBytes(m, scenario) : 0), 0);
}

/** A custom column's bytes a row: a number 8, a dictionary index 4, an ASCII pattern its characters, other text its characters and a string's overhead. */
function customBytesPerRow(c: CustomColumn): number {
  if (c.kind === 'pattern') return isAsciiPattern(c.pattern) ? c.pattern.length : 24 + 2 * c.pattern.length;
  if (c.kind === 'mix' || c.kind === 'words') return 4;
  return 8;
}

/** A module's rows times its bytes a row, with the custom columns on its tables (each at its table's rows where the module tells them, else at the module's), twice for the export copy. */
function moduleBytes(m: EngineModule, scenario: Scenario): number {
  const rows = m.estimateRows(scenario);
  const custom = (scenario.customColumns ?? []).filter((c) => m.tables.includes(c.table)).reduce((n, c) => n + customBytesPerRow(c) * (m.estimateTableRows?.[c.table]?.(scenario) ?? rows), 0);
  return (rows * m.rowBytes + custom) * 2;
}

/** Whether the run can be cut into ranges of days at all (inventory carries stock from one day to the next: it cannot). */
export function splitsByDay(scenario: Scenario): boolean {
  return !modulesFor(scenario.tables, scenario).some((m) => m.splittable === false);
}

/**
 * How many day ranges a run must be cut into so that each, written and let go before the
 * next, fits `budgetBytes` (whole-run tables such as customers stay for every part);
 * null when the run cannot be cut (inventory carries stock from day to day) or even one
 * day would not fit.
 */
export function partsToFit(scenario: Scenario, budgetBytes: number): number | null {
  if (!splitsByDay(scenario)) return null;
  const { whole, daily } = splitBytes(scenario);
  const room = budgetBytes - whole;
  if (room <= 0) return null;
  const parts = Math.max(1, Math.ceil(daily / room));
  return parts <= scenario.calendar.days ? parts : null;
}

/** Bytes of the whole-run tables (customers, catalog: every part holds them) and of the day-by-day ones. */
function splitBytes(scenario: Scenario): { whole: number; daily: number } {
  const modules = modulesFor(scenario.tables, scenario);
  const bytes = (split: boolean) => modules.filter((m) => isPartitioned(m, scenario) === split).reduce((n, m) => n + moduleBytes(m, scenario), 0);
  return { whole: bytes(false), daily: bytes(true) };
}

/**
 * E107 unless one of `partitions` day ranges fits (a preview is the first of them): the
 * whole-run tables and its share of the rest. A 10M-order month previews its first day.
 */
export function assertPartFitsMemory(scenario: Scenario, partitions: number, budgetBytes: number): void {
  const { whole, daily } = splitBytes(scenario);
  const need = whole + daily / partitions;
  if (need <= budgetBytes || estimateRunBytes(scenario) <= budgetBytes) return;
  const days = Math.max(1, Math.ceil(scenario.calendar.days / partitions));
  throw tooLarge(`even the first ${days === 1 ? 'day' : `${days} days`} of this run need about ${formatGiB(need)} of memory; the limit here is ${formatGiB(budgetBytes)}. Lower orders per day or customers.`);
}

/** E107: a run (or the part of it a preview makes) larger than the memory it may use. */
const tooLarge = (message: string) => new ScenarioError([{ code: 'E107', field: 'volumes.ordersPerDay', message }]);

export function formatGiB(bytes: number): string {
  // A run typed far too large reads in TiB, its thousands separated ("19,541.6 GiB" read as a number to decode).
  return bytes >= 2 ** 40 ? `${withCommas(Number((bytes / 2 ** 40).toFixed(1)))} TiB` : `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/**
 * E107 for a run over `budgetBytes`; `instead` ends the advice with what the host can do
 * about it ("write it to disk"), for a run that can be cut into parts (see canWriteInParts).
 */
export function assertFitsMemory(scenario: Scenario, budgetBytes: number, instead?: string): void {
  const need = estimateRunBytes(scenario);
  if (need > budgetBytes) throw tooLarge(`this run needs about ${formatGiB(need)} of memory; the limit here is ${formatGiB(budgetBytes)}. Lower days, orders per day or customers${instead ? `, or ${instead}` : ''}.`);
}

/** Bytes of one part of a run written to disk part by part (the page's Write to disk, the CLI's --stream). */
export const DISK_PART_BYTES = 384 * 2 ** 20;

/** Whether a run can be written in parts that each fit DISK_PART_BYTES (not inventory's, which carries stock from day to day). */
export function canWriteInParts(scenario: Scenario): boolean {
  return partsToFit(scenario, DISK_PART_BYTES) !== null;
}
