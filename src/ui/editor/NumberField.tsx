import { useId } from 'react';
import { type ScenarioIssue } from '../../engine/client';
import { asSubject } from '../labels';
import { Field, inputA11y } from './Field';
import { useDraftProblem } from './draftProblems';
import { useDraftText } from './useDraftText';

interface Props {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  issues: readonly ScenarioIssue[];
  step?: number;
  hint?: string;
  /** A fuller accessible name when the visible label leans on its card's heading. */
  name?: string;
}

/**
 * A number input that keeps exactly what the user typed. Any number is committed to
 * the scenario (so validation can say what is wrong with it); text that is not a
 * number stays in the box with error E100 and changes nothing.
 */
export function NumberField({ label, value, onCommit, issues, step = 1, hint, name }: Props) {
  const id = useId();
  const [text, setText] = useDraftText(value);
  const parsed = text.trim() === '' ? NaN : Number(text);
  const local: ScenarioIssue[] = Number.isFinite(parsed) ? [] : [{ code: 'E100', field: label, message: `${asSubject(label)} must be a number` }];
  // With no value in the box, the scenario's issues are about the value it had: not shown (nor counted).
  const shown = local.length > 0 ? local : issues;
  useDraftProblem(id, local.length > 0, issues.length);
  return (
    <Field id={id} label={label} issues={shown} hint={hint}>
      <input
        type="number"
        inputMode="decimal"
        step={step}
        value={text}
        {...inputA11y(id, shown)}
        aria-label={name}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? NaN : Number(e.target.value);
          if (Number.isFinite(n) && n !== value) onCommit(n);
        }}
      />
    </Field>
  );
}
