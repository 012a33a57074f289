import { describe, expect, it } from 'vitest';
import { buildTemplate, TEMPLATES } from '../../engine/client';
import { scenarioStory } from './story';

describe('the title slide’s story', () => {
  it('is the template’s own line while the scenario keeps its events', () => {
    for (const t of TEMPLATES) expect(scenarioStory({ ...buildTemplate(t.id), seed: 99 }), t.id).toBe(t.description);
  });

  it('tells an edited event as it now is, not as the template had it', () => {
    const s = buildTemplate('flash_sale');
    const edited = { ...s, events: s.events.map((e) => ({ ...e, discountPct: 20, durationHours: 12, categories: ['books'] })) };
    const story = scenarioStory(edited);
    expect(story).not.toBe(TEMPLATES.find((t) => t.id === 'flash_sale')!.description);
    expect(story).toMatch(/^Edited from the Flash sale template: Flash sale, .*12 hours from .*, 20% off Books/);
    expect(scenarioStory({ ...s, events: [] })).toBe('Edited from the Flash sale template: no events, the everyday trade.');
  });
});
