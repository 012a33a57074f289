import { inventoryChecks } from './checks';
import type { Rng } from '../../random/rng';
import type { ModuleContext } from '../module';
import { ScenarioError } from '../../scenario/errors';
import type { Scenario } from '../../scenario/schema';
import { column, intValues, rawFloats, type DataTable } from '../../table';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../../time';
import { GrowableColumns } from '../../model/growable';
import { buildInventoryPlan, locationFor, STORE_CHANNEL, type InventoryPlan } from './inventoryPlan';
import { locationCount } from '../../scenario/sections';
import { abandonedCarts, inventoryTables, rewriteOrders, type Allocation } from './inventoryTables';
import type { EngineModule } from '../module';

/**
 * Stock that every sale must find (seed 002). Runs after the orders, returns and carts
 * of the whole calendar and walks them day by day: deliveries and return restocks land
 * at the start of a day, then each hour's order lines take stock in time order, except
 * that lines competing for the same position in the same hour are served in a random
 * order. Lines get what was there (quantity becomes what was sold) and the orders,
 * payments and refunds are recomputed from them. A stock level carries from one day to
 * the next, so the module needs the calendar from day 0 (a later partition is refused).
 */
export const inventoryModule: EngineModule = {
  checks: inventoryChecks,
  splittable: false,
  id: 'inventory',
  dependsOn: ['customers', 'catalog', 'orders', 'returns', 'carts'],
  reads: ['customers', 'products', 'suppliers', 'orders', 'order_items', 'payments', 'returns', 'cart_abandonment', 'hourly_metrics'],
  tables: ['inventory_daily', 'stockout_events'],
  rewrites: ['orders', 'order_items', 'payments', 'returns', 'cart_abandonment', 'hourly_metrics'],
  rowBytes: 30,
  partitioned: true,
  always: (s) => s.inventory !== null,
  estimateRows: (s) => (s.inventory ? snapshotRows(s) : 0),
  *generate(ctx) {
    const s = ctx.scenario;
    if (!s.inventory) return [];
    if (ctx.dayFrom > 0) {
      throw new ScenarioError([{ code: 'E110', field: 'partition', message: 'a scenario with inventory runs from its first day: stock carries from one day to the next' }]);
    }
    // The plan reads only whole-run tables (customers, the catalog), the same in the preview
    // and the full run of a scenario, so Run after a preview reuses it (~200 ms at the default size).
    const plan = ctx.shared('inventory-plan', () => buildInventoryPlan(s, ctx.table('customers'), ctx.table('products'), ctx.table('suppliers'), ctx.streamOf('orders', 'context')));
    const sim = new StockSimulation(s, ctx.stream, plan, ctx.table('orders'), ctx.table('order_items'), ctx.table('returns'), ctx.table('cart_abandonment'));
    for (let d = 0; d < ctx.dayTo; d++) {
      sim.day(d);
      if (d % 10 === 9) yield d / ctx.dayTo;
    }
    const orders = rewriteOrders(ctx.table('orders'), ctx.table('order_items'), ctx.table('payments'), ctx.table('returns'), sim.allocation, sim.restockDay);
    const carts = abandonedCarts(ctx.table('cart_abandonment'), sim.cartLowItems, ctx.tableIfMade('hourly_metrics'), ctx.table('orders'), ctx.table('order_items'), sim.allocation, ctx.stream('carts'));
    return [...orders, ...carts, ...inventoryTables(s, plan, sim)];
  },
};

/**
 * Snapshot rows, for the size estimate. Daily: a row a position a day; weekly: every week
 * and the first day. On change: every position on the first day, then a position writes a
 * row on a day it sells or takes a delivery (or a return goes back on its shelf), estimated
 * at two rows an order line a day. Measured: 1.6× the rows at the development size, 1.8× at the large one,
 * where a row a position a week had estimated 3× and 12.6× (3.8 GiB for a run whose tables
 * hold about 0.72 GB and whose process peaks near 1.4 GB).
 */
function snapshotRows(s: Scenario): number {
  const inv = s.inventory!;
  const positions = s.volumes.products * locationCount(inv);
  const days = s.calendar.days;
  if (inv.snapshot === 'daily') return positions * days;
  if (inv.snapshot === 'weekly') return positions * (Math.ceil(days / 7) + 1);
  const linesPerDay = s.volumes.ordersPerDay * (1 + s.orders.meanExtraItems);
  return positions + days * Math.min(positions, 2 * linesPerDay);
}

export class StockSimulation {
  readonly onHand: Int32Array;
  /** Units ordered for each position's next delivery. */
  private readonly onOrder: Int32Array;
  readonly lastDelivery: Int32Array;
  /** Positions by delivery phase. */
  private readonly byPhase: Int32Array[];
  readonly allocation: Allocation;
  /** Calendar day a return's units go back on the shelf, by returns row. */
  readonly restockDay: Int32Array;
  private readonly restocks: { pos: number; qty: number }[][];
  private readonly returnOfOrder: Map<number, number>;
  private readonly lineStart: Int32Array;
  private readonly orderTime: Float64Array;
  private readonly orderCustomer: Int32Array;
  private readonly orderIds: Int32Array;
  private readonly storeOrder: Uint8Array;
  private readonly lineProduct: Int32Array;
  private readonly lineQty: Int32Array;
  private readonly linePrice: Float64Array;
  private nextOrder = 0;
  private nextCart = 0;
  private readonly cartTime: Float64Array;
  private readonly cartCustomer: Int32Array;
  private readonly cartItems: Int32Array;
  /** Items of each planned abandoned cart that sat on a low shelf when it was abandoned. */
  readonly cartLowItems: Int32Array;

  /** Per day and position, what moved; and the out-of-stock bookkeeping. */
  readonly sold: Int32Array;
  readonly received: Int32Array;
  readonly restocked: Int32Array;
  readonly touched: number[] = [];
  private readonly isTouched: Uint8Array;
  readonly outSince: Int32Array;
  readonly zeroAt: Float64Array;
  readonly lost: { attempts: Int32Array; qty: Int32Array; cents: Float64Array };
  readonly events: GrowableColumns;
  readonly snapshots: GrowableColumns;
  private readonly startMs: number;

  constructor(
    private readonly s: Scenario,
    private readonly stream: ModuleContext['stream'],
    private readonly plan: InventoryPlan,
    orders: DataTable,
    items: DataTable,
    returns: DataTable,
    carts: DataTable,
  ) {
    const inv = s.inventory!;
    const positions = plan.products * plan.locations;
    this.startMs = dayNumber(s.calendar.start) * MS_PER_DAY;
            this.orderTime = rawFloats(orders, 'created_at');
    this.cartTime = rawFloats(carts, 'created_at');
    this.cartCustomer = intValues(carts, 'customer_id');
    this.cartItems = intValues(carts, 'item_count');
    this.cartLowItems = new Int32Array(carts.rowCount);
    this.orderCustomer = intValues(orders, 'customer_id');
    const channel = column(orders, 'channel');
    this.storeOrder = Uint8Array.from({ length: orders.rowCount }, (_, r) => (channel.type === 'dict' && channel.dictionary[channel.indices[r]] === STORE_CHANNEL ? 1 : 0));
    this.lineProduct = intValues(items, 'product_id');
    this.lineQty = intValues(items, 'quantity');
    this.linePrice = rawFloats(items, 'unit_price');
    // Lines are grouped by order, in order: lineStart[r] is order r's first line.
    const itemOrder = intValues(items, 'order_id');
    const orderIds = (this.orderIds = intValues(orders, 'order_id'));
    this.lineStart = new Int32Array(orders.rowCount + 1);
    for (let r = 0, i = 0; r < orders.rowCount; r++) {
      this.lineStart[r] = i;
      while (i < items.rowCount && itemOrder[i] === orderIds[r]) i++;
      this.lineStart[r + 1] = i;
    }
    this.returnOfOrder = new Map(Array.from(intValues(returns, 'order_id'), (id, row) => [id, row]));
    const restockRng = stream('restock');
    const opened = rawFloats(returns, 'created_at');
    this.restockDay = Int32Array.from(opened, (t) => Math.floor(t / MS_PER_DAY) + restockRng.intBetween(inv.restockDaysMin, inv.restockDaysMax));
    this.restocks = Array.from({ length: s.calendar.days }, () => []);

    this.onHand = new Int32Array(positions);
    this.onOrder = new Int32Array(positions);
    this.lastDelivery = new Int32Array(positions).fill(-1);
    const R = inv.replenishEveryDays;
    const phases: number[][] = Array.from({ length: R }, () => []);
    // Start as if the schedule had been running: stock = level − demand since the last order.
    const init = stream('initial');
    for (let pos = 0; pos < positions; pos++) {
      const phase = plan.phase[pos];
      phases[phase].push(pos);
      const sinceDelivery = (R - phase) % R;
      this.onHand[pos] = Math.max(0, plan.orderUpTo[pos] - init.poisson(plan.demand[pos] * (inv.leadTimeDays + sinceDelivery)));
      this.onOrder[pos] = Math.max(0, plan.orderUpTo[pos] - this.onHand[pos]);
    }
    this.byPhase = phases.map((p) => Int32Array.from(p));

    this.allocation = {
      sold: new Int32Array(items.rowCount),
      atPurchase: new Int32Array(items.rowCount),
      location: new Int32Array(items.rowCount),
      lowStock: new Uint8Array(items.rowCount),
    };
    this.isTouched = new Uint8Array(positions);
    this.sold = new Int32Array(positions);
    this.received = new Int32Array(positions);
    this.restocked = new Int32Array(positions);
    this.outSince = new Int32Array(positions).fill(-1);
    this.zeroAt = new Float64Array(positions);
    this.zeroAt.fill(this.startMs);
    this.lost = { attempts: new Int32Array(positions), qty: new Int32Array(positions), cents: new Float64Array(positions) };
    // product, location, start, end, attempts, quantity, restocked (−1: not yet) | lost cents, created_at
    this.events = new GrowableColumns(7, 2, 1024);
    // day, position, on_hand, stockout run length, units sold, received, restocked
    this.snapshots = new GrowableColumns(7, 0, positions);
  }

  /** Notes that position pos moved today (once per day), for on-change snapshots and resetting the day's counters. */
  private touch(pos: number): void {
    if (this.isTouched[pos]) return;
    this.isTouched[pos] = 1;
    this.touched.push(pos);
  }

  day(d: number): void {
    const inv = this.s.inventory!;
    const R = inv.replenishEveryDays;
    // Returned units go back on the shelf, then the day's deliveries land.
    for (const { pos, qty } of this.restocks[d]) {
      if (qty === 0) continue;
      this.touch(pos);
      this.restocked[pos] += qty;
      this.onHand[pos] += qty;
    }
    for (const pos of this.byPhase[d % R]) {
      if (this.onOrder[pos] > 0) this.touch(pos);
      this.received[pos] += this.onOrder[pos];
      this.onHand[pos] += this.onOrder[pos];
      this.onOrder[pos] = 0;
      this.lastDelivery[pos] = d;
    }
    // Orders for the delivery lead-time days ahead: the level minus what is on the shelf now.
    for (const pos of this.byPhase[(d + inv.leadTimeDays) % R]) this.onOrder[pos] = Math.max(0, this.plan.orderUpTo[pos] - this.onHand[pos]);

    const rng = this.stream(d);
    const dayEnd = this.startMs + (d + 1) * MS_PER_DAY;
    while (this.nextOrder < this.orderTime.length && this.orderTime[this.nextOrder] < dayEnd) {
      const hourEnd = (Math.floor(this.orderTime[this.nextOrder] / MS_PER_HOUR) + 1) * MS_PER_HOUR;
      let last = this.nextOrder;
      while (last < this.orderTime.length && this.orderTime[last] < hourEnd) last++;
      this.hour(this.nextOrder, last, rng);
      this.nextOrder = last;
      this.cartsUntil(hourEnd, rng);
    }
    this.cartsUntil(dayEnd, rng);
    this.closeDay(d);
  }

  /** Orders [from, to) of one hour: lines in time order, competitors for a short position in random order. */
  private hour(from: number, to: number, rng: Rng): void {
    const { plan, lineStart } = this;
    const a = this.allocation;
    const lines = lineStart[to] - lineStart[from];
    const positionOf = new Int32Array(lines);
    const asked = new Map<number, number>();
    for (let r = from; r < to; r++) {
      const loc = locationFor(plan, this.orderCustomer[r], this.storeOrder[r] === 1);
      for (let i = lineStart[r]; i < lineStart[r + 1]; i++) {
        const pos = (this.lineProduct[i] - 1) * plan.locations + loc;
        positionOf[i - lineStart[from]] = pos;
        a.location[i] = loc;
        asked.set(pos, (asked.get(pos) ?? 0) + this.lineQty[i]);
      }
    }
    // Where the hour asks for more than the shelf holds, who gets it is a lottery.
    const queues = new Map<number, number[]>();
    for (let k = 0; k < lines; k++) {
      const pos = positionOf[k];
      if (asked.get(pos)! > this.onHand[pos]) {
        if (!queues.has(pos)) queues.set(pos, []);
        queues.get(pos)!.push(lineStart[from] + k);
      }
    }
    for (const q of queues.values()) {
      for (let k = q.length - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [q[k], q[j]] = [q[j], q[k]];
      }
    }
    const served = new Map<number, number>();
    for (let r = from; r < to; r++) {
      for (let slot = lineStart[r]; slot < lineStart[r + 1]; slot++) {
        const pos = positionOf[slot - lineStart[from]];
        const q = queues.get(pos);
        let i = slot;
        if (q) {
          const turn = served.get(pos) ?? 0;
          served.set(pos, turn + 1);
          i = q[turn];
        }
        const have = this.onHand[pos];
        const take = Math.min(have, this.lineQty[i]);
        a.atPurchase[i] = have;
        a.sold[i] = take;
        a.lowStock[i] = have <= this.s.inventory!.lowStockUnits ? 1 : 0;
        if (take > 0) {
          this.touch(pos);
          this.sold[pos] += take;
          this.onHand[pos] -= take;
          if (this.onHand[pos] === 0) this.zeroAt[pos] = this.orderTime[r];
        }
        const short = this.lineQty[i] - take;
        if (short > 0) {
          this.lost.attempts[pos]++;
          this.lost.qty[pos] += short;
          this.lost.cents[pos] += short * this.linePrice[i];
        }
      }
    }
    // Returned units go back where they were sold; known only once the whole hour is served.
    for (let r = from; r < to; r++) {
      const ret = this.returnOfOrder.get(this.orderIds[r]);
      if (ret !== undefined) {
        const day = this.restockDay[ret] - dayNumber(this.s.calendar.start);
        if (day < this.s.calendar.days) {
          for (let i = lineStart[r]; i < lineStart[r + 1]; i++) this.restocks[day].push({ pos: (this.lineProduct[i] - 1) * plan.locations + a.location[i], qty: a.sold[i] });
        }
      }
    }
  }

  /**
   * Planned abandoned carts up to time `end`: their items are drawn like order lines
   * (by popularity, at the shopper's fulfilment location) and counted where the shelf
   * is at or below the low-stock threshold now.
   */
  private cartsUntil(end: number, rng: Rng): void {
    const low = this.s.inventory!.lowStockUnits;
    for (; this.nextCart < this.cartTime.length && this.cartTime[this.nextCart] < end; this.nextCart++) {
      const c = this.nextCart;
      const loc = locationFor(this.plan, this.cartCustomer[c], false);
      let count = 0;
      for (let k = 0; k < this.cartItems[c]; k++) if (this.onHand[this.plan.productPick.sample(rng) * this.plan.locations + loc] <= low) count++;
      this.cartLowItems[c] = count;
    }
  }

  /** End of day: stockout runs open and close, lost sales join the open run, snapshot rows. */
  private closeDay(d: number): void {
    const inv = this.s.inventory!;
    const positions = this.onHand.length;
    const snapshotAll = inv.snapshot === 'daily' || d === 0 || (inv.snapshot === 'weekly' && (d % 7 === 6 || d === this.s.calendar.days - 1));
    // A shelf empties only by a sale and fills only by a delivery or restock, all of which
    // mark it touched: after the first day only touched positions can start or end a stockout.
    if (d === 0) for (let pos = 0; pos < positions; pos++) this.settle(pos, d);
    else for (const pos of this.touched) this.settle(pos, d);
    if (snapshotAll) for (let pos = 0; pos < positions; pos++) this.snapshot(d, pos);
    else if (inv.snapshot === 'on_change') for (const pos of [...this.touched].sort((x, y) => x - y)) this.snapshot(d, pos);
    for (const pos of this.touched) {
      this.isTouched[pos] = 0;
      this.sold[pos] = 0;
      this.received[pos] = 0;
      this.restocked[pos] = 0;
    }
    this.touched.length = 0;
    if (d === this.s.calendar.days - 1) for (let pos = 0; pos < positions; pos++) if (this.outSince[pos] >= 0) this.closeRun(pos, d, -1);
  }

  /** Opens a stockout run when position pos ends day d empty, or closes one when it has stock again. */
  private settle(pos: number, d: number): void {
    if (this.onHand[pos] === 0) {
      if (this.outSince[pos] < 0) this.outSince[pos] = d;
    } else if (this.outSince[pos] >= 0) {
      this.closeRun(pos, d - 1, d);
    }
  }

  private snapshot(d: number, pos: number): void {
    const g = this.snapshots;
    g.reserve(1);
    const r = g.length++;
    g.ints[0][r] = d;
    g.ints[1][r] = pos;
    g.ints[2][r] = this.onHand[pos];
    g.ints[3][r] = this.outSince[pos] >= 0 ? d - this.outSince[pos] + 1 : 0;
    g.ints[4][r] = this.sold[pos];
    g.ints[5][r] = this.received[pos];
    g.ints[6][r] = this.restocked[pos];
  }

  /** Ends position pos's stockout run on day `end`; `restocked` is the day stock came back (−1: still out). */
  private closeRun(pos: number, end: number, restocked: number): void {
    const e = this.events;
    e.reserve(1);
    const r = e.length++;
    e.ints[0][r] = Math.floor(pos / this.plan.locations);
    e.ints[1][r] = pos % this.plan.locations;
    e.ints[2][r] = this.outSince[pos];
    e.ints[3][r] = end;
    e.ints[4][r] = this.lost.attempts[pos];
    e.ints[5][r] = this.lost.qty[pos];
    e.ints[6][r] = restocked;
    e.floats[0][r] = this.lost.cents[pos];
    e.floats[1][r] = this.zeroAt[pos];
    this.outSince[pos] = -1;
    this.lost.attempts[pos] = 0;
    this.lost.qty[pos] = 0;
    this.lost.cents[pos] = 0;
  }
}
