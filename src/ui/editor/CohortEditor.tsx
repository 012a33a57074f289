import { MIX_KINDS, type MixKind, rebalance } from '../../engine/client';
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

  const setShare = (index: number, value: number) =>
    update((s) => {
      const next = rebalance(s.cohorts.map((c) => c.share), index, value);
      s.cohorts.forEach((c, i) => (c.share = next[i]));
    });

  const setMix = (ci: number, kind: MixKind, index: number, value: number) =>
    update((s) => {
      const mix = s.cohorts[ci].mixes[kind];
      const keys = Object.keys(mix);
      const next = rebalance(keys.map((k) => mix[k]), index, value);
      keys.forEach((k, i) => (mix[k] = next[i]));
    });

  return (
    <section className="panel-section" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">Cohorts</h2>
      <MixEditor
        title="Cohort mix"
        rows={cohorts.map((c) => ({ key: c.id, label: c.label, value: c.share }))}
        onChange={setShare}
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
              onChange={(i, v) => setMix(ci, kind, i, v)}
              issues={issuesAt(issues, `cohorts.${ci}.mixes.${kind}`, true)}
            />
          ))}
        </details>
      ))}
    </section>
  );
}
