import { createStore, del, entries, set } from 'idb-keyval';
import { create } from 'zustand';
import { type Scenario } from '../engine/client';

export interface SavedScenario {
  id: string;
  name: string;
  savedAt: string;
  scenario: Scenario;
}

// Its own IndexedDB database, so nothing else in the origin collides with it.
const db = createStore('scenario-designer', 'saved-scenarios');

export interface SavedState {
  items: SavedScenario[];
  error: string | null;
  load: () => Promise<void>;
  /** Saves under `name` (cut to MAX_SAVED_NAME); a scenario already saved under that name is replaced. Answers the name, and whether it replaced one. */
  save: (name: string, scenario: Scenario) => Promise<{ name: string; replaced: boolean }>;
  rename: (id: string, name: string) => Promise<void>;
  duplicate: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

/** A saved name is at most this long (a 300-character one wrapped over the sidebar). */
export const MAX_SAVED_NAME = 80;
const named = (name: string) => name.slice(0, MAX_SAVED_NAME);

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const byDate = (a: SavedScenario, b: SavedScenario) => b.savedAt.localeCompare(a.savedAt);

/** Scenarios kept in the browser (IndexedDB): listed, renamed, duplicated, deleted. */
export const useSavedStore = create<SavedState>()((setState, get) => {
  const put = async (item: SavedScenario) => {
    try {
      await set(item.id, item, db);
      setState({ items: [...get().items.filter((x) => x.id !== item.id), item].sort(byDate), error: null });
    } catch (e) {
      setState({ error: `Could not save in this browser: ${(e as Error).message}` });
    }
  };
  return {
    items: [],
    error: null,
    load: async () => {
      try {
        const all = (await entries<string, SavedScenario>(db)).map(([, v]) => v);
        setState({ items: all.sort(byDate), error: null });
      } catch (e) {
        setState({ error: `Saved scenarios are unavailable here: ${(e as Error).message}` });
      }
    },
    save: async (name, scenario) => {
      // Saving under a name in the list again saves over it (two entries of one name could not be told apart).
      const as = named(name);
      const same = get().items.find((x) => x.name === as);
      await put({ id: same?.id ?? newId(), name: as, savedAt: new Date().toISOString(), scenario: structuredClone(scenario) });
      return { name: as, replaced: same !== undefined };
    },
    rename: async (id, name) => {
      const item = get().items.find((x) => x.id === id);
      if (item) await put({ ...item, name: named(name) });
    },
    duplicate: async (id) => {
      const item = get().items.find((x) => x.id === id);
      if (item) await put({ ...item, id: newId(), name: `${item.name} (copy)`, savedAt: new Date().toISOString() });
    },
    remove: async (id) => {
      await del(id, db);
      setState({ items: get().items.filter((x) => x.id !== id) });
    },
  };
});

export const selectSavedItems = (s: SavedState) => s.items;
export const selectSavedError = (s: SavedState) => s.error;
