import { useEffect, useRef, useState } from 'react';
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
  // Each card keeps its own key through removals and moves, so text typed in one card never
  // shows up in the next. An edit from elsewhere (undo, a template, a file) that changes the
  // count starts the keys afresh (adjusted during render, React's pattern for derived state).
  const [keys, setKeys] = useState(() => ({ list: columns.map((_, i) => i), next: columns.length }));
  let list = keys.list;
  if (list.length !== columns.length) {
    const fresh = { list: columns.map((_, i) => keys.next + i), next: keys.next + columns.length };
    setKeys(fresh);
    list = fresh.list;
  }
  // A new card takes the focus (its first field), so a keyboard user goes on where it appears.
  const section = useRef<HTMLElement>(null);
  const focusNewCard = useRef(false);
  useEffect(() => {
    if (!focusNewCard.current) return;
    focusNewCard.current = false;
    const cards = section.current?.querySelectorAll<HTMLElement>('[role="group"][aria-label^="Custom column "]');
    cards?.[cards.length - 1]?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  });
  const add = () => {
    setKeys({ list: [...list, keys.next], next: keys.next + 1 });
    update((d) => void (d.customColumns = [...(d.customColumns ?? []), newCustomColumn(d)]));
    focusNewCard.current = true;
  };
  const addButton = useRef<HTMLButtonElement>(null);
  const remove = (index: number) => {
    setKeys({ ...keys, list: list.filter((_, i) => i !== index) });
    update((d) => void d.customColumns!.splice(index, 1));
    // The Remove button goes with its card: the focus goes to Add a column, not to the page.
    addButton.current?.focus();
  };
  const move = (from: number, to: number) => {
    const moved = [...list];
    [moved[from], moved[to]] = [moved[to], moved[from]];
    setKeys({ ...keys, list: moved });
    update((d) => {
      const cols = d.customColumns!;
      [cols[from], cols[to]] = [cols[to], cols[from]];
    });
  };
  return (
    <section className="panel-section" aria-labelledby="custom-heading" ref={section}>
      <h2 id="custom-heading">Custom columns</h2>
      <p className="muted small">
        Your own columns on any table: a distribution, a mix, a word list, a pattern, or an expression over the row and the customer or product it references. A column reads the columns above
        it. They show in the preview, Summary and Distributions; their targets in Conformance.
      </p>
      {columns.map((c, i) => (
        <CustomColumnCard key={list[i]} index={i} column={c} onMove={move} onRemove={remove} />
      ))}
      <div className="saved-actions">
        <button type="button" ref={addButton} onClick={add}>
          Add a column
        </button>
      </div>
    </section>
  );
}
