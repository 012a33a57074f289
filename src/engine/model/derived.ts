import type { Scenario } from '../scenario/schema';

/**
 * The one cache of values derived from a scenario alone (the hourly plan, the weather,
 * the lifecycle population, …): several modules and the analyses read them, and the
 * live designer's preview and the full run of the same scenario share them. Entries
 * live as long as the scenario object does; a key names a value in every module.
 */
const byScenario = new WeakMap<Scenario, Map<string, unknown>>();

export function derive<T>(scenario: Scenario, key: string, build: (scenario: Scenario) => T): T {
  let values = byScenario.get(scenario);
  if (!values) byScenario.set(scenario, (values = new Map()));
  if (!values.has(key)) values.set(key, build(scenario));
  return values.get(key) as T;
}
