import { useEffect } from 'react';
import { runStore } from './state/engine';
import { startLiveDesigner } from './state/liveDesigner';
import { redoScenario, undoScenario, useScenarioStore } from './state/scenarioStore';
import { ScenarioEditor } from './ui/editor/ScenarioEditor';
import { ResultsPanel } from './ui/results/ResultsPanel';
import { ReplacedNotice } from './ui/ReplacedNotice';
import { SharedScenarioLoader } from './ui/ShareLink';
import { problemCount } from './ui/useScenarioIssues';
import { TopBar } from './ui/TopBar';

/** Ctrl+Enter runs; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo scenario edits. */
function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        const { scenario } = useScenarioStore.getState();
        if (runStore.getState().status !== 'running' && problemCount(scenario) === 0) void runStore.getState().run(scenario);
      } else if (e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) redoScenario();
        else undoScenario();
      } else if (e.key.toLowerCase() === 'y') {
        e.preventDefault();
        redoScenario();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useShortcuts();
  useEffect(startLiveDesigner, []);
  return (
    <div className="app">
      {/* Focus moves into the results (the hash stays: it may hold a shared scenario). */}
      <a
        className="skip-link"
        href="#results"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('results')?.focus();
        }}
      >
        Skip to results
      </a>
      <TopBar />
      <SharedScenarioLoader />
      <ReplacedNotice />
      <div className="body">
        <aside className="sidebar" aria-label="Scenario editor">
          <ScenarioEditor />
        </aside>
        <ResultsPanel />
      </div>
    </div>
  );
}
