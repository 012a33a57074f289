import type { ReactNode } from 'react';
import { type ScenarioIssue } from '../../engine/client';
import { FieldError } from './FieldError';

/** A labelled input with its numbered errors beneath; the errors sit outside the label so they do not become the input's name. */
export function Field({ id, label, issues, hint, children }: { id: string; label: string; issues: readonly ScenarioIssue[]; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      <FieldError id={`${id}-err`} issues={issues} />
    </div>
  );
}

/** Props that tie an input to its label and errors. */
export function inputA11y(id: string, issues: readonly ScenarioIssue[]) {
  return { id, 'aria-invalid': issues.length > 0, 'aria-describedby': issues.length > 0 ? `${id}-err` : undefined };
}
