import { type CustomColumn, type Scenario } from '../../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../../state/scenarioStore';
import { CustomColumnCard } from './CustomColumnCard';

/** A fresh column for the editor: a normal distribution on the first chosen table, under a name not yet taken there. */
export function newCustomColumn(s: Scenario): CustomColumn {
  const table = s.tables.includes('orders') ? 'orders' : s.tables[0];
  const taken = new Set((s.customColumns ?? []).filter((c) => c.table === table).map((c) => c.name));
  let n = 1;
  while (taken.has(`custom_${n}`)) n++;
  return { table, name: `custom_${n}`, kind: 'distribution', family: 'normal', params: { mean: 100, sd: 15 }, decimals: 2 };
}

/** The user's own columns on any table; each is previewed, summarised and held to its targets like a built-in one. */
export function CustomColumnsEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const columns = s.customColumns ?? [];
  return (
    <section className="panel-section" aria-labelledby="custom-heading">
      <h2 id="custom-heading">Custom columns</h2>
      <p className="muted small">
        Your own columns on any table: a distribution, a mix, a word list, a pattern, or an expression over the row and the customer or product it references. A column reads the columns above
        it. They show in the preview, Summary and Distributions; their targets in Conformance.
      </p>
      {columns.map((c, i) => (
        <CustomColumnCard key={i} index={i} column={c} />
      ))}
      <div className="saved-actions">
        <button type="button" onClick={() => update((d) => void (d.customColumns = [...(d.customColumns ?? []), newCustomColumn(d)]))}>
          Add a column
        </button>
      </div>
    </section>
  );
}
