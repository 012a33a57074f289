import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FORMATS, type DiskRunResult, type ExportFormatId } from '../../engine/client';
import { canSaveToFolder, downloadRunFile, saveRunToFolder } from '../../platform/diskFiles';
import { diskRunStore, useDiskRun } from '../../state/engine';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { useScenarioIssues } from '../useScenarioIssues';

const count = (n: number) => n.toLocaleString('en-US');
function fileSize(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.max(1, Math.round(bytes / 2 ** 10))} KB`;
  if (bytes < 2 ** 30) return `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}

/**
 * Writes the scenario's whole run to disk in parts, for any size: the tab holds one part,
 * never the run. Shows the parts and rows as they are written, then the files, each
 * downloaded (or saved into a folder) straight from disk.
 */
export function DiskRun() {
  const scenario = useScenarioStore(selectScenario);
  const problems = useScenarioIssues().length;
  const [format, setFormat] = useState<ExportFormatId>('csv');
  const { status, progress, stage, partsDone, parts, rows, issues, error } = useDiskRun(
    useShallow((s) => ({ status: s.status, progress: s.progress, stage: s.stage, partsDone: s.partsDone, parts: s.parts, rows: s.rows, issues: s.issues, error: s.error })),
  );
  const writing = status === 'writing';
  const pct = Math.round(progress * 100);
  return (
    <div className="disk-run" role="group" aria-label="Write to disk">
      <div className="disk-run-controls">
        <button type="button" disabled={writing || problems > 0} title={problems > 0 ? `Fix ${problems} problem(s) first` : undefined} onClick={() => void diskRunStore.getState().start(scenario, format)}>
          Write to disk
        </button>
        <select aria-label="Write to disk as" value={format} disabled={writing} onChange={(e) => setFormat(e.target.value as ExportFormatId)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        {writing && (
          <button type="button" onClick={() => diskRunStore.getState().cancel()}>
            Stop
          </button>
        )}
      </div>
      <p className="muted small">The whole run streamed to files a part at a time, at any size: the tab holds one part, never the run.</p>
      {writing && (
        <div className="disk-run-progress" role="status">
          <div className="progress active" role="progressbar" aria-label="Writing to disk" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div className="progress-fill" style={{ width: `${pct}%` }} />
          </div>
          <span className="small">
            {pct}% · {parts > 0 ? `${partsDone} of ${parts} parts written` : stage}
          </span>
        </div>
      )}
      {Object.keys(rows).length > 0 && status !== 'done' && <RowTotals rows={rows} />}
      {status === 'cancelled' && <p className="muted small">Stopped; the files written so far were removed.</p>}
      {status === 'error' && (
        <ul className="field-error small" role="alert">
          {error && <li>{error}</li>}
          {issues.map((i) => (
            <li key={`${i.code}-${i.field}`}>
              {i.code} {i.field}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {status === 'done' && <DiskRunFiles />}
    </div>
  );
}

function RowTotals({ rows }: { rows: Record<string, number> }) {
  return (
    <p className="small disk-run-rows">
      {Object.entries(rows)
        .map(([t, n]) => `${t} ${count(n)}`)
        .join(' · ')}
    </p>
  );
}

function DiskRunFiles() {
  const { folder, result } = useDiskRun(useShallow((s) => ({ folder: s.folder, result: s.result })));
  const [note, setNote] = useState('');
  if (!folder || !result) return null;
  const files = result.files;
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const save = async () => setNote((await saveRunToFolder(folder, files.map((f) => f.fileName))) ? 'Saved into the folder.' : '');
  return (
    <div className="disk-run-done" role="status">
      <p className="small">
        Wrote {files.length} files ({fileSize(total)}) in {(result.elapsedMs / 1000).toFixed(1)} s, {result.parts} part{result.parts === 1 ? '' : 's'}.
      </p>
      <FileList folder={folder} files={files} />
      <div className="disk-run-controls">
        {canSaveToFolder() && (
          <button type="button" onClick={() => void save()}>
            Save all to a folder…
          </button>
        )}
        <button type="button" onClick={() => void files.reduce((p, f) => p.then(() => downloadRunFile(folder, f.fileName)), Promise.resolve())}>
          Download all
        </button>
        {note && <span className="muted small">{note}</span>}
      </div>
    </div>
  );
}

/** A table's name; where a table has a file per part (Parquet, Arrow), the name with its part. */
function labelOf(f: DiskRunResult['files'][number], files: DiskRunResult['files']): string {
  if (!f.table) return f.fileName;
  const part = /_part(\d+)of(\d+)\.\w+$/.exec(f.fileName);
  return part && files.filter((x) => x.table === f.table).length > 1 ? `${f.table} · part ${Number(part[1]) + 1} of ${part[2]}` : f.table;
}

function FileList({ folder, files }: { folder: string; files: DiskRunResult['files'] }) {
  return (
    <table className="disk-run-files small">
      <tbody>
        {files.map((f) => (
          <tr key={f.fileName}>
            <td className="disk-run-name" title={f.fileName}>
              {labelOf(f, files)}
            </td>
            <td className="num">{f.table ? `${count(f.rows)} ${f.rows === 1 ? 'row' : 'rows'}` : ''}</td>
            <td className="num">{fileSize(f.bytes)}</td>
            <td>
              <button type="button" className="link" aria-label={`Download ${f.fileName}`} title={`Download ${f.fileName}`} onClick={() => void downloadRunFile(folder, f.fileName)}>
                ⤓
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
