import { type ScenarioIssue } from '../../engine/client';

/**
 * Numbered messages under a field; the id lets the input point at them (aria-describedby).
 * `withField`: for a file or a link, where no field is beside the message, each names the
 * field it is about (its path in the scenario file). `inAlert`: inside a banner that is an
 * alert itself (a second, nested alert is read out twice).
 */
export function FieldError({ id, issues, withField = false, inAlert = false }: { id: string; issues: readonly ScenarioIssue[]; withField?: boolean; inAlert?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <div id={id} className="field-error" role={inAlert ? undefined : 'alert'}>
      {issues.map((i, k) => (
        <div key={k}>
          <span className="code">{i.code}</span> {withField ? namedMessage(i) : i.message}
        </div>
      ))}
    </div>
  );
}

/** "cohorts.0.share must be a number" from field cohorts.0.share and "share must be a number"; "volumes: is missing" otherwise. */
function namedMessage({ field, message }: ScenarioIssue): string {
  if (!field) return message;
  const last = field.slice(field.lastIndexOf('.') + 1);
  if (message.startsWith(`${last} `)) return `${field}${message.slice(last.length)}`;
  return message.startsWith(field) ? message : `${field}: ${message}`;
}
