import { describe, expect, it } from 'vitest';
import { concatTables, type DataTable } from './table';
import { generate, generateSteps } from './generate';
import { toCSV } from './export/csv';
import { sha256Hex } from './export/hash';
import { smallScenario } from './testing';
import { COMMERCE_TABLES, type Scenario } from './scenario/schema';

const tableHashes = (s: Scenario) => Object.fromEntries(generate(s).tables.map((t) => [t.name, sha256Hex(toCSV(t))]));
const byName = (tables: DataTable[], name: string) => tables.find((t) => t.name === name)!;

describe('determinism', () => {
  it.each([1, 7, 424242])('seed %i gives the same sha256 per table twice', (seed) => {
    const a = tableHashes(smallScenario(seed));
    const b = tableHashes(smallScenario(seed));
    expect(Object.keys(a)).toEqual([...COMMERCE_TABLES]);
    expect(a).toEqual(b);
  });

  it('another seed changes every table drawn at random', () => {
    const a = tableHashes(smallScenario(1));
    const b = tableHashes(smallScenario(2));
    // Campaigns come straight from the scenario's events and coupon settings, not from the seed.
    for (const name of Object.keys(a).filter((t) => t !== 'campaigns')) expect(b[name], name).not.toEqual(a[name]);
    expect(b.campaigns).toEqual(a.campaigns);
  });
});

describe('stream independence', () => {
  it('changing the catalog leaves the customers table identical', () => {
    const base = smallScenario(3);
    const changed: Scenario = {
      ...base,
      volumes: { ...base.volumes, products: 900, suppliers: 7 },
      catalog: { ...base.catalog, priceSigma: 1.2 },
    };
    const a = tableHashes(base);
    const b = tableHashes(changed);
    expect(b.customers).toEqual(a.customers);
    expect(b.products).not.toEqual(a.products);
  });

  it('changing order volume leaves customers, suppliers and products identical', () => {
    const base = smallScenario(4);
    const a = tableHashes(base);
    const b = tableHashes({ ...base, volumes: { ...base.volumes, ordersPerDay: 90 } });
    expect([b.customers, b.suppliers, b.products]).toEqual([a.customers, a.suppliers, a.products]);
    expect(b.orders).not.toEqual(a.orders);
  });

  it('emitting fewer tables does not change the ones emitted', () => {
    const base = smallScenario(5);
    const all = tableHashes(base);
    const some = tableHashes({ ...base, tables: ['orders', 'customers'] });
    expect(Object.keys(some)).toEqual(['customers', 'orders']);
    expect(some.orders).toEqual(all.orders);
    expect(some.customers).toEqual(all.customers);
  });
});

describe('partitions', () => {
  it.each([2, 3, 6])('the union of %i partitions equals the single run', (n) => {
    const s = smallScenario(11);
    const single = generate(s).tables;
    const parts = Array.from({ length: n }, (_, k) => generate(s, { partitions: n, partition: k }).tables);
    for (const t of single) {
      const pieces = parts.map((p) => p.find((x) => x.name === t.name)).filter((x): x is DataTable => x !== undefined);
      const joined = concatTables(pieces);
      expect(sha256Hex(toCSV(joined)), t.name).toEqual(sha256Hex(toCSV(t)));
    }
    // Whole-run tables appear once, in partition 0.
    expect(parts[1].map((t) => t.name)).toEqual(COMMERCE_TABLES.filter((t) => !['customers', 'suppliers', 'products', 'campaigns'].includes(t)));
  });

  it('reports progress that rises to 1', () => {
    const steps = generateSteps(smallScenario(1));
    const seen: number[] = [];
    for (let r = steps.next(); !r.done; r = steps.next()) seen.push(r.value.fraction);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBeCloseTo(1, 9);
  });
});

describe('referential integrity and arithmetic', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: every key resolves and totals add up', (seed) => {
    const tables = generate(smallScenario(seed)).tables;
    const col = (t: string, c: string) => byName(tables, t).columns.find((x) => x.name === c)! as { values: ArrayLike<number> };
    const ids = (t: string, c: string) => new Set(Array.from(col(t, c).values));
    const customers = ids('customers', 'customer_id');
    const suppliers = ids('suppliers', 'supplier_id');
    const products = ids('products', 'product_id');
    const orders = ids('orders', 'order_id');
    const check = (t: string, c: string, keys: Set<number>) => {
      for (const v of Array.from(col(t, c).values)) if (!keys.has(v)) throw new Error(`${t}.${c}=${v} does not resolve`);
    };
    check('orders', 'customer_id', customers);
    check('order_items', 'order_id', orders);
    check('order_items', 'product_id', products);
    check('products', 'supplier_id', suppliers);
    check('payments', 'order_id', orders);
    expect(orders.size).toBe(byName(tables, 'orders').rowCount);

    // Line count, subtotal and total agree with the items.
    const o = byName(tables, 'orders');
    const lines = new Map<number, { n: number; sum: number; off: number }>();
    const it = byName(tables, 'order_items');
    const [iid, , , qty, price, lineOff] = it.columns.map((c) => (c as { values: ArrayLike<number> }).values);
    for (let i = 0; i < it.rowCount; i++) {
      const e = lines.get(iid[i]) ?? { n: 0, sum: 0, off: 0 };
      e.n++;
      e.sum += qty[i] * price[i];
      e.off += lineOff[i];
      lines.set(iid[i], e);
    }
    const [oid, , created, , , , count, subtotal, discount, total] = o.columns.map((c) => (c as { values: ArrayLike<number> }).values);
    // Order discount = line discounts + coupon, never more than the subtotal.
    for (let i = 0; i < o.rowCount; i++) {
      const e = lines.get(oid[i])!;
      expect(e.n).toBe(count[i]);
      expect(e.sum).toBe(subtotal[i]);
      expect(total[i]).toBe(subtotal[i] - discount[i]);
      expect(discount[i]).toBeGreaterThanOrEqual(e.off);
      expect(total[i]).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(created[i]).toBeGreaterThanOrEqual(created[i - 1]);
    }
  });
});
