import { CHURN_RISKS, LIFECYCLE_TABLES, type Segment, CHURN_SIZES, withChurnSize, type ChurnSize } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { chooseTables, dropTables } from './sectionTables';
import { SelectField } from './SelectField';

const LIFECYCLE_ONLY = LIFECYCLE_TABLES.filter((t) => t !== 'customers');

/** A neutral segment for a cohort that had none: medium risk, average frequency. */
const defaultSegment = (): Segment => ({ tenureMonthsMin: 0, tenureMonthsMax: 36, frequency: 1, meanAmount: 60, churnRisk: 'medium' });

/** Customer lifecycle: churn target, purchase rhythm, signups and each segment's behaviour. */
export function LifecycleEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const at = (path: string) => issuesAt(issues, `lifecycle.${path}`);
  const l = s.lifecycle;
  if (!l) {
    return (
      <section className="panel-section" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">Customer lifecycle</h2>
        <p className="muted small">Let customers sign up, buy, drift and churn: adds transactions, churn labels and daily metrics, with each cohort as a segment.</p>
        <button
          type="button"
          onClick={() =>
            update((d) => {
              d.lifecycle = {
                churnRatePct: 15,
                inactivityDays: 60,
                purchasesPerMonth: 1.5,
                signupsPerDay: Math.round((d.volumes.customers * 15) / 365) / 100,
                newCohort: d.cohorts[0].id,
                calibrationDays: null,
                segments: Object.fromEntries(d.cohorts.map((c) => [c.id, defaultSegment()])),
              };
              chooseTables(d, LIFECYCLE_TABLES);
            })
          }
        >
          Add a customer lifecycle
        </button>
      </section>
    );
  }
  const segmentField = (id: string, key: 'tenureMonthsMin' | 'tenureMonthsMax' | 'frequency' | 'meanAmount', label: string, step: number) => (
    <NumberField label={label} name={`${humanize(id)} ${label}`} step={step} value={l.segments[id]?.[key] ?? 0} issues={at(`segments.${id}.${key}`)} onCommit={(v) => update((d) => void (d.lifecycle!.segments[id] = { ...(d.lifecycle!.segments[id] ?? defaultSegment()), [key]: v }))} />
  );
  return (
    <section className="panel-section" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">Customer lifecycle</h2>
      <button
        type="button"
        className="danger remove-tenants"
        onClick={() =>
          update((d) => {
            d.lifecycle = null;
            dropTables(d, LIFECYCLE_ONLY);
          })
        }
      >
        Remove lifecycle
      </button>
      <SelectField<ChurnSize | ''>
        label="Size preset"
        value=""
        options={[{ value: '', label: 'Choose a size…' }, ...Object.entries(CHURN_SIZES).map(([k, v]) => ({ value: k as ChurnSize, label: v.label }))]}
        onChange={(size) => size && useScenarioStore.getState().replace(withChurnSize(useScenarioStore.getState().scenario, size))}
      />
      <div className="field-row">
        <NumberField label="Churn rate target %" step={0.5} value={l.churnRatePct} issues={at('churnRatePct')} onCommit={(v) => update((d) => void (d.lifecycle!.churnRatePct = v))} />
        <NumberField label="Inactive days = churn" value={l.inactivityDays} issues={at('inactivityDays')} onCommit={(v) => update((d) => void (d.lifecycle!.inactivityDays = v))} />
      </div>
      <div className="field-row">
        <NumberField label="Purchases per month" step={0.05} value={l.purchasesPerMonth} issues={at('purchasesPerMonth')} onCommit={(v) => update((d) => void (d.lifecycle!.purchasesPerMonth = v))} />
        <NumberField label="Signups per day" step={0.1} value={l.signupsPerDay} issues={at('signupsPerDay')} onCommit={(v) => update((d) => void (d.lifecycle!.signupsPerDay = v))} />
      </div>
      <SelectField label="New signups join" value={l.newCohort} options={s.cohorts.map((c) => ({ value: c.id, label: c.label }))} issues={at('newCohort')} onChange={(v) => update((d) => void (d.lifecycle!.newCohort = v))} />
      {s.cohorts.map((c) => (
        <div key={c.id} className="tenant-card">
          <h3>{c.label}</h3>
          <div className="field-row">
            {segmentField(c.id, 'tenureMonthsMin', 'tenure from (months)', 1)}
            {segmentField(c.id, 'tenureMonthsMax', 'tenure to (months)', 1)}
          </div>
          <div className="field-row">
            {segmentField(c.id, 'frequency', 'frequency ×', 0.1)}
            {segmentField(c.id, 'meanAmount', 'mean amount $', 5)}
            <SelectField
              label="churn risk"
              name={`${humanize(c.id)} churn risk`}
              value={l.segments[c.id]?.churnRisk ?? 'medium'}
              options={CHURN_RISKS.map((r) => ({ value: r, label: r }))}
              issues={at(`segments.${c.id}`)}
              onChange={(v) => update((d) => void (d.lifecycle!.segments[c.id] = { ...(d.lifecycle!.segments[c.id] ?? defaultSegment()), churnRisk: v }))}
            />
          </div>
        </div>
      ))}
    </section>
  );
}
