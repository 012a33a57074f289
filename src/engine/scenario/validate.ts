import type { z } from 'zod';
import { ScenarioError, parseCodedMessage, type ScenarioIssue } from './errors';
import { planCustomColumns, storedType, type PlannedColumn } from '../custom/plan';
import type { ColumnType } from '../table';
import { faultColumnIssues } from '../quality/faults';
import { tableColumnsOf } from './tableColumns';
import { migrate } from './migrate';
import { scenarioSchema, type Scenario, type TableName } from './schema';
import { COLUMN_NAME } from './customColumns';

/**
 * A failed validation carries the scenario as a `draft` when every field passed the schema and
 * only its custom columns or faults are refused (an expression with a typo, a fault on a
 * column no table has): the editor can open it with those problems marked, as it keeps such a
 * draft across a reload. Input that fails the schema never comes back as a draft.
 */
export type Validation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[]; draft?: Scenario };

export function validateScenario(input: unknown): Validation {
  let result;
  try {
    result = scenarioSchema.safeParse(input, { reportInput: true });
  } catch (e) {
    // A cross-field check met a value a field check had already refused: answer, never throw.
    return { ok: false, issues: [{ code: 'E109', field: '', message: `the scenario has fields of the wrong shape (${(e as Error).message})` }] };
  }
  if (result.success) {
    // Custom columns are checked against their tables and each other once the fields are sound,
    // then faults against every column the tables will have.
    const scenario = result.data;
    const plan = planCustomColumns(scenario);
    const issues = plan.issues.length > 0 ? plan.issues : faultColumnIssues(scenario, (table) => columnsOf(scenario, table, plan.columns));
    return issues.length > 0 ? { ok: false, issues, draft: scenario } : { ok: true, scenario };
  }
  return { ok: false, issues: zodIssues(result.error).map((issue) => withColumnName(issue, input)) };
}

/** A table's columns in order, by stored type: its built-in ones, then the custom columns on it. */
function columnsOf(scenario: Scenario, table: TableName, custom: readonly PlannedColumn[]): Record<string, ColumnType> {
  const own = custom.filter((c) => c.spec.table === table).map((c) => [c.spec.name, storedType(c)] as const);
  return { ...tableColumnsOf(scenario, table), ...Object.fromEntries(own) };
}

/** A custom column's field error names the column, as its other errors do ("fee: an expression is at most …"). */
function withColumnName(issue: ScenarioIssue, input: unknown): ScenarioIssue {
  const at = /^customColumns\.(\d+)\./.exec(issue.field);
  const columns = (input as { customColumns?: unknown } | null)?.customColumns;
  const name = at && Array.isArray(columns) ? (columns[Number(at[1])] as { name?: unknown } | null)?.name : undefined;
  // Only a name that is itself valid: a refused one would make the message harder to read.
  return typeof name === 'string' && COLUMN_NAME.test(name) ? { ...issue, message: `${name}: ${issue.message}` } : issue;
}

/** Validates or throws a ScenarioError carrying every numbered issue. */
export function assertScenario(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) throw new ScenarioError(v.issues);
  return v.scenario;
}

/** Reads a scenario file's text: JSON, then migration to the current version, then the schema. */
export function parseScenarioText(text: string): Validation {
  let raw: unknown;
  try {
    // A byte-order mark (Windows editors save one) is no part of the JSON.
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, issues: [{ code: 'E105', field: '', message: `not valid JSON (${(e as Error).message})` }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ code: 'E105', field: '', message: 'a scenario file holds one JSON object' }] };
  }
  // A "$schema" key is for editors (completion against scenario.schema.json), not part of the scenario.
  const { $schema: _schema, ...rest } = raw as Record<string, unknown>;
  const migrated = migrate(rest);
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] };
  return validateScenario(migrated.value);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text "${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a section { … }' : `a ${typeof v}`;
}

function zodIssues(error: z.ZodError): ScenarioIssue[] {
  const issues = error.issues.map((issue): ScenarioIssue => {
    // A refused record key (a reserved or unprintable name) carries our message one level down.
    const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    const field = issue.path.map(String).join('.');
    const text = inner ?? issue.message;
    // Fields without a message of their own: a wrong type where a number belongs is E100, a number out of bounds E101.
    if (!/^E\d{3}\|/.test(text)) {
      if (issue.code === 'invalid_type' && issue.expected === 'number') return { code: 'E100', field, message: `must be a number, not ${describe(issue.input)}` };
      if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
        return { code: 'E101', field, message: `must be ${issue.code === 'too_big' ? 'at most' : 'at least'} ${String(issue.code === 'too_big' ? issue.maximum : issue.minimum)}` };
      }
    }
    // A field the scenario does not have: name it (zod names only the object holding it).
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `'${k}'`).join(', ');
      return { code: 'E109', field: [field, issue.keys[0]].filter(Boolean).join('.'), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}` };
    }
    const { code, message } = parseCodedMessage(text);
    // A missing section or one of the wrong kind (cohorts as an object): say what belongs there,
    // not zod's "Invalid input" or a section's "unknown field" text.
    if (issue.code === 'invalid_type' && (!/^E\d{3}\|/.test(text) || message.startsWith('unknown field'))) {
      return { code: 'E109', field, message: issue.input === undefined ? `is missing (${KINDS[issue.expected] ?? issue.expected} expected)` : `must be ${KINDS[issue.expected] ?? issue.expected}, not ${describe(issue.input)}` };
    }
    return { code, field, message };
  });
  // 1e20 is too large and, past 2^53, "not a whole number" to zod as well: the range says it all.
  return issues.filter((i) => !(i.message.endsWith('must be a whole number') && issues.some((o) => o !== i && o.field === i.field)));
}

/** What zod's expected types are, in words. */
const KINDS: Partial<Record<string, string>> = { object: 'a section of fields { … }', array: 'a list [ … ]', string: 'text', boolean: 'true or false', number: 'a number' };
