import { useState } from 'react';
import type { ExportFormat } from '../../engine/export/bundle';
import { selectBusy, selectStatus, useRunStore } from '../../state/runStore';

/** Export the selected table, or everything as one zip with scenario.json and manifest.json. */
export function ExportBar() {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const status = useRunStore(selectStatus);
  const busy = useRunStore(selectBusy);
  const ready = status === 'done' && busy === null;
  return (
    <div className="export-bar">
      <label htmlFor="export-format">Format</label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        <option value="csv">CSV</option>
        <option value="parquet">Parquet</option>
      </select>
      <button type="button" disabled={!ready} onClick={() => void useRunStore.getState().exportTable(format)}>
        Export
      </button>
      <button type="button" disabled={!ready} onClick={() => void useRunStore.getState().exportAll(format)}>
        Export all (zip)
      </button>
      {busy === 'exporting' && <span className="muted small">Preparing file…</span>}
    </div>
  );
}
