import { controlsThatApply } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { CohortEditor } from './CohortEditor';
import { EventTimeline } from './EventTimeline';
import { InventoryEditor } from './InventoryEditor';
import { JaffleEditor } from './JaffleEditor';
import { LifecycleEditor } from './LifecycleEditor';
import { QualityEditor } from './QualityEditor';
import { CustomColumnsEditor } from './custom/CustomColumnsEditor';
import { TenantEditor } from './TenantEditor';
import { NumberField } from './NumberField';
import { DiskRun } from '../export/DiskRun';
import { RunSize } from './RunSize';
import { SavedScenarios } from './SavedScenarios';
import { TablesChoice } from './TablesChoice';
import { ScenarioFile } from './ScenarioFile';
import { TextField } from './TextField';

/** The left panel: every field of the scenario. */
export function ScenarioEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const at = (path: string) => issuesAt(issues, path);
  // Only the controls that change this scenario's data (no orders per day beside a jaffle shop).
  const applies = controlsThatApply(s);

  return (
    <div className="editor">
      <section className="panel-section" aria-labelledby="scenario-heading">
        <h2 id="scenario-heading">Scenario</h2>
        <TextField label="Name" value={s.name} issues={at('name')} onChange={(v) => update((d) => void (d.name = v))} />
        <div className="field-row">
          <NumberField label="Seed" value={s.seed} issues={at('seed')} onCommit={(v) => update((d) => void (d.seed = v))} />
          <TextField label="Start date" type="date" value={s.calendar.start} issues={at('calendar.start')} onChange={(v) => update((d) => void (d.calendar.start = v))} />
          <NumberField label="Days" value={s.calendar.days} issues={at('calendar.days')} onCommit={(v) => update((d) => void (d.calendar.days = v))} />
        </div>
      </section>

      <section className="panel-section" aria-labelledby="volumes-heading">
        <h2 id="volumes-heading">Volumes</h2>
        {(applies.customers || applies.ordersPerDay) && (
          <div className="field-row">
            {applies.customers && <NumberField label="Customers" value={s.volumes.customers} issues={at('volumes.customers')} onCommit={(v) => update((d) => void (d.volumes.customers = v))} />}
            {applies.ordersPerDay && <NumberField label="Orders per day" value={s.volumes.ordersPerDay} issues={at('volumes.ordersPerDay')} onCommit={(v) => update((d) => void (d.volumes.ordersPerDay = v))} />}
          </div>
        )}
        {applies.catalog && (
          <div className="field-row">
            <NumberField label="Products" value={s.volumes.products} issues={at('volumes.products')} onCommit={(v) => update((d) => void (d.volumes.products = v))} />
            <NumberField label="Suppliers" value={s.volumes.suppliers} issues={at('volumes.suppliers')} onCommit={(v) => update((d) => void (d.volumes.suppliers = v))} />
          </div>
        )}
        {!applies.ordersPerDay && <p className="muted small">This scenario's tables draw no shop orders: its volumes are set in its own section below.</p>}
        <RunSize />
      </section>

      <DiskRun />

      <TenantEditor />

      <LifecycleEditor />

      <InventoryEditor />

      <JaffleEditor />

      {applies.events && <EventTimeline />}

      {applies.cohorts && <CohortEditor />}

      {applies.orders && (
      <section className="panel-section" aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        <div className="field-row">
          <NumberField label="Coupon rate %" step={0.1} value={s.orders.couponRate} issues={at('orders.couponRate')} onCommit={(v) => update((d) => void (d.orders.couponRate = v))} />
          <NumberField label="Coupon discount %" step={0.1} value={s.orders.couponPercent} issues={at('orders.couponPercent')} onCommit={(v) => update((d) => void (d.orders.couponPercent = v))} />
        </div>
        <div className="field-row">
          <NumberField label="Payment failures %" step={0.1} value={s.orders.paymentFailureRate} issues={at('orders.paymentFailureRate')} onCommit={(v) => update((d) => void (d.orders.paymentFailureRate = v))} />
          <NumberField label="Cancellations %" step={0.1} value={s.orders.cancelRate} issues={at('orders.cancelRate')} onCommit={(v) => update((d) => void (d.orders.cancelRate = v))} />
        </div>
        <NumberField label="Extra items per order (mean)" step={0.1} value={s.orders.meanExtraItems} issues={at('orders.meanExtraItems')} onCommit={(v) => update((d) => void (d.orders.meanExtraItems = v))} />
      </section>
      )}

      <CustomColumnsEditor />

      <QualityEditor />

      <TablesChoice />

      <ScenarioFile />

      <SavedScenarios />
    </div>
  );
}
