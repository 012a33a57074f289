import { create } from 'zustand';

/** What the person is looking at: view state, kept apart from results (a run never resets it). */
export interface ViewState {
  tab: string;
  selectedTable: string;
  sort: { column: string; descending: boolean } | null;
  /** Auto-run after each preview: null follows the run's size (on up to AUTO_RUN_UNDER_ROWS estimated rows). */
  autoRun: boolean | null;
  setTab: (tab: string) => void;
  selectTable: (name: string) => void;
  sortBy: (column: string) => void;
  setAutoRun: (on: boolean) => void;
}

export const useViewStore = create<ViewState>()((set, get) => ({
  tab: 'Tables',
  selectedTable: 'orders',
  sort: null,
  autoRun: null,
  setTab: (tab) => set({ tab }),
  selectTable: (name) => set({ selectedTable: name, sort: null }),
  sortBy: (column) => {
    const sort = get().sort;
    set({ sort: { column, descending: sort?.column === column ? !sort.descending : false } });
  },
  setAutoRun: (on) => set({ autoRun: on }),
}));

export const selectTab = (s: ViewState) => s.tab;
export const selectSelectedTable = (s: ViewState) => s.selectedTable;
export const selectSort = (s: ViewState) => s.sort;
export const selectAutoRunSetting = (s: ViewState) => s.autoRun;

/**
 * Runs estimated at up to this many rows (every table) follow every preview by themselves
 * (auto-run's default): about a second in Chromium here (4.5M rows took 2.8 s).
 */
export const AUTO_RUN_UNDER_ROWS = 1_500_000;
