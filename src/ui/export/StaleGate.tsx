import { useEffect, useRef, useState, type ReactNode } from 'react';
import { runStore, useRun } from '../../state/engine';
import { scenarioKey, selectEditsSinceRun, selectFull, selectStatus } from '../../state/runStore';
import { useScenarioStore } from '../../state/scenarioStore';
import { TEMPLATES } from '../../engine/client';
import { useTooLargeForTab } from '../editor/RunSize';
import { useProblemCount } from '../useScenarioIssues';

/** Resolves when no run is in flight. */
function settled(): Promise<void> {
  if (runStore.getState().status !== 'running') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = runStore.subscribe((s) => {
      if (s.status === 'running') return;
      stop();
      resolve();
    });
  });
}

/** What the status line and banners add to why the full run is stale. */
export const RUN_TO_REFRESH = '; Run to refresh';

/**
 * Why the full run is stale: the edits since it, or, after a template was picked, that it is
 * another template's run (not "your last edit": the person only picked a template).
 */
export function useStaleReason(): string {
  const edits = useRun(selectEditsSinceRun);
  const otherTemplate = useOtherTemplateRun();
  if (otherTemplate !== null) return `results are from another template (${otherTemplate})`;
  return `results are from before your last ${edits === 1 ? 'edit' : `${edits} edits`}`;
}

/** The label of the last full run's template when it is not the one being edited; null otherwise (or with no full run). */
export function useOtherTemplateRun(): string | null {
  const ranTemplate = useRun((s) => s.full?.scenario.template);
  const template = useScenarioStore((s) => s.scenario.template);
  if (ranTemplate === undefined || ranTemplate === template) return null;
  return TEMPLATES.find((t) => t.id === ranTemplate)?.label ?? 'a custom scenario';
}

/**
 * Runs `act` on the last full run when it matches the scenario; otherwise asks first: run,
 * then act (the usual choice), or act on the older results. Wraps Export and Present.
 */
export function useStaleGate(verb: string) {
  const full = useRun(selectFull);
  const edits = useRun(selectEditsSinceRun);
  const running = useRun(selectStatus) === 'running';
  const [pending, setPending] = useState<(() => void) | null>(null);

  const runThen = async (act: () => void) => {
    setPending(null);
    const scenario = useScenarioStore.getState().scenario;
    await runStore.getState().run(scenario);
    // A newer run (auto-run after a preview) may have taken over this one: wait for it too,
    // or the export would silently never happen.
    await settled();
    const now = runStore.getState();
    if (now.status === 'done' && now.full?.key === scenarioKey(scenario)) act();
  };
  const gate = (act: () => void) => {
    if (full && edits === 0) act();
    else if (!full) void runThen(act);
    else setPending(() => act);
  };
  const prompt: ReactNode = pending && (
    <StalePrompt verb={verb} running={running} onRunThen={() => void runThen(pending)} onOlder={() => (pending(), setPending(null))} onClose={() => setPending(null)} />
  );
  return { gate, prompt, hasRun: full !== null, stale: full !== null && edits > 0 };
}

/** The question, as a small dialog: focus on its first choice, Escape or a click elsewhere closes it. */
function StalePrompt({ verb, running, onRunThen, onOlder, onClose }: { verb: string; running: boolean; onRunThen: () => void; onOlder: () => void; onClose: () => void }) {
  const stale = useStaleReason();
  const tooLarge = useTooLargeForTab();
  // A scenario Run would refuse: the choice is held back with why, not offered and then failed.
  const problems = useProblemCount();
  const held = problems > 0 ? `The scenario has ${problems === 1 ? 'a problem' : `${problems} problems`} to fix before it can run.` : tooLarge;
  const box = useRef<HTMLDivElement>(null);
  // The latest onClose, read when a key or click comes: the listeners are set once, when the prompt opens.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close.current();
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && close.current();
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, []);
  return (
    <div ref={box} className="stale-prompt" role="alertdialog" aria-label={`${verb}: the results are stale`}>
      <span>
        The {stale}.{held && ` ${held}`}
      </span>
      <button type="button" className={held ? undefined : 'primary'} disabled={running || held !== null} title={held ?? undefined} onClick={onRunThen}>
        Run, then {verb.toLowerCase()}
      </button>
      <button type="button" onClick={onOlder}>
        {verb} the older results
      </button>
      <button type="button" aria-label="Never mind" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
