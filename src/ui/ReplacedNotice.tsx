import { useReplaced } from '../state/replacedScenario';
import { selectScenario, undoScenario, useScenarioStore } from '../state/scenarioStore';

/** After a template, a file, a saved or a shared scenario replaced the user's edits: where they went, and Undo. */
export function ReplacedNotice() {
  const { notice, opened, dismiss } = useReplaced();
  const scenario = useScenarioStore(selectScenario);
  // Only while the opened scenario is on screen: after an edit, Undo would take that edit back first.
  if (!notice || scenario !== opened) return null;
  return (
    <div className="banner info replaced-notice" role="status">
      <span>{notice}</span>
      <button
        type="button"
        onClick={() => {
          dismiss();
          undoScenario();
        }}
      >
        Undo
      </button>
      <button type="button" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
