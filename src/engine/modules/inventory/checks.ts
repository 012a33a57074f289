import { inventoryReport } from '../../analysis/inventory';
import { type Check } from '../../analysis/targets';

const stockChecks: Check = (run) => {
  const report = inventoryReport(run);
  if (!report) return [];
  return [
    { module: 'inventory', target: 'stockout rate (share of positions out, averaged over days), in the 5-10% band', expected: 7.5, measured: report.stockoutPct, tolerance: 2.5, unit: '%' as const },
    ...report.checks
      .filter((c) => !c.check.startsWith('stockout rate'))
      .map((c) => ({ module: 'inventory', target: c.check, expected: 0, measured: c.pass ? 0 : 1, tolerance: 0, unit: 'count' as const })),
  ];
};

/** The inventory module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const inventoryChecks: readonly Check[] = [stockChecks];
