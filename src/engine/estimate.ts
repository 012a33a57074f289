import { ScenarioError } from './scenario/errors';
import type { Scenario } from './scenario/schema';

/** A browser tab should not hold more than this; larger runs belong to the CLI. */
export const BROWSER_MEMORY_BUDGET = 2 * 2 ** 30;

/** Bytes a run will hold in memory, roughly: columns, plus one export copy of each. */
export function estimateRunBytes(scenario: Scenario): number {
  const orders = scenario.calendar.days * scenario.volumes.ordersPerDay;
  const lines = orders * (1 + scenario.orders.meanExtraItems);
  return orders * (10 * 8 + 6 * 8) * 2 + lines * 5 * 8 * 2 + scenario.volumes.customers * 160 + scenario.volumes.products * 120;
}

export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

export function assertFitsMemory(scenario: Scenario, budgetBytes: number): void {
  const need = estimateRunBytes(scenario);
  if (need > budgetBytes) {
    throw new ScenarioError([
      {
        code: 'E107',
        field: 'volumes.ordersPerDay',
        message: `this run needs about ${formatGiB(need)} of memory; the limit here is ${formatGiB(budgetBytes)}. Lower days, orders per day or customers, or use the command-line generator with --partitions.`,
      },
    ]);
  }
}
