import { type Scenario, type ScenarioEvent, TEMPLATES } from '../../engine/client';
import { humanize } from '../labels';

/**
 * The title slide's story: the template's own line while the scenario keeps the template's
 * events (what the line tells), otherwise what this scenario's events do. A flash sale cut
 * to 20% off books for 12 hours still read "Four frantic hours: 70% off electronics".
 */
export function scenarioStory(scenario: Scenario): string {
  const template = TEMPLATES.find((t) => t.id === scenario.template);
  if (!template) return scenario.events.length > 0 ? `A custom scenario: ${eventsStory(scenario.events)}.` : 'A custom scenario.';
  if (JSON.stringify(template.build().events) === JSON.stringify(scenario.events)) return template.description;
  return `Edited from the ${template.label} template: ${scenario.events.length > 0 ? eventsStory(scenario.events) : 'no events, the everyday trade'}.`;
}

function eventsStory(events: readonly ScenarioEvent[]): string {
  return events.map(eventStory).join('; ');
}

function eventStory(e: ScenarioEvent): string {
  const hours = e.durationHours % 24 === 0 && e.durationHours >= 48 ? `${e.durationHours / 24} days` : `${e.durationHours} hour${e.durationHours === 1 ? '' : 's'}`;
  const parts = [`${e.label}, ${hours} from ${e.start.replace('T', ' ')}`];
  if (e.discountPct > 0) parts.push(`${e.discountPct}% off ${e.categories.length > 0 ? e.categories.map(humanize).join(', ') : 'everything'}`);
  if (e.intensity !== 1) parts.push(`traffic ×${e.intensity} at the peak`);
  return parts.join(', ');
}
