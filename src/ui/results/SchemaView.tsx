import { DataType, type Field } from 'apache-arrow';
import { useRun } from '../../state/engine';
import { selectShownTables } from '../../state/runStore';
import { formatCount, humanize } from '../labels';

/** The column's type as a data person reads it (what DuckDB or pandas will see). */
function typeName(field: Field): string {
  const t = field.type;
  if (DataType.isDictionary(t)) return 'text (dictionary)';
  if (DataType.isUtf8(t)) return 'text';
  if (DataType.isTimestamp(t)) return 'timestamp (UTC, ms)';
  if (DataType.isDate(t)) return 'date';
  if (DataType.isBool(t)) return 'boolean';
  if (DataType.isInt(t)) return 'integer';
  if (DataType.isFloat(t)) return decimalName(field.metadata.get('scale'));
  return String(t);
}

/** A fixed-point column by its places (a custom column may have 0-6; CSV writes them, Parquet and Arrow hold doubles). */
function decimalName(scale: string | undefined): string {
  if (scale === undefined) return 'decimal';
  if (scale === '0') return 'decimal (whole numbers)';
  return `decimal (${scale} place${scale === '1' ? '' : 's'})`;
}

/** A data dictionary of what the run holds: every table, its columns, their types and whether they can be null. */
export function SchemaView() {
  const tables = useRun(selectShownTables);
  return (
    <div className="summary-grid" role="region" aria-label="Columns of every table" tabIndex={0}>
      {tables.map((t) => (
        <section key={t.name} className="card" aria-label={`${t.name} columns`}>
          <h3>
            {humanize(t.name)} <span className="muted">{formatCount(t.rowCount)} rows · {t.arrow.schema.fields.length} columns</span>
          </h3>
          <table className="stats compact">
            <thead>
              <tr>
                <th>column</th>
                <th>type</th>
                <th>nulls</th>
              </tr>
            </thead>
            <tbody>
              {t.arrow.schema.fields.map((f, i) => (
                <tr key={f.name}>
                  <td className="mono">{f.name}</td>
                  <td>{typeName(f)}</td>
                  <td>{f.nullable ? formatCount(t.arrow.getChildAt(i)?.nullCount ?? 0) : 'never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
