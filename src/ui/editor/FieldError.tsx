import { type ScenarioIssue } from '../../engine/client';

/** Numbered messages under a field; the id lets the input point at them (aria-describedby). */
export function FieldError({ id, issues }: { id: string; issues: readonly ScenarioIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {issues.map((i, k) => (
        <div key={k}>
          <span className="code">{i.code}</span> {i.message}
        </div>
      ))}
    </div>
  );
}
