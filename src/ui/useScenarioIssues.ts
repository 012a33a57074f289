import { useMemo } from 'react';
import { type ScenarioIssue, validateScenario } from '../engine/client';
import { selectScenario, useScenarioStore } from '../state/scenarioStore';

/** The current scenario's validation issues, recomputed only when the scenario changes. */
export function useScenarioIssues(): ScenarioIssue[] {
  const scenario = useScenarioStore(selectScenario);
  return useMemo(() => {
    const v = validateScenario(scenario);
    return v.ok ? [] : v.issues;
  }, [scenario]);
}

/** Issues about one field (exact path) or, with `prefix`, about anything under it. */
export function issuesAt(issues: readonly ScenarioIssue[], path: string, prefix = false): ScenarioIssue[] {
  return issues.filter((i) => i.field === path || (prefix && i.field.startsWith(`${path}.`)));
}
