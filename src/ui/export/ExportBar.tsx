import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormatId } from '../../engine/client';
import { runStore, useRun } from '../../state/engine';
import { selectExporting, selectShownScenario, selectShownTables, selectStatus } from '../../state/runStore';
import { selectSelectedTable, useViewStore } from '../../state/viewStore';
import { pickTable } from '../results/pickTable';
import { useStaleGate } from './StaleGate';
import { useProblemCount } from '../useScenarioIssues';

/** Export the selected table, or everything as one zip with scenario.json and manifest.json. */
export function ExportBar() {
  const [format, setFormat] = useState<ExportFormatId>('csv');
  const running = useRun(selectStatus) === 'running';
  const exporting = useRun(selectExporting);
  const scenario = useRun(selectShownScenario);
  // The table the picker shows as selected: a template without the last one picked (orders) falls back to its own.
  const tables = useRun(selectShownTables);
  const table = pickTable(tables, useViewStore(selectSelectedTable))?.name;
  const { gate, prompt, stale } = useStaleGate('Export');
  // Every day is its own partition, except where stock carries from day to day.
  const byDay = scenario !== null && scenario.inventory === null && scenario.calendar.days > 1;
  const ready = !running && !exporting;
  // Nothing to export and nothing that could run (what holds Run back: StaleGate asks the same): the zip buttons wait, as Export does.
  const problems = useProblemCount();
  const nothing = tables.length === 0 && problems > 0;
  const hint = stale ? 'The full run is older than your edits: you will be asked to run first' : undefined;
  return (
    <div className="export-bar">
      <label htmlFor="export-format">Format</label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormatId)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={!ready || !table} title={hint} onClick={() => table && gate(() => void runStore.getState().exportTable(table, format))}>
        Export
      </button>
      <button type="button" disabled={!ready || nothing} title={nothing ? 'Fix the scenario first: there is no run to export' : hint} onClick={() => gate(() => void runStore.getState().exportAll(format))}>
        Export all (zip)
      </button>
      {byDay && (
        <button type="button" disabled={!ready || nothing} title="One folder per day, each day's tables with its own manifest: appended, they are the whole run" onClick={() => gate(() => void runStore.getState().exportByDay(format))}>
          By day (zip)
        </button>
      )}
      {stale && !exporting && (
        <span className="stale-note" title={hint}>
          stale
        </span>
      )}
      {exporting && <span className="muted small">Preparing file…</span>}
      {prompt}
    </div>
  );
}
