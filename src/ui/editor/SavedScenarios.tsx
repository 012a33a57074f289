import { useEffect, useState } from 'react';
import { MAX_SAVED_NAME, selectSavedError, selectSavedItems, useSavedStore } from '../../state/savedStore';
import { openScenario } from '../../state/replacedScenario';
import { selectScenario, useScenarioStore } from '../../state/scenarioStore';

/** Save the scenario in this browser; open, rename, duplicate or delete saved ones. */
export function SavedScenarios() {
  const scenario = useScenarioStore(selectScenario);
  const items = useSavedStore(selectSavedItems);
  const error = useSavedStore(selectSavedError);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [replaced, setReplaced] = useState('');
  useEffect(() => {
    void useSavedStore.getState().load();
  }, []);
  const store = useSavedStore.getState();

  return (
    <section className="panel-section" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved in this browser</h2>
      <form
        className="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          void store.save(name.trim() || scenario.name, scenario).then((saved) => setReplaced(saved.replaced ? saved.name : ''));
          setName('');
        }}
      >
        <input className="inline-input" aria-label="Name to save as" placeholder={scenario.name} maxLength={MAX_SAVED_NAME} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Save</button>
      </form>
      {replaced && (
        <p className="muted small" role="status">
          Saved over the earlier “{replaced}” (to keep both, save under another name).
        </p>
      )}
      {error && <p className="field-error">{error}</p>}
      <ul className="saved-list" aria-label="Saved scenarios">
        {items.map((item) => (
          <li key={item.id}>
            {renaming?.id === item.id ? (
              <form
                className="button-row"
                onSubmit={(e) => {
                  e.preventDefault();
                  void store.rename(item.id, renaming.name.trim() || item.name);
                  setRenaming(null);
                }}
              >
                <input className="inline-input" aria-label={`New name for ${item.name}`} maxLength={MAX_SAVED_NAME} value={renaming.name} autoFocus onChange={(e) => setRenaming({ id: item.id, name: e.target.value })} />
                <button type="submit">OK</button>
              </form>
            ) : (
              <>
                <span className="saved-name" title={`saved ${item.savedAt.slice(0, 16).replace('T', ' ')} UTC`}>
                  {item.name}
                </span>
                <span className="saved-actions">
                  <button type="button" onClick={() => openScenario(item.scenario, item.name)} aria-label={`Open ${item.name}`}>
                    Open
                  </button>
                  <button type="button" onClick={() => setRenaming({ id: item.id, name: item.name })} aria-label={`Rename ${item.name}`}>
                    Rename
                  </button>
                  <button type="button" onClick={() => void store.duplicate(item.id)} aria-label={`Duplicate ${item.name}`}>
                    Duplicate
                  </button>
                  <button type="button" className="danger" onClick={() => void store.remove(item.id)} aria-label={`Delete ${item.name}`}>
                    Delete
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
        {items.length === 0 && <li className="muted small">Nothing saved yet.</li>}
      </ul>
    </section>
  );
}
