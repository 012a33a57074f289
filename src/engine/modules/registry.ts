// The registry: every module, in an order where each follows its dependencies.
import { campaignsModule } from './campaigns';
import { cartsModule } from './carts';
import { catalogModule } from './catalog';
import { customersModule } from './customers';
import { inventoryModule } from './inventory/inventory';
import { jaffleModule } from './jaffle/jaffle';
import { lifecycleModule } from './lifecycle/lifecycle';
import { metricsModule } from './metrics';
import { returnsModule } from './returns';
import { supportModule } from './support';
import { tenantDailyModule, tenantsModule } from './tenants/tenants';
import { ordersModule } from './orders/orders';
import type { EngineModule } from './module';
import type { Scenario, TableName } from '../scenario/schema';

/** Registered modules, in an order where each follows its dependencies. */
export const MODULES: readonly EngineModule[] = [customersModule, catalogModule, campaignsModule, ordersModule, supportModule, cartsModule, returnsModule, metricsModule, tenantsModule, tenantDailyModule, lifecycleModule, inventoryModule, jaffleModule];

/** The modules needed for the scenario's tables, dependencies included, in run order. */
export function modulesFor(tables: readonly TableName[], scenario?: Scenario): EngineModule[] {
  const needed = new Set<string>();
  const visit = (m: EngineModule) => {
    if (needed.has(m.id)) return;
    needed.add(m.id);
    for (const dep of m.dependsOn) visit(MODULES.find((x) => x.id === dep)!);
  };
  for (const m of MODULES) if (m.tables.some((t) => tables.includes(t)) || (scenario && m.always?.(scenario))) visit(m);
  return MODULES.filter((m) => needed.has(m.id));
}
