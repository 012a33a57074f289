import { useId } from 'react';
import { type ScenarioIssue } from '../../engine/client';
import { Field, inputA11y } from './Field';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly ScenarioIssue[];
  type?: 'text' | 'date' | 'datetime-local';
}

export function TextField({ label, value, onChange, issues, type = 'text' }: Props) {
  const id = useId();
  return (
    <Field id={id} label={label} issues={issues}>
      <input type={type} value={value} {...inputA11y(id, issues)} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
