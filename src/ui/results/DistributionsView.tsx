import { formatCount } from '../labels';
import { DataType, type Field } from 'apache-arrow';
import { useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isoDay, isoTimestamp, OTHER } from '../../engine/client';
import { sourceOf, useEngineQuery, useRun } from '../../state/engine';
import { selectShown, selectShownTables } from '../../state/runStore';
import { selectSelectedTable, useViewStore } from '../../state/viewStore';
import { PreviewBadge } from './PreviewBadge';
import { pickTable, tellingColumn } from './pickTable';

const NO_POINTS: never[] = [];
import { ChartActions } from '../charts/ChartActions';
import { EVENT_COLORS } from '../charts/colors';

type Mode = 'distribution' | 'time';

/** Histograms and bar charts of any column, split by a category; or counts and sums over time. Binned in the worker. */
export function DistributionsView() {
  const result = useRun(selectShown);
  const tables = useRun(selectShownTables);
  const selected = useViewStore(selectSelectedTable);
  const [tableName, setTableName] = useState(selected);
  const table = pickTable(tables, tableName);
  const fields = table?.arrow.schema.fields ?? [];
  const categorical = fields.filter((f) => DataType.isDictionary(f.type)).map((f) => f.name);
  const splits = [...categorical, ...(fields.some((f) => f.name === 'customer_id') && !categorical.includes('cohort') && tables.some((t) => t.name === 'customers') ? ['cohort'] : [])];
  const times = fields.filter((f) => DataType.isTimestamp(f.type) || DataType.isDate(f.type)).map((f) => f.name);
  const numeric = fields.filter((f) => DataType.isInt(f.type) || DataType.isFloat(f.type)).map((f) => f.name);
  const [mode, setMode] = useState<Mode>('distribution');
  const [col, setCol] = useState('');
  const [split, setSplit] = useState('');
  const [timeCol, setTimeCol] = useState('');
  const [valueCol, setValueCol] = useState('');
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');
  const column = fields.some((f) => f.name === col) ? col : (tellingColumn(fields.map((f) => f.name)) ?? '');
  const splitBy = splits.includes(split) ? split : '';
  const timeColumn = times.includes(timeCol) ? timeCol : (times[0] ?? '');
  const valueColumn = numeric.includes(valueCol) ? valueCol : '';
  const chart = useRef<HTMLDivElement>(null);
  const source = sourceOf(result);
  // Cohorts by the names the editor gives them (Gen Z), not their ids (gen_z).
  const cohortLabel = (name: string) => result?.scenario.cohorts.find((c) => c.id === name)?.label ?? name;
  const cohortIds = result?.scenario.cohorts.map((c) => c.id) ?? [];
  const name = table?.name ?? '';
  const dist =
    useEngineQuery(mode === 'distribution' && column && name ? (q) => q.distribution(source, { table: name, column, splitBy: splitBy || undefined }) : null, [result?.seq, name, mode, column, splitBy]).data ??
    null;
  const series =
    useEngineQuery(mode === 'time' && timeColumn && name ? (q) => q.timeSeries(source, { table: name, timeColumn, valueColumn: valueColumn || undefined, bucket }) : null, [result?.seq, name, mode, timeColumn, valueColumn, bucket])
      .data ?? NO_POINTS;

  const field = fields.find((f) => f.name === column);
  const format = formatFor(field);
  const data = dist
    ? dist.labels.map((label, i) => {
        const last = i === dist.labels.length - 1 && dist.openEnded;
        const row: Record<string, string | number> = { label: dist.kind === 'histogram' ? `${last ? '≥ ' : ''}${format(dist.edges[i])}` : cohortLabel(label) };
        for (const s of dist.series) row[s.name] = s.counts[i];
        return row;
      })
    : [];

  const categories = dist?.kind === 'categories';
  const otherRows = categories && dist.labels.at(-1) === OTHER ? dist.series.reduce((n, s) => n + (s.counts.at(-1) ?? 0), 0) : 0;

  if (!table) return <p className="muted">Run a scenario to see its distributions.</p>;
  return (
    <div className="distributions">
      <div className="chart-head wrap">
        <Select label="Table" value={table.name} options={tables.map((t) => t.name)} onChange={setTableName} />
        <Select label="View" value={mode} options={['distribution', 'time']} names={{ distribution: 'Distribution', time: 'Over time' }} onChange={(v) => setMode(v as Mode)} />
        {mode === 'distribution' ? (
          <>
            <Select label="Column" value={column} options={fields.map((f) => f.name)} onChange={setCol} />
            <Select label="Split by" value={splitBy} options={['', ...splits]} names={{ '': '(none)' }} onChange={setSplit} />
          </>
        ) : (
          <>
            <Select label="Time column" value={timeColumn} options={times} onChange={setTimeCol} />
            <Select label="Value" value={valueColumn} options={['', ...numeric]} names={{ '': 'row count' }} onChange={setValueCol} />
            <Select label="Per" value={bucket} options={['hour', 'day']} onChange={(v) => setBucket(v as 'hour' | 'day')} />
          </>
        )}
        <PreviewBadge />
        <ChartActions target={chart} name={`${table?.name ?? 'table'}-${mode === 'distribution' ? column : `${valueColumn || 'rows'}-per-${bucket}`}`} />
      </div>
      {dist && otherRows * 2 > dist.rows && (
        <p className="muted small">
          {column} holds {formatCount(dist.distinct ?? 0)} different values, most of them on few rows: the {dist.labels.length - 1} most frequent are shown, and {formatCount(otherRows)} rows of the rest together as {OTHER}.
        </p>
      )}
      <div className="chart-box" ref={chart} role="img" aria-label={mode === 'distribution' ? `Distribution of ${table.name}.${column}${splitBy ? ` by ${splitBy}` : ''}` : `${valueColumn || 'rows'} of ${table.name} per ${bucket}`}>
        <ResponsiveContainer width="100%" height="100%">
          {mode === 'distribution' ? (
            <BarChart data={data} margin={{ top: 12, right: 20, bottom: 24, left: categories ? 44 : 8 }}>
              <CartesianGrid stroke="#e6e9f0" vertical={false} />
              <XAxis
                dataKey="label"
                // Bins are labelled at an even step (recharts' own thinning skips unevenly: 1,000, 1,150, 1,300).
                interval={dist?.kind === 'categories' ? 'preserveStartEnd' : Math.max(0, Math.ceil(data.length / 14) - 1)}
                minTickGap={dist?.kind === 'categories' ? 16 : 0}
                angle={categories ? -20 : 0}
                textAnchor={categories ? 'end' : 'middle'}
                // Long values (job titles, companies) cut to a length the slant keeps inside the chart, clear of the axis title.
                tickFormatter={categories ? shortLabel : undefined}
                height={categories ? 84 : 62}
                label={{ value: axisTitle(column, field, result?.scenario.customColumns?.some((c) => c.table === name && c.name === column) ?? false), position: 'insideBottom', offset: 0, fill: '#64708a', fontSize: 12 }}
              />
              <YAxis width={72} tickFormatter={formatCount} label={{ value: `${table.name.replace(/_/g, ' ')} (rows)`, angle: -90, position: 'insideLeft', fill: '#64708a', fontSize: 12, style: { textAnchor: 'middle' } }} />
              <Tooltip />
              {(dist?.series.length ?? 0) > 1 && <Legend itemSorter={null} verticalAlign="top" height={28} />}
              {inCohortOrder(dist?.series ?? [], cohortIds).map(({ name: seriesName, colour }) => (
                <Bar key={seriesName} dataKey={seriesName} name={cohortLabel(seriesName)} stackId="a" fill={EVENT_COLORS[colour % EVENT_COLORS.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={series} margin={{ top: 12, right: 20, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e6e9f0" />
              <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => isoTimestamp(v).slice(5, bucket === 'hour' ? 13 : 10)} minTickGap={40} />
              <YAxis width={80} tickFormatter={formatCount} label={{ value: valueColumn ? `sum of ${valueColumn} per ${bucket}` : `rows per ${bucket}`, angle: -90, position: 'insideLeft', fill: '#64708a', fontSize: 12, style: { textAnchor: 'middle' } }} />
              <Tooltip labelFormatter={(v) => isoTimestamp(Number(v)).slice(0, 16)} />
              <Line dataKey="value" name={valueColumn || 'rows'} stroke="#4f46e5" dot={false} isAnimationActive={false} />
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** The x axis says what is binned, with its unit: money columns (two decimals) in dollars; a user's own column has no unit we know. */
function axisTitle(column: string, field: Field | undefined, custom: boolean): string {
  const money = !custom && field?.metadata.get('scale') === '2';
  const time = field && (DataType.isTimestamp(field.type) || DataType.isDate(field.type));
  return `${column.replace(/_/g, ' ')}${money ? ' ($)' : time ? ' (UTC date)' : ''}`;
}

function formatFor(field: Field | undefined): (v: number) => string {
  if (!field) return (v) => String(v);
  if (DataType.isTimestamp(field.type)) return (v) => isoTimestamp(v).slice(0, 10);
  if (DataType.isDate(field.type)) return (v) => isoDay(v);
  return (v) => (Number.isInteger(v) ? formatCount(v) : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
}

function Select({ label, value, options, onChange, names = {} }: { label: string; value: string; options: string[]; onChange: (v: string) => void; names?: Record<string, string> }) {
  const id = `dist-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <span className="select-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {names[o] ?? o}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Series split by cohort in the scenario's cohort order, each in its cohort's colour (the
 * presentation's charts colour cohorts the same way, so Gen Z is one colour throughout); other
 * splits keep their order and take colours in turn.
 */
function inCohortOrder(series: readonly { name: string }[], cohortIds: readonly string[]): { name: string; colour: number }[] {
  const place = (name: string) => cohortIds.indexOf(name);
  if (!series.every((s) => place(s.name) >= 0)) return series.map((s, i) => ({ name: s.name, colour: i }));
  return series.map((s) => ({ name: s.name, colour: place(s.name) })).sort((a, b) => a.colour - b.colour);
}

/** A category's value as a tick: at most 16 characters, the rest cut with an ellipsis (the tooltip has it whole). */
function shortLabel(value: string): string {
  return value.length > 16 ? `${value.slice(0, 15)}…` : value;
}
