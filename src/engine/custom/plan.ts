import { derive } from '../model/derived';
import { eventWindows } from '../model/events';
import { paramsProblem, type CustomColumn, type DistributionColumn, type MixColumn } from '../scenario/customColumns';
import type { ScenarioIssue } from '../scenario/errors';
import type { Scenario, TableName } from '../scenario/schema';
import { referencesOf, TABLE_COLUMNS, tableColumnsOf } from '../scenario/tableColumns';
import type { ColumnType } from '../table';
import { compileExpression, type CompiledExpression, type ValueType } from './expression';
import { didYouMean } from './expression/errors';
import { isAsciiPattern } from './pattern';
import { wordList } from './words';

/** A custom column checked against its table and ready to make. */
export interface PlannedColumn {
  spec: CustomColumn;
  /** Its place in scenario.customColumns (the field path of its errors). */
  index: number;
  type: ValueType;
  expression?: CompiledExpression;
}

export function valueTypeOf(stored: ColumnType): ValueType {
  switch (stored) {
    case 'int32':
    case 'fixed':
      return 'number';
    case 'timestamp':
    case 'date':
      return 'timestamp';
    case 'bool':
      return 'boolean';
    case 'dict':
    case 'string':
    case 'ascii':
      return 'string';
  }
}

function typeOfKind(spec: CustomColumn): ValueType | null {
  switch (spec.kind) {
    case 'distribution':
      return spec.family === 'bernoulli' ? 'boolean' : 'number';
    case 'expression':
      return null;
    default:
      return 'string';
  }
}

export type ColumnTypes = Map<string, ValueType>;

/**
 * Checks every custom column and works out its type, table by table in the canonical order
 * (referenced tables come first). A column sees its own table's columns, the custom columns
 * defined before it there, and, through a key, every column of the customers, products,
 * suppliers, campaigns or tenants row it references ("customer.cohort").
 */
export function planCustomColumns(scenario: Scenario): CustomColumnPlan {
  return derive(scenario, 'custom-columns', buildPlan);
}

/** How a planned column will be stored (what data-quality faults and writers see). */
export function storedType({ spec, type }: PlannedColumn): ColumnType {
  switch (spec.kind) {
    case 'distribution':
      return spec.family === 'bernoulli' ? 'bool' : spec.family === 'poisson' ? 'int32' : 'fixed';
    case 'mix':
    case 'words':
      return 'dict';
    case 'pattern':
      return isAsciiPattern(spec.pattern) ? 'ascii' : 'string';
    case 'expression':
      return type === 'number' ? 'fixed' : type === 'boolean' ? 'bool' : type;
  }
}

export interface CustomColumnPlan {
  columns: PlannedColumn[];
  issues: ScenarioIssue[];
  /** What each column (by its index) may read, with types. */
  readable: Map<number, ColumnTypes>;
}

function buildPlan(scenario: Scenario): CustomColumnPlan {
  const specs = scenario.customColumns ?? [];
  const issues: ScenarioIssue[] = [];
  const columns: PlannedColumn[] = [];
  const readable = new Map<number, ColumnTypes>();
  const typesOf = new Map<TableName, ColumnTypes>();
  const events = eventWindows(scenario).map((w) => ({ id: w.event.id, startMs: w.startMs, endMs: w.endMs }));
  const builtIn = (table: TableName): ColumnTypes => new Map(Object.entries(tableColumnsOf(scenario, table)).map(([n, t]) => [n, valueTypeOf(t)]));
  const tableTypes = (table: TableName): ColumnTypes => {
    let types = typesOf.get(table);
    if (!types) typesOf.set(table, (types = builtIn(table)));
    return types;
  };
  const order = [...specs.entries()].sort(([a, x], [b, y]) => tableRank(x.table) - tableRank(y.table) || a - b);
  for (const [index, spec] of order) {
    const at = (field: string, code: ScenarioIssue['code'], message: string) => issues.push({ code, field: `customColumns.${index}${field ? `.${field}` : ''}`, message: `${spec.name}: ${message}` });
    if (spec.table === 'dq_faults' || !(scenario.tables as readonly string[]).includes(spec.table)) {
      at('table', 'E109', `${spec.table} is not among the scenario's tables`);
      continue;
    }
    const own = tableTypes(spec.table);
    if (own.has(spec.name)) {
      at('name', 'E135', `${spec.table} already has a column named ${spec.name}`);
      continue;
    }
    // What a column may read: its own table so far, and the rows its keys reference.
    const env = new Map(own);
    // A key column means its module reads the referenced table, so the run always makes it.
    for (const ref of referencesOf(spec.table, scenario.tables)) {
      for (const [name, type] of tableTypes(ref.table)) env.set(`${ref.prefix}.${name}`, type);
    }
    readable.set(index, env);
    let type = typeOfKind(spec);
    let expression: CompiledExpression | undefined;
    if (spec.kind === 'distribution') {
      const problem = paramsProblem(spec.family, spec.params);
      if (problem) at('params', 'E101', problem);
      for (const [group, params] of Object.entries(spec.groups ?? {})) {
        const p = paramsProblem(spec.family, { ...spec.params, ...params });
        if (p) at(`groups.${group}`, 'E101', `${group}: ${p}`);
      }
      if (spec.bounds?.min !== undefined && spec.bounds.max !== undefined && spec.bounds.min > spec.bounds.max) at('bounds', 'E101', 'the lower bound is above the upper bound');
    }
    if ((spec.kind === 'distribution' || spec.kind === 'mix') && spec.by !== undefined) {
      const byType = env.get(spec.by);
      if (byType === undefined) at('by', 'E131', `unknown column '${spec.by}' to pick parameters by`);
      else if (byType !== 'string' && byType !== 'boolean') at('by', 'E132', `'${spec.by}' is a ${byType}; parameters are picked by a text or true/false column`);
    }
    if (spec.kind === 'distribution' || spec.kind === 'mix') groupProblems(scenario, spec, at);
    if (spec.kind === 'expression') {
      const laterOrSelf = specs.filter((s, i) => s.table === spec.table && i >= index).map((s) => s.name);
      const compiled = compileExpression(spec.expression, { columns: env, events });
      if (!compiled.ok) {
        const { code, position, message } = compiled.error;
        // A name defined after this column (or this column itself) would make a cycle: say so rather than "unknown".
        const cyclic = code === 'E131' && message.startsWith('unknown column') && laterOrSelf.find((n) => message.includes(`'${n}'`));
        if (cyclic) at('expression', 'E134', `reads ${cyclic} at ${position}, which is ${cyclic === spec.name ? 'this column itself' : 'defined after it'}; a column reads only columns before it`);
        else at('expression', code, message);
      } else {
        expression = compiled.value;
        type = compiled.value.type;
      }
    }
    if (type === null) continue;
    own.set(spec.name, type);
    columns.push({ spec, index, type, expression });
  }
  return { columns, issues, readable };
}

/** What the expression of the custom column at `index` can name, with types (for the editor's help). */
export function readableColumns(scenario: Scenario, index: number): [string, ValueType][] {
  return [...(planCustomColumns(scenario).readable.get(index) ?? [])];
}

function tableRank(table: TableName): number {
  return Object.keys(TABLE_COLUMNS).indexOf(table);
}

/** Columns the custom column at `index` can pick its parameters by: text and true/false columns of its row and of the rows it references. */
export function groupingColumns(scenario: Scenario, index: number): string[] {
  const spec = scenario.customColumns?.[index];
  if (!spec || spec.table === 'dq_faults') return [];
  const categorical = (t: ColumnType) => t === 'dict' || t === 'bool';
  const own = Object.entries(tableColumnsOf(scenario, spec.table)).filter(([, t]) => categorical(t)).map(([n]) => n);
  const earlier = (scenario.customColumns ?? []).slice(0, index).filter((c) => c.table === spec.table && (c.kind === 'mix' || c.kind === 'words')).map((c) => c.name);
  const referenced = referencesOf(spec.table, scenario.tables).flatMap((r) => [
    ...Object.entries(tableColumnsOf(scenario, r.table)).filter(([, t]) => categorical(t)).map(([n]) => `${r.prefix}.${n}`),
    ...(scenario.customColumns ?? []).filter((c) => c.table === r.table && c.kind === 'mix').map((c) => `${r.prefix}.${c.name}`),
  ]);
  return [...own, ...earlier, ...referenced];
}

/**
 * The values a grouping column takes, where the scenario fixes them: cohort ids, product
 * categories, tenant ids and categories, a custom mix's options or word list, false and true.
 * Null where the rows bring them (a channel, a status, a campaign's categories): the editor
 * then takes a value typed in, and validation cannot judge one. `table` is the custom
 * column's own; `by` names a column of it or, through a key, of a row it references.
 */
export function knownGroupValues(scenario: Scenario, table: TableName, by: string): readonly string[] | null {
  const dot = by.indexOf('.');
  const name = by.slice(dot + 1);
  const target = dot < 0 ? table : referencesOf(table, scenario.tables).find((r) => r.prefix === by.slice(0, dot))?.table;
  if (!target) return null;
  const custom = (scenario.customColumns ?? []).find((c) => c.table === target && c.name === name);
  if (custom?.kind === 'mix') return [...new Set([custom.mix, ...Object.values(custom.groups ?? {})].flatMap((m) => Object.keys(m)))];
  if (custom?.kind === 'words') return wordList(custom.words);
  if (custom?.kind === 'distribution' && custom.family === 'bernoulli') return ['false', 'true'];
  if (custom) return null;
  if (tableColumnsOf(scenario, target)[name] === 'bool') return ['false', 'true'];
  if (target === 'customers' && name === 'cohort') return scenario.cohorts.map((c) => c.id);
  if (target === 'products' && name === 'category') return Object.keys(scenario.catalog.categories);
  if (name === 'tenant_id') return scenario.tenants.map((t) => t.id);
  if (target === 'tenants' && name === 'category') return [...new Set(scenario.tenants.map((t) => t.category))];
  return null;
}

/** Group keys no row can match (a value the grouping column never takes), or groups given without a column to pick them by. */
function groupProblems(scenario: Scenario, spec: DistributionColumn | MixColumn, at: (field: string, code: ScenarioIssue['code'], message: string) => void): void {
  const groups = Object.keys(spec.groups ?? {});
  if (groups.length === 0) return;
  if (spec.by === undefined) {
    at('by', 'E136', `settings are given for ${groups.map((g) => `'${g}'`).join(', ')}, but no column to pick them by`);
    return;
  }
  const values = knownGroupValues(scenario, spec.table, spec.by);
  if (!values) return;
  const shown = values.length <= 8 ? values.join(', ') : `${values.slice(0, 8).join(', ')}, …`;
  for (const g of groups) {
    if (values.includes(g)) continue;
    const hint = didYouMean(g, values);
    at(`groups.${g}`, 'E136', `no row has ${spec.by} = '${g}' (its values: ${shown})${hint ? `; ${hint}` : ''}`);
  }
}
