import { MIX_KINDS, type MixKind } from '../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../state/scenarioStore';
import { humanize } from '../labels';
import { issuesAt, useScenarioIssues } from '../useScenarioIssues';
import { MixEditor } from './MixEditor';
import { NumberField } from './NumberField';

const MIX_TITLES: Record<MixKind, string> = { acquisition: 'Acquisition', channel: 'Channel', payment: 'Payment', support: 'Support' };

/** Cohort shares, and per cohort its ages and behaviour mixes. */
export function CohortEditor() {
  const scenario = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const cohorts = scenario.cohorts;

  const setShares = (shares: number[]) => update((s) => s.cohorts.forEach((c, i) => (c.share = shares[i])));

  const setMix = (ci: number, kind: MixKind, shares: number[]) =>
    update((s) => {
      const mix = s.cohorts[ci].mixes[kind];
      Object.keys(mix).forEach((k, i) => (mix[k] = shares[i]));
    });

  return (
    <section className="panel-section" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">Cohorts</h2>
      <MixEditor
        title="Cohort mix"
        rows={cohorts.map((c) => ({ key: c.id, label: c.label, value: c.share }))}
        onChange={setShares}
        issues={issuesAt(issues, 'cohorts')}
      />
      {cohorts.map((c, ci) => (
        <details key={c.id} className="cohort">
          <summary>
            {c.label} <span className="muted">ages {c.ageMin}–{c.ageMax} · behaviour mixes</span>
            {issuesAt(issues, `cohorts.${ci}`, true).length > 0 && <span className="badge bad">needs attention</span>}
          </summary>
          <div className="field-row">
            <NumberField label={`${c.label} min age`} value={c.ageMin} issues={issuesAt(issues, `cohorts.${ci}.ageMin`)} onCommit={(v) => update((s) => void (s.cohorts[ci].ageMin = v))} />
            <NumberField label={`${c.label} max age`} value={c.ageMax} issues={issuesAt(issues, `cohorts.${ci}.ageMax`)} onCommit={(v) => update((s) => void (s.cohorts[ci].ageMax = v))} />
            <NumberField
              label={`${c.label} price elasticity`}
              step={0.1}
              value={c.priceElasticity}
              issues={issuesAt(issues, `cohorts.${ci}.priceElasticity`)}
              onCommit={(v) => update((s) => void (s.cohorts[ci].priceElasticity = v))}
            />
          </div>
          {MIX_KINDS.map((kind) => (
            <MixEditor
              key={kind}
              title={`${c.label} ${MIX_TITLES[kind].toLowerCase()}`}
              rows={Object.entries(c.mixes[kind]).map(([key, value]) => ({ key, label: humanize(key), value }))}
              onChange={(shares) => setMix(ci, kind, shares)}
              issues={issuesAt(issues, `cohorts.${ci}.mixes.${kind}`, true)}
            />
          ))}
        </details>
      ))}
    </section>
  );
}
