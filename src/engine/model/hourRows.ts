import type { DataTable } from '../table';
import { column } from '../table';
import type { HourlyPlan } from './plan';

/**
 * The orders of one partition, seen hour by hour: orders are placed hour by hour with
 * ids from the plan, so hour h's rows are a contiguous range.
 */
export function orderHours(plan: HourlyPlan, orders: DataTable, hourFrom: number) {
  const base = plan.firstId[0][hourFrom];
  const created = column(orders, 'created_at');
  const status = column(orders, 'status');
  const customer = column(orders, 'customer_id');
  const promised = column(orders, 'promised_at');
  const delivered = column(orders, 'delivered_at');
  if (created.type !== 'timestamp' || status.type !== 'dict' || customer.type !== 'int32' || promised.type !== 'timestamp' || delivered.type !== 'timestamp') {
    throw new Error('unexpected order columns');
  }
  const failedCode = status.dictionary.indexOf('payment_failed');
  return {
    created: created.values,
    customer: customer.values,
    range(h: number): [number, number] {
      return [plan.firstId[0][h] - base, plan.firstId[0][h + 1] - base];
    },
    isLate(r: number): boolean {
      return delivered.valid![r] === 1 && delivered.values[r] > promised.values[r];
    },
    isFailed(r: number): boolean {
      return status.indices[r] === failedCode;
    },
    orderId(r: number): number {
      return base + r;
    },
  };
}
