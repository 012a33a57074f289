import { useId, useRef, useState } from 'react';
import { EXPRESSION_FUNCTIONS, readableColumns, type CustomColumn } from '../../../engine/client';
import { selectScenario, useScenarioStore } from '../../../state/scenarioStore';
import { Field, inputA11y } from '../Field';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { NumberField } from '../NumberField';

type ExpressionColumn = Extract<CustomColumn, { kind: 'expression' }>;

/**
 * An expression over the row and the rows its keys reference. Every keystroke is checked
 * (numbered error, with the position, under the box); the preview follows once it reads.
 */
export function ExpressionField({ column: c, path, onChange }: { column: ExpressionColumn; path: string; onChange: (recipe: (col: CustomColumn) => CustomColumn) => void }) {
  const s = useScenarioStore(selectScenario);
  const issues = useScenarioIssues();
  const id = useId();
  const own = issuesAt(issues, `${path}.expression`);
  const columns = readableColumns(s, Number(path.split('.')[1]));
  const box = useRef<HTMLTextAreaElement>(null);
  // The help stays open while the expression is empty or wrong, and otherwise as the user leaves it.
  const [helpOpen, setHelpOpen] = useState(false);
  const forced = own.length > 0 || c.expression.trim() === '';
  const setExpression = (text: string) => onChange((col) => (col.kind === 'expression' ? { ...col, expression: text } : col));
  // A column's name goes in where the cursor is, so an expression can be built by clicking.
  const insert = (name: string) => {
    const el = box.current;
    const at = el ? el.selectionStart : c.expression.length;
    const end = el ? el.selectionEnd : at;
    setExpression(c.expression.slice(0, at) + name + c.expression.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length, at + name.length);
    });
  };
  return (
    <>
      <Field id={id} label="Expression" issues={own}>
        <textarea ref={box} className="mono expression" rows={2} spellCheck={false} value={c.expression} {...inputA11y(id, own)} onChange={(e) => setExpression(e.target.value)} />
      </Field>
      <details className="expression-help" open={helpOpen || forced} onToggle={(e) => setHelpOpen(e.currentTarget.open)}>
        <summary>Columns and functions</summary>
        <div className="chips" role="list" aria-label="Columns this expression can read (click to insert)">
          {columns.map(([name, type]) => (
            <button key={name} type="button" role="listitem" className="chip-button mono" title={`${type}: insert`} onClick={() => insert(name)}>
              {name}
            </button>
          ))}
        </div>
        <p className="small">
          <span className="mono">a ? b : c</span> · <span className="mono">and or not</span> · <span className="mono">== != &lt; &lt;= &gt; &gt;=</span> · <span className="mono">+ - * / %</span> · text in
          &apos;quotes&apos;. Division by zero or an overflow leaves the cell empty.
        </p>
        <p className="small mono">{EXPRESSION_FUNCTIONS.join(' · ')}</p>
      </details>
      <NumberField label="Decimals (numbers)" value={c.decimals ?? 2} issues={issuesAt(issues, `${path}.decimals`)} onCommit={(v) => onChange((col) => (col.kind === 'expression' ? { ...col, decimals: v } : col))} />
    </>
  );
}
