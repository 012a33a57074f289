import { CUSTOM_KINDS, WORD_LISTS, type CustomColumn, type CustomKind, type TableName } from '../../../engine/client';
import { selectScenario, selectUpdate, useScenarioStore } from '../../../state/scenarioStore';
import { humanize } from '../../labels';
import { issuesAt, useScenarioIssues } from '../../useScenarioIssues';
import { NumberField } from '../NumberField';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { DistributionFields } from './DistributionFields';
import { ExpressionField } from './ExpressionField';
import { MixFields } from './MixFields';

const KIND_LABELS: Record<CustomKind, string> = {
  distribution: 'Distribution',
  mix: 'Mix of values',
  words: 'Word list',
  pattern: 'Pattern',
  expression: 'Expression',
};

/** What a column becomes when its kind changes: the kind's defaults, keeping its table, name and null rate. */
function ofKind(c: CustomColumn, kind: CustomKind): CustomColumn {
  const keep = { table: c.table, name: c.name, ...(c.nullRatePct ? { nullRatePct: c.nullRatePct } : {}) };
  switch (kind) {
    case 'distribution':
      return { ...keep, kind, family: 'normal', params: { mean: 100, sd: 15 }, decimals: 2 };
    case 'mix':
      return { ...keep, kind, mix: { yes: 50, no: 50 } };
    case 'words':
      return { ...keep, kind, words: 'colour' };
    case 'pattern':
      return { ...keep, kind, pattern: 'SKU-####-??' };
    case 'expression':
      return { ...keep, kind, expression: c.table === 'orders' ? 'subtotal >= 50 ? 0 : 4.99' : '1', decimals: 2 };
  }
}

/** The column moved to another table: settings per group name that table's columns, so they start afresh. */
function onTable(c: CustomColumn, table: TableName): CustomColumn {
  if (c.kind === 'distribution' || c.kind === 'mix') return { ...c, table, by: undefined, groups: undefined };
  return { ...c, table };
}

/** One custom column: where it goes, what kind it is, and that kind's settings. */
export function CustomColumnCard({ index, column: c, onMove, onRemove }: { index: number; column: CustomColumn; onMove: (from: number, to: number) => void; onRemove: (index: number) => void }) {
  const s = useScenarioStore(selectScenario);
  const update = useScenarioStore(selectUpdate);
  const issues = useScenarioIssues();
  const path = `customColumns.${index}`;
  const at = (field: string) => issuesAt(issues, `${path}.${field}`, true);
  const set = (recipe: (col: CustomColumn) => CustomColumn) => update((d) => void (d.customColumns![index] = recipe(d.customColumns![index])));
  const count = s.customColumns?.length ?? 0;
  const move = (to: number) => onMove(index, to);
  return (
    <div className="tenant-card custom-card" role="group" aria-label={`Custom column ${c.table}.${c.name}`}>
      <h3>
        <span className="mono">
          {c.table}.{c.name}
        </span>
        <span className="card-actions">
          <button type="button" className="icon" aria-label={`Move ${c.name} up`} title="Move up: a column reads only the columns before it" disabled={index === 0} onClick={() => move(index - 1)}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={`Move ${c.name} down`} title="Move down" disabled={index === count - 1} onClick={() => move(index + 1)}>
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Remove custom column ${c.name}`} onClick={() => onRemove(index)}>
            Remove
          </button>
        </span>
      </h3>
      <div className="field-row">
        <SelectField<TableName>
          label="Table"
          value={c.table}
          // The column's own table stays listed when it is no longer chosen, so the field shows where the column is (its error says why).
          options={(s.tables.includes(c.table) ? s.tables : [c.table, ...s.tables]).map((t) => ({ value: t, label: humanize(t) }))}
          issues={at('table')}
          onChange={(v) => set((col) => onTable(col, v))}
        />
        <TextField label="Column name" value={c.name} issues={at('name')} onChange={(v) => set((col) => ({ ...col, name: v }))} />
      </div>
      <div className="field-row">
        <SelectField<CustomKind> label="Kind" value={c.kind} options={CUSTOM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} onChange={(v) => set((col) => (col.kind === v ? col : ofKind(col, v)))} />
        <NumberField label="Empty %" step={1} value={c.nullRatePct ?? 0} issues={at('nullRatePct')} hint="rows left null" onCommit={(v) => set((col) => ({ ...col, nullRatePct: v }))} />
      </div>
      {c.kind === 'distribution' && <DistributionFields column={c} path={path} onChange={set} />}
      {c.kind === 'mix' && <MixFields column={c} path={path} onChange={set} />}
      {c.kind === 'words' && (
        <SelectField
          label="Word list"
          value={c.words}
          options={WORD_LISTS.map((w) => ({ value: w, label: humanize(w) }))}
          issues={at('words')}
          onChange={(v) => set((col) => (col.kind === 'words' ? { ...col, words: v } : col))}
        />
      )}
      {c.kind === 'pattern' && (
        <>
          <TextField label="Pattern" value={c.pattern} issues={at('pattern')} onChange={(v) => set((col) => (col.kind === 'pattern' ? { ...col, pattern: v } : col))} />
          <p className="muted small"># a digit, ? a capital letter, * either; \# writes # itself.</p>
        </>
      )}
      {c.kind === 'expression' && <ExpressionField column={c} path={path} onChange={set} />}
    </div>
  );
}
