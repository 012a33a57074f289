import { useId } from 'react';
import { type ScenarioIssue } from '../../engine/client';
import { Field, inputA11y } from './Field';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  issues?: readonly ScenarioIssue[];
  /** A fuller accessible name when the visible label leans on its card's heading. */
  name?: string;
}

/** A labelled select with its numbered errors beneath. */
export function SelectField<T extends string>({ label, value, options, onChange, issues = [], name }: Props<T>) {
  const id = useId();
  return (
    <Field id={id} label={label} issues={issues}>
      <select value={value} {...inputA11y(id, issues)} aria-label={name} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
