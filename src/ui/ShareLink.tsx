import { useEffect, useRef, useState } from 'react';
import { type ScenarioIssue, decodeShareFragment, encodeShareFragment, validateScenario } from '../engine/client';
import { useRun } from '../state/engine';
import { selectStale } from '../state/runStore';
import { openScenario } from '../state/replacedScenario';
import { selectScenario, useScenarioStore } from '../state/scenarioStore';
import { FieldError } from './editor/FieldError';

/** The current scenario as a link: opening it elsewhere reproduces the same data. */
export function ShareButton() {
  const scenario = useScenarioStore(selectScenario);
  const stale = useRun(selectStale);
  // The open box: the link (null where the scenario could not travel) and what opening it gives,
  // told before anyone relies on it.
  const [pop, setPop] = useState<{ link: string | null; note: string; copied: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // The link box closes on Escape or a click elsewhere, so it never sits over the work.
  useEffect(() => {
    if (!pop) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setPop(null);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [pop]);
  const share = async () => {
    const checked = validateScenario(scenario);
    const problems = checked.ok ? 0 : checked.issues.length;
    const counted = problems === 1 ? 'a problem' : `${problems} problems`;
    if (!checked.ok && !checked.draft) {
      // A link that would open as an error helps nobody: say what to fix instead.
      setPop({ link: null, note: `The scenario has ${counted} to fix first (marked in the editor): a link to it would not open.`, copied: false });
      return;
    }
    const link = `${location.origin}${location.pathname}#${encodeShareFragment(scenario)}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard permission (or no user gesture): the link is shown to copy by hand.
    }
    // Shown once the copy is known to have worked or not: the status is read out as it first appears.
    const note = problems ? `Anyone opening it gets this scenario with ${counted === 'a problem' ? 'its problem' : `its ${counted}`} to fix marked, as here.` : 'Anyone opening it gets this scenario and the same data.';
    setPop({ link, note, copied });
  };
  return (
    <div className="share" ref={box}>
      <button type="button" onClick={() => void share()}>
        Share link
      </button>
      {pop && (
        <div className="share-pop" role="status">
          {pop.link === null ? (
            <span>{pop.note}</span>
          ) : (
            <>
              <span>
                {pop.copied ? 'Link copied.' : 'Copy this link (the browser did not let the page copy it).'} {pop.note}
                {stale && ' It carries the scenario as edited now; the full results on this page are older (Run to refresh).'}
              </span>
              <input readOnly aria-label="Share link" value={pop.link} onFocus={(e) => e.target.select()} />
            </>
          )}
          <button type="button" onClick={() => setPop(null)} aria-label="Close share link">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Opens a scenario carried in the page's URL fragment (one undo step); a damaged link changes
 * nothing. A scenario whose custom columns or faults have problems (shared mid-edit) opens
 * with them marked in the editor, as a reload keeps it.
 */
export function SharedScenarioLoader() {
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const [openedWithProblems, setOpenedWithProblems] = useState(0);
  useEffect(() => {
    // On load, and when a link is pasted into this tab (only the fragment changes then).
    const open = () => {
      let decoded;
      try {
        decoded = decodeShareFragment(location.hash);
      } catch {
        // The browser's own words (atob's, the decompressor's "invalid distance") tell a person nothing.
        decoded = { ok: false as const, issues: [{ code: 'E105' as const, field: '', message: 'the share link could not be read: it is cut short or was changed; copy the whole link again' }] };
      }
      if (!decoded) return;
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      if (decoded.ok || decoded.draft) {
        setIssues([]);
        setOpenedWithProblems(decoded.ok ? 0 : decoded.issues.length);
        openScenario(decoded.ok ? decoded.scenario : decoded.draft!, 'the shared scenario');
      } else setIssues(decoded.issues);
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  if (openedWithProblems > 0) {
    return (
      <div className="banner share-error" role="status">
        The shared scenario opened with {openedWithProblems === 1 ? 'a problem' : `${openedWithProblems} problems`} to fix, marked in the editor.
        <button type="button" onClick={() => setOpenedWithProblems(0)}>
          Dismiss
        </button>
      </div>
    );
  }
  if (issues.length === 0) return null;
  return (
    <div className="banner error share-error" role="alert">
      The shared link could not be opened; your scenario is unchanged.
      <FieldError id="share-err" issues={issues} withField inAlert />
      <button type="button" onClick={() => setIssues([])}>
        Dismiss
      </button>
    </div>
  );
}
