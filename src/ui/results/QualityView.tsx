import { tableFromIPC } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { sourceOf, useEngineQuery, useRun } from '../../state/engine';
import { selectReport, selectShown, type ResultTable } from '../../state/runStore';

const selectQuality = selectReport('quality');
import { formatCount } from '../labels';
import { FaultCounts } from './FaultCounts';
import { DataGrid, type CellHighlight } from './DataGrid';

type Version = 'faulty' | 'clean';

/** Faults per table and kind, and any faulted table clean or faulty with its faulty cells marked. */
export function QualityView() {
  const quality = useRun(selectQuality);
  const [picked, setPicked] = useState('');
  const [version, setVersion] = useState<Version>('faulty');
  const [onlyFaulty, setOnlyFaulty] = useState(true);
  const table = quality?.tables.find((t) => t.name === picked)?.name ?? quality?.tables[0]?.name ?? '';
  const shown = useFaultView(table, version, onlyFaulty);

  if (!quality) return <p className="muted">No data-quality faults in this scenario. Add some under Data quality in the editor (or use the churn feature-store preset: 2% corruption), then run.</p>;
  return (
    <div className="quality">
      <p className="definition" role="status">
        <b>{formatCount(quality.total)}</b> faults injected, each listed in the <span className="mono">dq_faults</span> table (table, row, column, kind, original and corrupted value) that ships with the data.
      </p>
      <FaultCounts quality={quality} />
      <div className="chart-head">
        <label htmlFor="quality-table">Table</label>
        <select id="quality-table" value={table} onChange={(e) => setPicked(e.target.value)}>
          {quality.tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label="Version">
          {(['faulty', 'clean'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={version === v} onClick={() => setVersion(v)}>
              {v === 'faulty' ? 'With faults' : 'Clean'}
            </button>
          ))}
        </div>
        <label className="check nowrap">
          <input type="checkbox" checked={onlyFaulty} onChange={(e) => setOnlyFaulty(e.target.checked)} />
          Only rows with faults
        </label>
        <span className="muted small">
          <span className="faulty-swatch" aria-hidden /> {version === 'faulty' ? 'cells as corrupted' : 'the same cells before the faults'}
          {shown ? ` · ${formatCount(shown.marked)} ${shown.marked === 1 ? 'row' : 'rows'} marked` : ''}
        </span>
      </div>
      {shown && <DataGrid key={`${table}-${version}-${onlyFaulty}`} table={shown.table} highlight={shown.highlight} sortable={false} />}
    </div>
  );
}

function useFaultView(table: string, version: Version, onlyFaulty: boolean) {
  const result = useRun(selectShown);
  const { data: view } = useEngineQuery(
    result && table
      ? async (q): Promise<{ table: ResultTable; rows: Int32Array; columns: string[]; kinds: string[] } | null> => {
          const v = await q.faultView(sourceOf(result), table, version, onlyFaulty);
          return v && { table: { name: v.name, rowCount: v.rowCount, arrow: tableFromIPC(v.ipc) }, rows: v.rows, columns: v.columns, kinds: v.kinds };
        }
      : null,
    [result?.seq, table, version, onlyFaulty],
  );
  return useMemo(() => {
    if (!view) return null;
    const kinds = new Map<string, string>();
    view.rows.forEach((row, i) => kinds.set(`${row}|${view.columns[i]}`, view.kinds[i]));
    const highlight: CellHighlight = { has: (k) => kinds.has(k), kind: (row, column) => kinds.get(`${row}|${column}`) ?? kinds.get(`${row}|*`) };
    return { table: view.table, highlight, marked: view.rows.length };
  }, [view]);
}
