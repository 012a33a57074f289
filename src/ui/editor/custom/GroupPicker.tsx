import { useId, useState, type ReactNode } from 'react';
import { groupingColumns, knownGroupValues, type Scenario } from '../../../engine/client';
import { humanize } from '../../labels';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { SelectField } from '../SelectField';

interface Props {
  scenario: Scenario;
  /** customColumns.N */
  path: string;
  by: string | undefined;
  groups: readonly string[];
  onBy: (by: string | undefined) => void;
  onAdd: (group: string) => void;
  onRemove: (group: string) => void;
  /** The settings of one group. */
  render: (group: string) => ReactNode;
}

/** "Parameters per cohort": the column whose value picks the settings, and one set of settings per value listed. */
export function GroupPicker({ scenario, path, by, groups, onBy, onAdd, onRemove, render }: Props) {
  const issues = useScenarioIssues();
  const index = Number(path.split('.')[1]);
  const choices = groupingColumns(scenario, index);
  const known = by ? knownGroupValues(scenario, by).filter((v) => !groups.includes(v)) : [];
  const [typed, setTyped] = useState('');
  const listId = useId();
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
      {by && (
        <div className="group-add">
          <input list={listId} value={typed} placeholder={known[0] ?? 'value'} aria-label={`A value of ${by} to give its own settings`} onChange={(e) => setTyped(e.target.value)} />
          <datalist id={listId}>
            {known.map((v) => (
              <option key={v} value={v}>
                {humanize(v)}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            disabled={(typed.trim() || known[0] || '') === '' || groups.includes(typed.trim())}
            onClick={() => {
              onAdd(typed.trim() || known[0]);
              setTyped('');
            }}
          >
            Add group
          </button>
          <span className="muted small">Rows of other values use the settings above.</span>
        </div>
      )}
    </div>
  );
}
