import { ScenarioError } from './scenario/errors';
import { LIFECYCLE_TABLES, type Scenario } from './scenario/schema';
import { parseScenarioText, validateScenario } from './scenario/validate';

/**
 * The scenario that continues a run for `extraDays` more days, and the day the increment
 * starts at. The calendar grows and the churn hazard stays calibrated to the first run's
 * days, so the process is the same one run longer: its first days are the earlier run,
 * byte for byte, and the increment is the rest. Ids continue because they are counted
 * from day 0. Only lifecycle scenarios can be continued: the suite's hourly plan is drawn
 * for the whole calendar at once.
 */
export function continuation(previous: unknown, extraDays: number): { scenario: Scenario; fromDay: number } {
  if (typeof previous !== 'object' || previous === null || Array.isArray(previous)) {
    throw new ScenarioError([{ code: 'E112', field: 'scenario', message: 'the manifest holds no scenario to continue' }]);
  }
  // A manifest from an earlier release holds an older scenario version: lift it first.
  const checked = parseScenarioText(JSON.stringify(previous));
  if (!checked.ok) throw new ScenarioError(checked.issues.map((i) => ({ ...i, field: `scenario.${i.field}` })));
  const s = checked.scenario;
  if (!s.lifecycle) throw new ScenarioError([{ code: 'E112', field: 'scenario.lifecycle', message: 'only a run with a customer lifecycle can be continued' }]);
  const other = s.tables.filter((t) => !(LIFECYCLE_TABLES as readonly string[]).includes(t));
  if (other.length > 0) throw new ScenarioError([{ code: 'E112', field: 'scenario.tables', message: `${other.join(', ')} cannot be continued; only ${LIFECYCLE_TABLES.join(', ')}` }]);
  if (!Number.isInteger(extraDays) || extraDays < 1) throw new ScenarioError([{ code: 'E112', field: 'days', message: 'continue by a whole number of days, at least 1' }]);
  const days = s.calendar.days;
  const next: Scenario = {
    ...s,
    calendar: { ...s.calendar, days: days + extraDays },
    lifecycle: { ...s.lifecycle, calibrationDays: s.lifecycle.calibrationDays ?? days },
  };
  const valid = validateScenario(next);
  if (!valid.ok) throw new ScenarioError(valid.issues);
  return { scenario: valid.scenario, fromDay: days };
}
