import { lazy, Suspense, useState } from 'react';
import { useRun } from '../../state/engine';
import { selectStatus } from '../../state/runStore';
import { useStaleGate } from '../export/StaleGate';

const Presentation = lazy(() => import('./Presentation').then((m) => ({ default: m.Presentation })));

/** Opens the presentation of the last full run (asking to run first when it is older than the edits). */
export function PresentButton() {
  const running = useRun(selectStatus) === 'running';
  const [open, setOpen] = useState(false);
  const { gate, prompt, hasRun, stale } = useStaleGate('Present');
  return (
    <div className="present-wrap">
      <button
        type="button"
        className={stale ? 'is-stale' : undefined}
        disabled={running}
        title={!hasRun ? 'Runs the scenario, then presents it full screen' : stale ? 'The full run is older than your edits: you will be asked to run first' : 'Present this run full screen'}
        onClick={() => gate(() => setOpen(true))}
      >
        Present{stale && <span className="stale-dot" aria-label="(stale)" />}
      </button>
      {prompt}
      {open && (
        <Suspense fallback={null}>
          <Presentation onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
