import { useState, type ReactNode } from 'react';
import { groupingColumns, knownGroupValues, type Scenario } from '../../../engine/client';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { SelectField } from '../SelectField';

/** More values than this (a word list of job titles) are typed in, not picked from a list. */
const MAX_LISTED = 60;

/** A custom column whose settings can differ by the value of another column. */
interface Grouped<G> {
  by?: string;
  groups?: Record<string, G>;
}

interface Props<C extends Grouped<G>, G> {
  scenario: Scenario;
  /** customColumns.N */
  path: string;
  column: C;
  set: (recipe: (column: C) => C) => void;
  /** A new group's settings: a copy of the column's own. */
  fresh: (column: C) => G;
  /** The settings of one group. */
  render: (group: string) => ReactNode;
}

/** "Settings per cohort": the column whose value picks the settings, and one set of settings per value listed. */
export function GroupPicker<C extends Grouped<G>, G>({ scenario, path, column, set, fresh, render }: Props<C, G>) {
  const issues = useScenarioIssues();
  const by = column.by;
  const groups = Object.keys(column.groups ?? {});
  // Groups are values of the column they were set for: another column starts with none.
  const onBy = (next: string | undefined) => set((c) => ({ ...c, by: next, groups: undefined }));
  const onAdd = (g: string) => set((c) => ({ ...c, groups: { ...c.groups, [g]: fresh(c) } }));
  const onRemove = (g: string) => set((c) => ({ ...c, groups: Object.fromEntries(Object.entries(c.groups ?? {}).filter(([k]) => k !== g)) }));
  const index = Number(path.split('.')[1]);
  const choices = groupingColumns(scenario, index);
  const table = scenario.customColumns?.[index]?.table;
  // Values the scenario fixes (cohorts, tenants, …) are offered in a list while they fit one;
  // others are typed in (validation still names a value no row has, where it knows them).
  const values = by && table && table !== 'dq_faults' ? knownGroupValues(scenario, table, by) : null;
  const listed = values && values.length <= MAX_LISTED ? values : [];
  const known = listed.filter((v) => !groups.includes(v));
  const [typed, setTyped] = useState('');
  return (
    <div className="group-picker">
      <SelectField<string>
        label="Settings per"
        value={by ?? ''}
        options={[{ value: '', label: 'the same for every row' }, ...choices.map((n) => ({ value: n, label: n }))]}
        issues={issuesAt(issues, `${path}.by`)}
        onChange={(v) => onBy(v === '' ? undefined : v)}
      />
      {by &&
        groups.map((g) => (
          <div key={g} className="group-row" role="group" aria-label={`${by} = ${g}`}>
            <div className="group-head">
              <span className="mono">
                {by} = {g}
              </span>
              <button type="button" className="link" aria-label={`Remove group ${g}`} onClick={() => onRemove(g)}>
                remove
              </button>
            </div>
            {render(g)}
          </div>
        ))}
      {by && known.length > 0 && (
        <div className="group-add">
          <select aria-label={`Give a value of ${by} its own settings`} value="" onChange={(e) => e.target.value && onAdd(e.target.value)}>
            <option value="">Own settings for {by} =…</option>
            {known.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
      {by && listed.length > 0 && known.length === 0 && <p className="muted small">Every value of {by} has its own settings.</p>}
      {by && listed.length === 0 && (
        <div className="group-add">
          <input value={typed} placeholder={`a value of ${by}`} aria-label={`A value of ${by} to give its own settings`} onChange={(e) => setTyped(e.target.value)} />
          <button
            type="button"
            disabled={typed.trim() === '' || groups.includes(typed.trim())}
            onClick={() => {
              onAdd(typed.trim());
              setTyped('');
            }}
          >
            Add group
          </button>
        </div>
      )}
      {by && <p className="muted small">Rows of values without their own settings use the settings above.</p>}
    </div>
  );
}
