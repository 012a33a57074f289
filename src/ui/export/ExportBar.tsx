import { useState } from 'react';
import type { ExportFormat } from '../../engine/export/bundle';
import { selectBusy, selectResultScenario, selectStatus, useRunStore } from '../../state/runStore';

/** Export the selected table, or everything as one zip with scenario.json and manifest.json. */
export function ExportBar() {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const status = useRunStore(selectStatus);
  const busy = useRunStore(selectBusy);
  const scenario = useRunStore(selectResultScenario);
  // Every day is its own partition, except where stock carries from day to day.
  const byDay = scenario !== null && scenario.inventory === null && scenario.calendar.days > 1;
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
      {byDay && (
        <button type="button" disabled={!ready} title="One folder per day, each day's tables with its own manifest: appended, they are the whole run" onClick={() => void useRunStore.getState().exportByDay(format)}>
          By day (zip)
        </button>
      )}
      {busy === 'exporting' && <span className="muted small">Preparing file…</span>}
    </div>
  );
}
