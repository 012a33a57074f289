import type { Scenario } from '../scenario/schema';

/**
 * The one cache of values derived from a scenario alone (the hourly plan, the weather,
 * the lifecycle population, …): several modules and the analyses read them, and the
 * live designer's preview and the full run of the same scenario share them. Entries
 * live as long as the scenario object does; a key names a value in every module.
 */
const byScenario = new WeakMap<Scenario, Map<string, unknown>>();

export function derive<T>(scenario: Scenario, key: string, build: (scenario: Scenario) => T): T {
  if (!byScenario.get(scenario)?.has(key)) remember(scenario, key, build(scenario));
  return derivedIfKnown<T>(scenario, key)!;
}

/** A value built earlier for this scenario, if any (for values built step by step, with progress). */
export function derivedIfKnown<T>(scenario: Scenario, key: string): T | undefined {
  return byScenario.get(scenario)?.get(key) as T | undefined;
}

export function remember<T>(scenario: Scenario, key: string, value: T): void {
  let values = byScenario.get(scenario);
  if (!values) byScenario.set(scenario, (values = new Map()));
  values.set(key, value);
}
