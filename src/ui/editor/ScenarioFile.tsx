import { useRef, useState } from 'react';
import { type ScenarioIssue, parseScenarioText, TEMPLATES } from '../../engine/client';
import { openScenario } from '../../state/replacedScenario';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';
import { downloadBytes } from '../../platform/download';
import { FieldError } from './FieldError';

/** Import a scenario file (validated; a bad file changes nothing) or save the current one. */
export function ScenarioFile() {
  const scenario = useScenarioStore(selectScenario);
  const input = useRef<HTMLInputElement>(null);
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const [message, setMessage] = useState('');

  const onFile = async (file: File) => {
    const parsed = parseScenarioText(await file.text());
    if (!parsed.ok) {
      setIssues(parsed.issues);
      setMessage(`${file.name} was not loaded; your scenario is unchanged.`);
      return;
    }
    setIssues([]);
    // A template name is a label of where a scenario began (every setting is in the file): one we do not know is kept, and said.
    const known = TEMPLATES.some((t) => t.id === parsed.scenario.template);
    setMessage(`Loaded ${file.name}${known ? '' : ` (its template "${parsed.scenario.template}" is not one of ours, so it shows as custom; every setting came from the file)`}. Ctrl+Z undoes the import.`);
    openScenario(parsed.scenario, file.name);
  };

  return (
    <section className="panel-section" aria-labelledby="file-heading">
      <h2 id="file-heading">Scenario file</h2>
      <div className="button-row">
        <button type="button" onClick={() => input.current?.click()}>
          Import scenario…
        </button>
        <button type="button" onClick={() => downloadBytes(`${scenario.name}.scenario.json`, `${JSON.stringify(scenario, null, 2)}\n`)}>
          Save scenario file
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Scenario file to import"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
      {message && <p className="small" role="status">{message}</p>}
      <FieldError id="import-err" issues={issues} withField />
    </section>
  );
}
