import { TENANT_TABLES, type Tenant, demoTenants } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { chooseTables, dropTables } from './sectionTables';

/** Weather-sensitive tenants: revenue, location and the elasticities the data should give back. */
export function TenantEditor() {
  const scenario = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  if (scenario.tenants.length === 0) {
    return (
      <section className="panel-section" aria-labelledby="tenants-heading">
        <h2 id="tenants-heading">Weather tenants</h2>
        <p className="muted small">Add weather-sensitive shops to any scenario: their weather, orders, ads and email tables come along.</p>
        <button
          type="button"
          onClick={() =>
            update((s) => {
              s.tenants = demoTenants();
              chooseTables(s, TENANT_TABLES);
            })
          }
        >
          Add the four demo tenants
        </button>
      </section>
    );
  }
  const field = (i: number, key: keyof Tenant, label: string, step: number) => (
    <NumberField
      // The card's heading names the tenant: the visible label does not repeat it (it wrapped onto two lines); the accessible name does.
      label={label[0].toUpperCase() + label.slice(1)}
      name={`${scenario.tenants[i].id} ${label}`}
      step={step}
      value={scenario.tenants[i][key] as number}
      issues={issuesAt(issues, `tenants.${i}.${key}`)}
      onCommit={(v) => update((s) => void ((s.tenants[i][key] as number) = v))}
    />
  );
  return (
    <section className="panel-section" aria-labelledby="tenants-heading">
      <h2 id="tenants-heading">Tenants</h2>
      <button
        type="button"
        className="danger remove-tenants"
        onClick={() =>
          update((s) => {
            s.tenants = [];
            dropTables(s, TENANT_TABLES);
          })
        }
      >
        Remove tenants
      </button>
      {scenario.tenants.map((t, i) => (
        <div key={t.id} className="tenant-card">
          <h3>
            {t.id} <span className="muted">· {t.category}</span>
          </h3>
          <div className="field-row">
            {field(i, 'tempElasticity', 'temp elasticity', 0.01)}
            {field(i, 'precipElasticity', 'precip elasticity', 0.01)}
          </div>
          <div className="field-row">
            {field(i, 'baseRevenue', 'base revenue', 100)}
            {field(i, 'latitude', 'latitude', 0.1)}
          </div>
        </div>
      ))}
    </section>
  );
}
