/**
 * Every validation failure a user can meet has a number, a field and a reason.
 * The catalogue is documented in docs/errors.md; keep both in step.
 */
export const ERROR_CODES = {
  E100: 'not a number',
  E101: 'value out of range',
  E102: 'shares do not sum to 100',
  E103: 'too few days',
  E104: 'unknown template',
  E105: 'malformed scenario file',
  E106: 'unsupported schema version',
  E107: 'run too large',
  E108: 'invalid date',
  E109: 'wrong type or unknown field',
  E110: 'invalid command-line argument',
  E111: 'fault cannot apply',
  E112: 'run cannot be continued',
  E113: 'text or name not allowed',
  E114: 'value cannot be written',
  E115: 'output folder cannot be written',
  E116: 'parts cannot be merged',
  E130: 'expression cannot be read',
  E131: 'unknown column or event',
  E132: 'types do not fit',
  E133: 'unknown function or wrong arguments',
  E134: 'a column reads itself or a later column',
  E135: 'column name already used',
  E136: 'a group no row can be in',
  E137: 'divides by zero',
  E120: 'the generator stopped',
  E121: 'a view could not be shown',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ScenarioIssue {
  code: ErrorCode;
  /** Dotted path of the field, e.g. `cohorts.0.share` or `calendar.days`; '' for the whole input. */
  field: string;
  message: string;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.code} ${issue.field || '(scenario)'}: ${issue.message}`;
}

/** zod messages carry their code as a prefix: "E103|days must be at least 1". */
export function coded(code: ErrorCode, message: string): { error: string } {
  return { error: `${code}|${message}` };
}

export function parseCodedMessage(message: string): { code: ErrorCode; message: string } {
  const m = /^(E\d{3})\|(.*)$/s.exec(message);
  if (m && m[1] in ERROR_CODES) return { code: m[1] as ErrorCode, message: m[2] };
  return { code: 'E109', message };
}
