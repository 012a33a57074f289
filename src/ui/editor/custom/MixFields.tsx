import { useState } from 'react';
import { rebalance, type CustomColumn } from '../../../engine/client';
import { selectScenario, useScenarioStore } from '../../../state/scenarioStore';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { MixEditor } from '../MixEditor';
import { GroupPicker } from './GroupPicker';

type MixColumn = Extract<CustomColumn, { kind: 'mix' }>;
type Mix = MixColumn['mix'];

/** The mix's options with these shares, in order (the mix editor keeps them summing to 100). */
function withShares(mix: Mix, shares: readonly number[]): Mix {
  return Object.fromEntries(Object.keys(mix).map((k, i) => [k, shares[i]]));
}

/** The mix with a new option at 0% (move its slider to give it a share). */
function added(mix: Mix, option: string): Mix {
  return { ...mix, [option]: 0 };
}

/** The mix without one option, its share spread over the others in proportion. */
function removed(mix: Mix, option: string): Mix {
  const keys = Object.keys(mix);
  if (!keys.includes(option)) return mix;
  const shares = rebalance(Object.values(mix), keys.indexOf(option), 0);
  return Object.fromEntries(keys.flatMap((k, i) => (k === option ? [] : [[k, shares[i]]])));
}

/** The options of a categorical column and their shares (the cohorts' mix editor), per group if asked. */
export function MixFields({ column: c, path, onChange }: { column: MixColumn; path: string; onChange: (recipe: (col: CustomColumn) => CustomColumn) => void }) {
  const s = useScenarioStore(selectScenario);
  const issues = useScenarioIssues();
  const [option, setOption] = useState('');
  const set = (recipe: (m: MixColumn) => MixColumn) => onChange((col) => (col.kind === 'mix' ? recipe(col) : col));
  const keys = Object.keys(c.mix);
  // Adding or removing an option changes every mix of the column alike (the options are the column's), keeping the other shares.
  const withOptions = (m: MixColumn, change: (mix: Mix) => Mix): MixColumn => ({
    ...m,
    mix: change(m.mix),
    groups: m.groups ? Object.fromEntries(Object.entries(m.groups).map(([g, mix]) => [g, change(mix)])) : undefined,
  });
  const rows = (mix: Mix) => Object.entries(mix).map(([key, value]) => ({ key, label: key, value }));
  const taken = keys.includes(option.trim());
  const canAdd = option.trim() !== '' && !taken;
  const add = () => {
    set((m) => withOptions(m, (mix) => added(mix, option.trim())));
    setOption('');
  };
  return (
    <>
      <MixEditor title={`${c.name} shares`} rows={rows(c.mix)} issues={issuesAt(issues, `${path}.mix`, true)} onChange={(shares) => set((m) => ({ ...m, mix: withShares(m.mix, shares) }))} />
      <div className="group-add">
        <input
          value={option}
          placeholder="new option"
          aria-label={`A new option for ${c.name}`}
          aria-describedby={taken ? `${path}-option-taken` : undefined}
          onChange={(e) => setOption(e.target.value)}
          // Enter adds, as the button beside it does.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && canAdd) {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={!canAdd} onClick={add}>
          Add option
        </button>
        {taken && (
          <span id={`${path}-option-taken`} className="muted small">
            “{option.trim()}” is already an option
          </span>
        )}
        {keys.length > 1 && (
          <select aria-label={`Remove an option of ${c.name}`} value="" onChange={(e) => {
              const gone = e.target.value;
              if (gone) set((m) => withOptions(m, (mix) => removed(mix, gone)));
            }}>
            <option value="">Remove an option…</option>
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </div>
      <GroupPicker
        scenario={s}
        path={path}
        column={c}
        set={set}
        fresh={(m) => ({ ...m.mix })}
        render={(g) => (
          <MixEditor
            title={`${g} shares`}
            rows={rows(c.groups?.[g] ?? c.mix)}
            issues={issuesAt(issues, `${path}.groups.${g}`, true)}
            onChange={(shares) => set((m) => ({ ...m, groups: { ...m.groups, [g]: withShares(m.groups?.[g] ?? m.mix, shares) } }))}
          />
        )}
      />
    </>
  );
}
