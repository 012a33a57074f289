import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FORMATS, type DiskRunResult } from '../../engine/client';
import { canSaveToFolder, downloadRunFile, removeRunFolder, saveRunToFolder } from '../../platform/diskFiles';
import { diskRunStore, useDiskRun } from '../../state/engine';
import { formatCount, humanize } from '../labels';

type RunFile = DiskRunResult['files'][number];

function fileSize(bytes: number): string {
  // Up to 999 KB, then MB: "1005 KB" beside "1.1 MB" read as two scales.
  if (bytes < 999.5 * 2 ** 10) return `${Math.max(1, Math.round(bytes / 2 ** 10))} KB`;
  if (bytes < 2 ** 30) return `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}

/** A table's name; where a table has a file per part (Parquet, Arrow), the name with its part. */
function labelOf(f: RunFile, files: readonly RunFile[]): string {
  if (!f.table) return f.fileName;
  const part = /_part(\d+)of(\d+)\.\w+$/.exec(f.fileName);
  return part && files.filter((x) => x.table === f.table).length > 1 ? `${humanize(f.table)} · part ${Number(part[1]) + 1} of ${part[2]}` : humanize(f.table);
}

/** The files of a finished run written to disk: each saved or downloaded straight from disk, or removed. */
export function DiskRunFiles({ stale }: { stale: boolean }) {
  const { folder, result, format } = useDiskRun(useShallow((s) => ({ folder: s.folder, result: s.result, format: s.format })));
  const [busy, setBusy] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  if (!folder || !result) return null;
  const files = result.files;
  const total = files.reduce((n, f) => n + f.bytes, 0);
  const label = EXPORT_FORMATS.find((f) => f.id === format)?.label ?? format;
  /** Runs a file action with the buttons disabled, its progress and any failure on screen. */
  const act = async (what: string, action: (progress: (text: string) => void) => Promise<string>) => {
    setBusy(what);
    setNote(null);
    try {
      setNote({ text: await action(setBusy), error: false });
    } catch (e) {
      setNote({ text: `${what} failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy('');
    }
  };
  const save = () =>
    act('Saving', async (progress) => ((await saveRunToFolder(folder, files.map((f) => f.fileName), (i) => progress(`Saving ${i + 1} of ${files.length}…`))) ? `Saved ${files.length} files into the folder.` : ''));
  const downloadAll = () =>
    act('Downloading', async (progress) => {
      for (const [i, f] of files.entries()) {
        progress(`Downloading ${i + 1} of ${files.length}…`);
        await downloadRunFile(folder, f.fileName);
        // One at a time: the browser may ask once to allow several downloads.
        await new Promise((r) => setTimeout(r, 400));
      }
      return `Handed ${files.length} files to the browser's downloads.`;
    });
  const remove = () =>
    act('Removing', async () => {
      await removeRunFolder(folder);
      diskRunStore.getState().clear();
      return '';
    });
  return (
    <div className="disk-run-done">
      <p className="small">
        Done: {files.length} {label} files ({fileSize(total)}) in {(result.elapsedMs / 1000).toFixed(1)} s, written in {result.parts} part{result.parts === 1 ? '' : 's'} on 1 worker. They are
        kept in this browser: save them into a folder or download them.
        {stale && <span className="stale-note"> written before your last edits</span>}
      </p>
      <div className="disk-run-list">
        <table className="disk-run-files small">
          {/* Widths on columns: a fixed layout reads none from the hidden header's cells. */}
          <colgroup>
            <col />
            <col className="rows" />
            <col className="size" />
            <col className="download" />
          </colgroup>
          <thead className="visually-hidden">
            <tr>
              <th>File</th>
              <th>Rows</th>
              <th>Size</th>
              <th>Download</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.fileName}>
                <td className="disk-run-name" title={f.fileName}>
                  {labelOf(f, files)}
                </td>
                <td className="num">{f.table ? `${formatCount(f.rows)} ${f.rows === 1 ? 'row' : 'rows'}` : ''}</td>
                <td className="num">{fileSize(f.bytes)}</td>
                <td>
                  <button type="button" className="link" aria-label={`Download ${f.fileName}`} title={`Download ${f.fileName}`} disabled={busy !== ''} onClick={() => void act('Download', async () => (await downloadRunFile(folder, f.fileName), ''))}>
                    ⤓
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="disk-run-controls">
        {canSaveToFolder() && (
          <button type="button" disabled={busy !== ''} onClick={() => void save()}>
            Save all to a folder…
          </button>
        )}
        <button type="button" disabled={busy !== ''} onClick={() => void downloadAll()}>
          Download {files.length} files
        </button>
        <button type="button" className="danger" disabled={busy !== ''} onClick={() => void remove()}>
          Remove files
        </button>
      </div>
      {busy && <p className="muted small">{busy}</p>}
      {note?.text && (
        <p className={note.error ? 'field-error small' : 'muted small'} role={note.error ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
    </div>
  );
}
