import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FORMATS, type ExportFormatId } from '../../engine/client';
import { diskRunStore, useDiskRun } from '../../state/engine';
import { scenarioKey } from '../../state/runStore';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { fieldPlace, formatCount, humanize } from '../labels';
import { useScenarioIssues } from '../useScenarioIssues';
import { tooLargeEvenInParts } from '../editor/RunSize';
import { DiskRunFiles } from './DiskRunFiles';

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * Writes the scenario's whole run to files, part by part, at any size: the tab holds one
 * part, never the run, and the files stay in this browser (its origin-private file
 * system) until they are saved into a folder or downloaded.
 */
export function DiskRun() {
  const scenario = useScenarioStore(selectScenario);
  const problems = useScenarioIssues().length;
  const { status, progress, stage, rows, issues, error, lastFormat, stopping, written } = useDiskRun(
    useShallow((s) => ({ status: s.status, progress: s.progress, stage: s.stage, rows: s.rows, issues: s.issues, error: s.error, lastFormat: s.format, stopping: s.stopping, written: s.scenarioKey })),
  );
  const [format, setFormat] = useState<ExportFormatId>(lastFormat);
  const writing = status === 'writing';
  // A run too large for the tab that no cut into parts makes small enough: the size line under Volumes says why (E107).
  const blocked = problems > 0 || tooLargeEvenInParts(scenario);
  const pct = Math.round(progress * 100);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (writing) cancel.current?.focus();
  }, [writing]);
  return (
    <section className="panel-section disk-run" aria-labelledby="disk-run-heading">
      <h2 id="disk-run-heading">Full run to files</h2>
      <p className="muted small">Generates every day, not just the preview, a part at a time so any size works, and keeps the files in this browser until you save or download them.</p>
      <div className="disk-run-controls">
        <button type="button" disabled={writing || blocked} aria-describedby={blocked ? 'disk-run-blocked' : undefined} onClick={() => void diskRunStore.getState().start(scenario, format)}>
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
          <button type="button" ref={cancel} disabled={stopping} onClick={() => diskRunStore.getState().cancel()}>
            Cancel
          </button>
        )}
      </div>
      {blocked && (
        <p id="disk-run-blocked" className="muted small">
          {problems > 0 ? `Fix ${plural(problems, 'problem')} in the scenario first.` : 'This run is too large for this tab, even in parts: see the size under Volumes.'}
        </p>
      )}
      {writing && (
        <div className="disk-run-progress">
          <div className="progress disk-progress" role="progressbar" aria-label="Writing to disk" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}%, ${stage}`}>
            <div className="progress-fill" style={{ width: `${pct}%` }} />
          </div>
          <span className="small">
            {stopping ? 'Stopping…' : stage.charAt(0).toUpperCase() + stage.slice(1)} · {pct}%
          </span>
        </div>
      )}
      {writing && Object.keys(rows).length > 0 && <RowsSoFar rows={rows} />}
      {status === 'cancelled' && <p className="muted small">Cancelled; the files written so far were removed.</p>}
      {status === 'error' && (
        <ul className="field-error small" role="alert">
          {error && <li>{error}</li>}
          {issues.map((i) => (
            <li key={`${i.code}-${i.field}`}>
              {i.code} {fieldPlace(i.field)}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {status === 'done' && <DiskRunFiles stale={written !== null && written !== scenarioKey(scenario)} />}
      <p className="visually-hidden" role="status">
        {announcement(status, rows)}
      </p>
    </section>
  );
}

/** Milestones for screen readers (not every progress tick). */
function announcement(status: string, rows: Record<string, number>): string {
  if (status === 'writing') return Object.keys(rows).length > 0 ? `Writing to disk: ${formatCount(Object.values(rows).reduce((a, b) => a + b, 0))} rows so far` : 'Writing to disk';
  if (status === 'done') return 'Files written';
  if (status === 'cancelled') return 'Writing to disk cancelled';
  return '';
}

function RowsSoFar({ rows }: { rows: Record<string, number> }) {
  return (
    <table className="disk-run-files small">
      <caption className="visually-hidden">Rows written so far</caption>
      <tbody>
        {Object.entries(rows).map(([table, n]) => (
          <tr key={table}>
            <td className="disk-run-name">{humanize(table)}</td>
            <td className="num">{plural(n, 'row')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
