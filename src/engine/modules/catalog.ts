import { AliasTable } from '../random/alias';
import { concatTables, type DataTable } from '../table';
import { COMPANY_SUFFIXES, LAST_NAMES, PRODUCT_ADJECTIVES, PRODUCT_MATERIALS, PRODUCT_NOUNS } from '../vocabulary';
import { VIRAL_PRODUCT_NAME } from '../model/events';
import type { EngineModule } from './module';

/** Suppliers and products. Prices are log-normal around each category's median. */
export const catalogModule: EngineModule = {
  id: 'catalog',
  dependsOn: [],
  tables: ['suppliers', 'products'],
  rowBytes: 60,
  partitioned: false,
  estimateRows: (s) => s.volumes.suppliers + s.volumes.products,
  *generate(ctx) {
    const { volumes, catalog } = ctx.scenario;
    const rng = ctx.stream();

    const ns = volumes.suppliers;
    const supplierId = new Int32Array(ns);
    const supplierName: string[] = new Array<string>(ns);
    const reliability = new Float64Array(ns);
    for (let i = 0; i < ns; i++) {
      supplierId[i] = i + 1;
      supplierName[i] = `${LAST_NAMES[rng.int(LAST_NAMES.length)]} ${COMPANY_SUFFIXES[rng.int(COMPANY_SUFFIXES.length)]}`;
      // Mostly reliable, with a tail of poor ones: 1 − 0.3·u², in thousandths.
      const u = rng.next();
      reliability[i] = Math.round((1 - 0.3 * u * u) * 1000);
    }
    yield 0.1;

    const categories = Object.keys(catalog.categories);
    const categoryPick = new AliasTable(categories.map((c) => catalog.categories[c].share));
    const np = volumes.products;
    const productId = new Int32Array(np);
    const productSupplier = new Int32Array(np);
    const category = new Int32Array(np);
    const name: string[] = new Array<string>(np);
    const price = new Float64Array(np);
    for (let i = 0; i < np; i++) {
      productId[i] = i + 1;
      productSupplier[i] = 1 + rng.int(ns);
      const c = categoryPick.sample(rng);
      category[i] = c;
      name[i] = `${pick(PRODUCT_ADJECTIVES, rng.next())} ${pick(PRODUCT_MATERIALS, rng.next())} ${pick(PRODUCT_NOUNS, rng.next())}`;
      const dollars = rng.logNormal(Math.log(catalog.categories[categories[c]].medianPrice), catalog.priceSigma);
      // Shelf prices end in .99 (cents), never below 0.99.
      price[i] = Math.max(99, Math.round(dollars) * 100 - 1);
    }

    const suppliers: DataTable = {
      name: 'suppliers',
      rowCount: ns,
      columns: [
        { name: 'supplier_id', type: 'int32', values: supplierId },
        { name: 'name', type: 'string', values: supplierName },
        { name: 'reliability', type: 'fixed', scale: 3, values: reliability },
      ],
    };
    let products: DataTable = {
      name: 'products',
      rowCount: np,
      columns: [
        { name: 'product_id', type: 'int32', values: productId },
        { name: 'supplier_id', type: 'int32', values: productSupplier },
        { name: 'category', type: 'dict', indices: category, dictionary: categories },
        { name: 'name', type: 'string', values: name },
        { name: 'price', type: 'fixed', scale: 2, values: price },
      ],
    };
    // A viral moment brings its own product, appended (no draws), so the rest of the
    // catalog and every draw from it stay as they would be without the event.
    if (ctx.scenario.events.some((e) => e.type === 'viral_moment')) {
      const beauty = Math.max(0, categories.indexOf('beauty'));
      products = concatTables([
        products,
        {
          name: 'products',
          rowCount: 1,
          columns: [
            { name: 'product_id', type: 'int32', values: Int32Array.of(np + 1) },
            { name: 'supplier_id', type: 'int32', values: Int32Array.of(1) },
            { name: 'category', type: 'dict', indices: Int32Array.of(beauty), dictionary: categories },
            { name: 'name', type: 'string', values: [VIRAL_PRODUCT_NAME] },
            { name: 'price', type: 'fixed', scale: 2, values: Float64Array.of(4999) },
          ],
        },
      ]);
    }
    return [suppliers, products];
  },
};

function pick(list: readonly string[], u: number): string {
  return list[Math.floor(u * list.length)];
}
