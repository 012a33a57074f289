import { JAFFLE_ANOMALY_KINDS, type JaffleAnomalyKind } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const VALUE_LABEL: Record<JaffleAnomalyKind, string> = {
  volume_spike: 'Volume × (above 1)',
  volume_drop: 'Volume × (below 1)',
  payment_shift: 'Points moved to the method',
  duplicate_orders: '% of orders duplicated',
  null_emails: '% of emails emptied',
  late_rows: '% of orders arriving late',
};

const DEFAULT_VALUE: Record<JaffleAnomalyKind, number> = { volume_spike: 3, volume_drop: 0.5, payment_shift: 10, duplicate_orders: 1, null_emails: 2, late_rows: 1 };

/** The jaffle shop: volumes per run, attribution, and the validation set's drift and anomalies. */
export function JaffleEditor() {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const j = s.jaffle;
  if (!j) return null;
  const at = (path: string) => issuesAt(issues, `jaffle.${path}`);
  type NumberKey = 'customersPerRun' | 'ordersPerCustomer' | 'sessionsPerRun' | 'validationPct' | 'growthPctPerDay' | 'sameDayPct' | 'appSessionPct';
  const num = (key: NumberKey, label: string, step = 1) => <NumberField label={label} step={step} value={j[key]} issues={at(key)} onCommit={(v) => update((d) => void (d.jaffle![key] = v))} />;
  const methods = Object.keys(j.paymentMix);
  return (
    <section className="panel-section" aria-labelledby="jaffle-heading">
      <h2 id="jaffle-heading">Jaffle shop</h2>
      <p className="muted small">Days back is the calendar's Days; each day can be exported on its own (CLI: --by-day).</p>
      <div className="field-row">
        {num('customersPerRun', 'Customers per run')}
        {num('ordersPerCustomer', 'Orders per customer', 0.5)}
      </div>
      <div className="field-row">
        {num('sessionsPerRun', 'Sessions per run')}
        {num('appSessionPct', 'App sessions %')}
      </div>
      <div className="field-row">
        {num('sameDayPct', 'Same-day conversions %')}
        {num('growthPctPerDay', 'Growth % a day', 0.1)}
      </div>
      <div className="field-row">
        <SelectField<'1' | '7'>
          label="Attribution window"
          value={String(j.attributionWindowDays) as '1' | '7'}
          options={[
            { value: '1', label: '1 day' },
            { value: '7', label: '7 days' },
          ]}
          onChange={(v) => update((d) => void (d.jaffle!.attributionWindowDays = v === '7' ? 7 : 1))}
        />
        {num('validationPct', 'Validation size %')}
      </div>
      <h3 className="subhead">Validation drift and anomalies</h3>
      {j.anomalies.map((a, i) => (
        <div key={i} className="tenant-card" role="group" aria-label={`Anomaly ${i + 1}`}>
          <h3>
            Anomaly {i + 1}
            <button type="button" className="danger remove-fault" aria-label={`Remove anomaly ${i + 1}`} onClick={() => update((d) => void d.jaffle!.anomalies.splice(i, 1))}>
              Remove
            </button>
          </h3>
          <div className="field-row">
            <SelectField<JaffleAnomalyKind> label="Kind" value={a.kind} options={JAFFLE_ANOMALY_KINDS.map((k) => ({ value: k, label: humanize(k) }))} onChange={(v) => update((d) => void (d.jaffle!.anomalies[i] = { ...a, kind: v, value: DEFAULT_VALUE[v], method: v === 'payment_shift' ? a.method || methods[0] : '' }))} />
            <NumberField label={VALUE_LABEL[a.kind]} step={0.5} value={a.value} issues={at(`anomalies.${i}.value`)} onCommit={(v) => update((d) => void (d.jaffle!.anomalies[i].value = v))} />
          </div>
          {(a.kind === 'volume_spike' || a.kind === 'volume_drop') && (
            <NumberField label="On day (0 = first)" value={a.day} issues={at(`anomalies.${i}.day`)} onCommit={(v) => update((d) => void (d.jaffle!.anomalies[i].day = v))} />
          )}
          {a.kind === 'payment_shift' && (
            <SelectField label="Method" value={a.method || methods[0]} options={methods.map((m) => ({ value: m, label: humanize(m) }))} issues={at(`anomalies.${i}.method`)} onChange={(v) => update((d) => void (d.jaffle!.anomalies[i].method = v))} />
          )}
        </div>
      ))}
      <button type="button" onClick={() => update((d) => void d.jaffle!.anomalies.push({ kind: 'volume_drop', day: 0, value: 0.5, method: '' }))}>
        Add an anomaly
      </button>
    </section>
  );
}
