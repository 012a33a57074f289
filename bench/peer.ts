// What a user would otherwise write: one object per row, Faker called per row, lines
// joined into CSV. Same tables, columns and row counts as our run.
import { faker } from '@faker-js/faker';
import { millionOrderBaseline } from './scenario';

const [customersN, suppliersN, productsN, ordersN] = process.argv.slice(2, 6).map(Number);
const s = millionOrderBaseline();
faker.seed(s.seed);
const start = new Date(`${s.calendar.start}T00:00:00Z`);
const end = new Date(start.getTime() + s.calendar.days * 86_400_000);
const signupFrom = new Date(start.getTime() - 3 * 365 * 86_400_000);
const cohorts = s.cohorts.map((c) => ({ value: c, weight: c.share }));
const pickMix = (mix: Record<string, number>) => faker.helpers.weightedArrayElement(Object.entries(mix).map(([value, weight]) => ({ value, weight })));

const t0 = performance.now();
const customers: Record<string, string | number>[] = [];
for (let i = 1; i <= customersN; i++) {
  const c = faker.helpers.weightedArrayElement(cohorts);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  customers.push({
    customer_id: i,
    cohort: c.id,
    first_name: first,
    last_name: last,
    email: faker.internet.email({ firstName: first, lastName: last }),
    age: faker.number.int({ min: c.ageMin, max: c.ageMax }),
    city: faker.location.city(),
    signup_date: faker.date.between({ from: signupFrom, to: start }).toISOString().slice(0, 10),
    acquisition_channel: pickMix(c.mixes.acquisition),
    preferred_channel: pickMix(c.mixes.channel),
    payment_method: pickMix(c.mixes.payment),
    support_channel: pickMix(c.mixes.support),
  });
}
const suppliers: Record<string, string | number>[] = [];
for (let i = 1; i <= suppliersN; i++) {
  suppliers.push({ supplier_id: i, name: faker.company.name(), reliability: faker.number.float({ min: 0.7, max: 1, fractionDigits: 3 }) });
}
const products: Record<string, string | number>[] = [];
for (let i = 1; i <= productsN; i++) {
  products.push({
    product_id: i,
    supplier_id: faker.number.int({ min: 1, max: suppliersN }),
    category: faker.helpers.weightedArrayElement(Object.entries(s.catalog.categories).map(([value, c]) => ({ value, weight: c.share }))),
    name: faker.commerce.productName(),
    price: faker.commerce.price({ min: 1, max: 900 }),
  });
}
const orders: Record<string, string | number>[] = [];
const items: Record<string, string | number>[] = [];
const payments: Record<string, string | number>[] = [];
for (let i = 1; i <= ordersN; i++) {
  const customer = faker.number.int({ min: 1, max: customersN });
  const c = s.cohorts.find((x) => x.id === customers[customer - 1].cohort)!;
  const lines = 1 + faker.number.int({ min: 0, max: 3 });
  let subtotal = 0;
  for (let l = 1; l <= lines; l++) {
    const product = products[faker.number.int({ min: 0, max: productsN - 1 })];
    const quantity = faker.helpers.weightedArrayElement([
      { value: 1, weight: 80 },
      { value: 2, weight: 14 },
      { value: 3, weight: 6 },
    ]);
    items.push({
      order_id: i,
      line_no: l,
      product_id: product.product_id,
      quantity,
      unit_price: product.price,
      discount: '0.00',
      fulfilled_by: faker.helpers.arrayElement(['primary', 'primary', 'primary', 'backup']),
    });
    subtotal += quantity * Number(product.price);
  }
  const discount = faker.datatype.boolean(0.12) ? Math.round(subtotal * 10) / 100 : 0;
  orders.push({
    order_id: i,
    customer_id: customer,
    created_at: faker.date.between({ from: start, to: end }).toISOString().replace('T', ' ').slice(0, 19),
    channel: pickMix(c.mixes.channel),
    payment_method: pickMix(c.mixes.payment),
    status: faker.helpers.weightedArrayElement([
      { value: 'completed', weight: 96 },
      { value: 'cancelled', weight: 2 },
      { value: 'payment_failed', weight: 2 },
    ]),
    item_count: lines,
    subtotal: subtotal.toFixed(2),
    discount: discount.toFixed(2),
    total: (subtotal - discount).toFixed(2),
    promised_at: faker.date.soon({ days: 3, refDate: start }).toISOString().replace('T', ' ').slice(0, 19),
    delivered_at: faker.datatype.boolean(0.96) ? faker.date.soon({ days: 5, refDate: start }).toISOString().replace('T', ' ').slice(0, 19) : '',
    campaign_id: faker.datatype.boolean(0.12) ? 1 : '',
  });
  payments.push({
    payment_id: i,
    order_id: i,
    created_at: orders[i - 1].created_at,
    method: orders[i - 1].payment_method,
    status: faker.helpers.arrayElement(['captured', 'captured', 'captured', 'failed']),
    amount: orders[i - 1].total,
  });
}
const toCsv = (rows: Record<string, string | number>[]) => [Object.keys(rows[0]).join(','), ...rows.map((r) => Object.values(r).map(String).join(','))].join('\r\n');
let bytes = 0;
for (const table of [customers, suppliers, products, orders, items, payments]) bytes += Buffer.byteLength(toCsv(table));
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, bytes, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
