import { lazy, Suspense, useState } from 'react';
import { selectStatus, useRunStore } from '../../state/runStore';

const Presentation = lazy(() => import('./Presentation').then((m) => ({ default: m.Presentation })));

/** Opens the presentation of the last finished run. */
export function PresentButton() {
  const status = useRunStore(selectStatus);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" disabled={status !== 'done'} title={status === 'done' ? 'Present this run full screen' : 'Run the scenario first'} onClick={() => setOpen(true)}>
        Present
      </button>
      {open && (
        <Suspense fallback={null}>
          <Presentation onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
