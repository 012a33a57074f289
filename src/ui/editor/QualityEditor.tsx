import { FAULT_KINDS, type FaultKind, type TableName, corruptionPreset } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const KIND_HINT: Record<FaultKind, string> = {
  null: 'empties a cell',
  out_of_range: 'an impossible number in a number column (an age over 100, a count ×1000)',
  negative_amount: 'money below zero',
  duplicate_row: 'the row twice',
  orphan_fk: 'an id with no parent',
  typo: 'letters swapped in text',
  timezone_shift: 'timestamp off by hours',
  late_arriving: 'row moved to the end',
};

/** Typed data-quality faults per table, each listed in dq_faults with the data. */
export function QualityEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const faults = s.quality.faults;
  const tables = s.tables.map((t) => ({ value: t, label: t }));
  return (
    <section className="panel-section" aria-labelledby="quality-heading">
      <h2 id="quality-heading">Data quality</h2>
      <p className="muted small">
        Faults go in after generation; the clean data stays checkable in the Quality view, and every fault is listed in <span className="mono">dq_faults</span>.
      </p>
      {faults.map((f, i) => (
        <div key={i} className="tenant-card" aria-label={`Fault ${i + 1}`} role="group">
          <h3>
            Fault {i + 1}
            <button type="button" className="danger remove-fault" aria-label={`Remove fault ${i + 1}`} onClick={() => update((d) => void d.quality.faults.splice(i, 1))}>
              Remove
            </button>
          </h3>
          <div className="field-row">
            <SelectField<TableName> label="Table" value={f.table} options={tables} issues={issuesAt(issues, `quality.faults.${i}.table`)} onChange={(v) => update((d) => void (d.quality.faults[i].table = v))} />
            <SelectField<FaultKind> label="Kind" value={f.kind} options={FAULT_KINDS.map((k) => ({ value: k, label: humanize(k) }))} issues={issuesAt(issues, `quality.faults.${i}.kind`)} onChange={(v) => update((d) => void (d.quality.faults[i].kind = v))} />
          </div>
          <div className="field-row">
            <NumberField label="Rate %" step={0.5} value={f.ratePct} issues={issuesAt(issues, `quality.faults.${i}.ratePct`)} onCommit={(v) => update((d) => void (d.quality.faults[i].ratePct = v))} />
            <TextField label="Column (empty = any)" value={f.column} issues={issuesAt(issues, `quality.faults.${i}.column`)} onChange={(v) => update((d) => void (d.quality.faults[i].column = v.trim()))} />
          </div>
          <p className="muted small">{KIND_HINT[f.kind]}</p>
        </div>
      ))}
      <div className="saved-actions">
        <button type="button" onClick={() => update((d) => void d.quality.faults.push({ table: d.tables[0], kind: 'null', ratePct: 1, column: '' }))}>
          Add a fault
        </button>
        <button type="button" title="add_data_quality_issues(corruption_rate=0.02): 1% null ages, 1% impossible ages, 2% negative amounts" onClick={() => update((d) => void (d.quality.faults = [...d.quality.faults, ...corruptionPreset(d, 2)]))}>
          Seed preset: 2% corruption
        </button>
        {faults.length > 0 && (
          <button type="button" className="danger" onClick={() => update((d) => void (d.quality.faults = []))}>
            Clear faults
          </button>
        )}
      </div>
    </section>
  );
}
