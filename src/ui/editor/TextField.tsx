import { useId } from 'react';
import type { ScenarioIssue } from '../../engine/scenario/errors';
import { FieldError } from './FieldError';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly ScenarioIssue[];
  type?: 'text' | 'date';
}

export function TextField({ label, value, onChange, issues, type = 'text' }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={issues.length > 0}
        aria-describedby={issues.length > 0 ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={`${id}-err`} issues={issues} />
    </div>
  );
}
