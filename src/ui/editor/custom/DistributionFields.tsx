import { DISTRIBUTION_FAMILIES, FAMILY_PARAMS, type CustomColumn, type DistributionFamily, type DistributionParams } from '../../../engine/client';
import { selectScenario, useScenarioStore } from '../../../state/scenarioStore';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { NumberField } from '../NumberField';
import { SelectField } from '../SelectField';
import { GroupPicker } from './GroupPicker';
import { OptionalNumberField } from './OptionalNumberField';

type Distribution = Extract<CustomColumn, { kind: 'distribution' }>;

const PARAM_LABELS: Record<string, string> = { mean: 'Mean', sd: 'Std dev', min: 'Min', max: 'Max', p: 'Share true (0-1)' };
const FAMILY_LABELS: Record<DistributionFamily, string> = { normal: 'Normal', lognormal: 'Log-normal', uniform: 'Uniform', poisson: 'Poisson (counts)', bernoulli: 'Bernoulli (true/false)' };
const DEFAULTS: Record<DistributionFamily, DistributionParams> = { normal: { mean: 100, sd: 15 }, lognormal: { mean: 100, sd: 60 }, uniform: { min: 0, max: 100 }, poisson: { mean: 3 }, bernoulli: { p: 0.3 } };

/** A distribution's family, parameters, bounds and rounding, and parameters per group of another column. */
export function DistributionFields({ column: c, path, onChange }: { column: Distribution; path: string; onChange: (recipe: (col: CustomColumn) => CustomColumn) => void }) {
  const s = useScenarioStore(selectScenario);
  const issues = useScenarioIssues();
  const set = (recipe: (d: Distribution) => Distribution) => onChange((col) => (col.kind === 'distribution' ? recipe(col) : col));
  const keys = FAMILY_PARAMS[c.family];
  const counts = c.family === 'poisson' || c.family === 'bernoulli';
  return (
    <>
      <div className="field-row">
        <SelectField<DistributionFamily>
          label="Family"
          value={c.family}
          options={DISTRIBUTION_FAMILIES.map((f) => ({ value: f, label: FAMILY_LABELS[f] }))}
          onChange={(family) => set((d) => ({ ...d, family, params: DEFAULTS[family], groups: undefined }))}
        />
        {!counts && <NumberField label="Decimals" value={c.decimals ?? 2} issues={issuesAt(issues, `${path}.decimals`)} onCommit={(v) => set((d) => ({ ...d, decimals: v }))} />}
      </div>
      <div className="field-row">
        {keys.map((k, i) => (
          // Each parameter's own issues under it; one about the parameters together under the first.
          <NumberField
            key={k}
            label={PARAM_LABELS[k]}
            step={k === 'p' ? 0.01 : 1}
            value={c.params[k] ?? 0}
            issues={[...issuesAt(issues, `${path}.params.${k}`, true), ...(i === 0 ? issuesAt(issues, `${path}.params`) : [])]}
            onCommit={(v) => set((d) => ({ ...d, params: { ...d.params, [k]: v } }))}
          />
        ))}
      </div>
      {!counts && (
        <div className="field-row">
          <OptionalNumberField label="Lower bound" placeholder="none" value={c.bounds?.min} issues={issuesAt(issues, `${path}.bounds`, true)} onCommit={(v) => set((d) => ({ ...d, bounds: { ...d.bounds, min: v } }))} />
          <OptionalNumberField label="Upper bound" placeholder="none" value={c.bounds?.max} onCommit={(v) => set((d) => ({ ...d, bounds: { ...d.bounds, max: v } }))} />
        </div>
      )}
      <GroupPicker
        scenario={s}
        path={path}
        column={c}
        set={set}
        fresh={(d) => ({ ...d.params })}
        render={(g) => (
          <div className="field-row">
            {keys.map((k) => (
              <OptionalNumberField
                key={k}
                label={PARAM_LABELS[k]}
                placeholder={String(c.params[k] ?? '')}
                value={c.groups?.[g]?.[k]}
                issues={issuesAt(issues, `${path}.groups.${g}`, true)}
                onCommit={(v) => set((d) => ({ ...d, groups: { ...d.groups, [g]: { ...d.groups?.[g], [k]: v } } }))}
              />
            ))}
          </div>
        )}
      />
    </>
  );
}
