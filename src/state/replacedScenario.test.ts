import { beforeEach, describe, expect, it } from 'vitest';
import { buildTemplate } from '../engine/client';
import { isPristineTemplate, openScenario, useReplaced } from './replacedScenario';
import { undoScenario, useScenarioStore } from './scenarioStore';

describe('opening a scenario over the one being edited', () => {
  beforeEach(() => {
    useScenarioStore.getState().replace(buildTemplate('baseline'));
    useReplaced.getState().dismiss();
  });

  it('says nothing when what it replaced was a template as built: nothing is lost', () => {
    openScenario(buildTemplate('flash_sale'));
    expect(useReplaced.getState().notice).toBeNull();
    expect(useScenarioStore.getState().scenario.template).toBe('flash_sale');
  });

  it('names what was opened and what was replaced when that held edits, and one undo brings the edits back', () => {
    useScenarioStore.getState().update((s) => {
      s.calendar.days = 12;
    });
    const edited = useScenarioStore.getState().scenario;
    expect(isPristineTemplate(edited)).toBe(false);
    openScenario(buildTemplate('flash_sale'));
    const { notice, opened } = useReplaced.getState();
    expect(notice).toBe('Opened Flash sale. Your edits to Baseline store are one Undo away.');
    expect(opened).toBe(useScenarioStore.getState().scenario);
    undoScenario();
    expect(useScenarioStore.getState().scenario.calendar.days).toBe(12);
    expect(useScenarioStore.getState().scenario.template).toBe('baseline');
  });

  it('uses the name it is given (a file, a saved scenario) and counts an imported scenario of no known template as edits', () => {
    openScenario({ ...buildTemplate('churn_feature_store'), template: 'their_own', name: 'shop_a' }, 'shop_a.scenario.json');
    expect(useReplaced.getState().notice).toBeNull();
    openScenario(buildTemplate('baseline'));
    expect(useReplaced.getState().notice).toBe('Opened Baseline store. Your edits to shop_a are one Undo away.');
  });

  it('opening the same scenario again is no replacement', () => {
    useScenarioStore.getState().update((s) => {
      s.seed = 99;
    });
    openScenario(structuredClone(useScenarioStore.getState().scenario), 'the shared scenario');
    expect(useReplaced.getState().notice).toBeNull();
  });
});
