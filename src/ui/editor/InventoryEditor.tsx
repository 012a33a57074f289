import { SNAPSHOT_GRANULARITIES, type SnapshotGranularity, INVENTORY_SIZES, inventorySizeOf, withInventorySize, type InventorySize } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { chooseTables, dropTables } from './sectionTables';
import { SelectField } from './SelectField';

const INVENTORY_TABLES = ['inventory_daily', 'stockout_events'] as const;
const SNAPSHOT_LABEL: Record<SnapshotGranularity, string> = { daily: 'every day, every position', weekly: 'weekly, every position', on_change: 'on change (a row when stock moves)' };

/** Stock per product × location: locations, the delivery rhythm, the stockout target, returns back on the shelf. */
export function InventoryEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const at = (path: string) => issuesAt(issues, `inventory.${path}`);
  const inv = s.inventory;
  if (!inv) {
    return (
      <section className="panel-section" aria-labelledby="inventory-heading">
        <h2 id="inventory-heading">Inventory</h2>
        <p className="muted small">Make every sale find stock: deliveries on a schedule, stockouts that cost sales, returns back on the shelf.</p>
        <button
          type="button"
          onClick={() =>
            update((d) => {
              // Stores only where some cohort shops in a store; otherwise they would hold stock nobody buys.
              const storeChannel = d.cohorts.some((c) => (c.mixes.channel.store ?? 0) > 0);
              d.inventory = { stores: storeChannel ? 45 : 0, warehouses: 4, online: true, replenishEveryDays: 7, leadTimeDays: 2, targetStockoutPct: 9, lowStockUnits: 0, restockDaysMin: 1, restockDaysMax: 3, snapshot: 'on_change' };
              chooseTables(d, INVENTORY_TABLES);
            })
          }
        >
          Add inventory
        </button>
      </section>
    );
  }
  const num = (key: 'stores' | 'warehouses' | 'replenishEveryDays' | 'leadTimeDays' | 'targetStockoutPct' | 'lowStockUnits' | 'restockDaysMin' | 'restockDaysMax', label: string, step = 1) => (
    <NumberField label={label} step={step} value={inv[key]} issues={at(key)} onCommit={(v) => update((d) => void (d.inventory![key] = v))} />
  );
  return (
    <section className="panel-section" aria-labelledby="inventory-heading">
      <h2 id="inventory-heading">Inventory</h2>
      <button
        type="button"
        className="danger remove-tenants"
        onClick={() =>
          update((d) => {
            d.inventory = null;
            dropTables(d, INVENTORY_TABLES);
          })
        }
      >
        Remove inventory
      </button>
      <SelectField<InventorySize | ''>
        label="Inventory size preset"
        // The preset the settings are at, so a chosen size stays shown (until a setting moves off it).
        value={inventorySizeOf(s) ?? ''}
        options={[{ value: '', label: 'Choose a size…' }, ...Object.entries(INVENTORY_SIZES).map(([k, v]) => ({ value: k as InventorySize, label: v.label }))]}
        onChange={(size) => size && useScenarioStore.getState().replace(withInventorySize(useScenarioStore.getState().scenario, size))}
      />
      <div className="field-row">
        {num('stores', 'Stores')}
        {num('warehouses', 'Warehouses')}
        <label className="check">
          <input type="checkbox" checked={inv.online} onChange={(e) => update((d) => void (d.inventory!.online = e.target.checked))} />
          Online location
        </label>
      </div>
      <div className="field-row">
        {num('replenishEveryDays', 'Delivery every (days)')}
        {num('leadTimeDays', 'Lead time (days)')}
      </div>
      <div className="field-row">
        {num('targetStockoutPct', 'Stockout target %', 0.5)}
        {num('lowStockUnits', 'Low stock at ≤ units')}
      </div>
      <div className="field-row">
        {num('restockDaysMin', 'Restock after (min days)')}
        {num('restockDaysMax', 'Restock after (max days)')}
      </div>
      <SelectField<SnapshotGranularity> label="Snapshot rows" value={inv.snapshot} options={SNAPSHOT_GRANULARITIES.map((g) => ({ value: g, label: SNAPSHOT_LABEL[g] }))} issues={at('snapshot')} onChange={(v) => update((d) => void (d.inventory!.snapshot = v))} />
    </section>
  );
}
