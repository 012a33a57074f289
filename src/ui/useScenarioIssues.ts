import { type ScenarioIssue, type Scenario, validateScenario } from '../engine/client';
import { selectScenario, useScenarioStore } from '../state/scenarioStore';
import { problemTotal, useProblemTotal } from './editor/draftProblems';

/** One validation per scenario value, however many editor sections ask (an edit re-renders them all). */
const validated = new WeakMap<Scenario, ScenarioIssue[]>();

export function issuesOf(scenario: Scenario): ScenarioIssue[] {
  let issues = validated.get(scenario);
  if (!issues) {
    const v = validateScenario(scenario);
    issues = v.ok ? [] : v.issues;
    validated.set(scenario, issues);
  }
  return issues;
}

/** The current scenario's validation issues, computed once per scenario value. */
export function useScenarioIssues(): ScenarioIssue[] {
  return issuesOf(useScenarioStore(selectScenario));
}

/** Issues about one field (exact path) or, with `prefix`, about anything under it. */
export function issuesAt(issues: readonly ScenarioIssue[], path: string, prefix = false): ScenarioIssue[] {
  return issues.filter((i) => i.field === path || (prefix && i.field.startsWith(`${path}.`)));
}

/**
 * What holds Run back: the scenario's issues and the boxes whose text is not a value (the
 * scenario kept their last value). The Run button and Ctrl+Enter both ask here.
 */
export function problemCount(scenario: Scenario): number {
  return problemTotal(issuesOf(scenario).length);
}

export function useProblemCount(): number {
  return useProblemTotal(useScenarioIssues().length);
}
