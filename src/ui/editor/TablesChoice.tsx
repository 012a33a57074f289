import { type Scenario, TABLE_NAMES, tablesOnOffer } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { FieldError } from './FieldError';

/**
 * The tables to generate: those this scenario's sections can make (tablesOnOffer), and any
 * other it already names, so a scenario from a file can drop one the editor would not offer.
 */
export function TablesChoice() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const offered = new Set<string>([...tablesOnOffer(s), ...s.tables.filter((t) => t !== 'dq_faults')]);
  const shown = TABLE_NAMES.filter((t) => offered.has(t));
  // dq_faults comes with faults, never by choice: not counted among the hidden.
  const hidden = TABLE_NAMES.length - 1 - shown.length;
  return (
    <section className="panel-section" aria-labelledby="tables-heading">
      <h2 id="tables-heading">Tables to generate</h2>
      <div className="checks">
        {shown.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={s.tables.includes(t)}
              onChange={(e) =>
                update((d) => {
                  d.tables = TABLE_NAMES.filter((x) => (x === t ? e.target.checked : d.tables.includes(x)));
                })
              }
            />
            {humanize(t)}
          </label>
        ))}
      </div>
      {hidden > 0 && <p className="muted small">{hidden} more tables come with the {sectionsMissing(s)}.</p>}
      <FieldError id="tables-err" issues={issuesAt(issues, 'tables', true)} />
    </section>
  );
}

/** "weather tenants, churn and jaffle shop templates": the templates whose sections this scenario lacks. */
function sectionsMissing(s: Scenario): string {
  const names = [s.tenants.length === 0 && 'weather tenants', !s.lifecycle && 'churn', !s.inventory && 'inventory', !s.jaffle && 'jaffle shop'].filter((n): n is string => n !== false);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${list} template${names.length > 1 ? 's' : ''}`;
}
