import { useId } from 'react';
import { type ScenarioIssue } from '../../../engine/client';
import { asSubject } from '../../labels';
import { Field, inputA11y } from '../Field';
import { useDraftProblem } from '../draftProblems';
import { useDraftText } from '../useDraftText';

/**
 * A number that may be left out (a bound, a per-group override): empty means "not set".
 * Text that is not a number stays in the box with E100 and changes nothing.
 */
export function OptionalNumberField({ label, value, onCommit, issues = [], placeholder }: { label: string; value: number | undefined; onCommit: (v: number | undefined) => void; issues?: readonly ScenarioIssue[]; placeholder?: string }) {
  const id = useId();
  const [text, setText] = useDraftText(value);
  const bad = text.trim() !== '' && !Number.isFinite(Number(text));
  // With no value in the box, the scenario's issues are about the value it had: not shown (nor counted).
  const shown: ScenarioIssue[] = bad ? [{ code: 'E100', field: label, message: `${asSubject(label)} must be a number or empty` }] : [...issues];
  useDraftProblem(id, bad, issues.length);
  return (
    <Field id={id} label={label} issues={shown}>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        {...inputA11y(id, shown)}
        onChange={(e) => {
          setText(e.target.value);
          const t = e.target.value.trim();
          if (t === '') onCommit(undefined);
          else if (Number.isFinite(Number(t))) onCommit(Number(t));
        }}
      />
    </Field>
  );
}
