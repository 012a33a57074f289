import { useId } from 'react';
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
  return (
    <>
      <Field id={id} label="Expression" issues={own}>
        <textarea
          className="mono expression"
          rows={2}
          spellCheck={false}
          value={c.expression}
          {...inputA11y(id, own)}
          onChange={(e) => onChange((col) => (col.kind === 'expression' ? { ...col, expression: e.target.value } : col))}
        />
      </Field>
      <NumberField label="Decimals (numbers)" value={c.decimals ?? 2} issues={issuesAt(issues, `${path}.decimals`)} onCommit={(v) => onChange((col) => (col.kind === 'expression' ? { ...col, decimals: v } : col))} />
      <details className="expression-help">
        <summary>Columns and functions</summary>
        <p className="small">
          <span className="mono">a ? b : c</span>, <span className="mono">and or not</span>, <span className="mono">== != &lt; &lt;= &gt; &gt;=</span>, <span className="mono">+ − × / %</span>; text in quotes. Division by zero or an overflow gives an empty
          cell.
        </p>
        <p className="small mono">{EXPRESSION_FUNCTIONS.join(' · ')}</p>
        <p className="small">
          {columns.map(([name, type], i) => (
            <span key={name}>
              {i > 0 && ' · '}
              <span className="mono">{name}</span> <span className="muted">{type}</span>
            </span>
          ))}
        </p>
      </details>
    </>
  );
}
