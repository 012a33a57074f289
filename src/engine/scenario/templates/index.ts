import { ScenarioError } from '../errors';
import type { Scenario } from '../schema';
import { baselineTemplate } from './baseline';

export interface TemplateInfo {
  id: string;
  label: string;
  description: string;
  build: () => Scenario;
}

/** The gallery. A template is a function that returns a scenario; register new ones here. */
export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'baseline',
    label: 'Baseline store',
    description: 'Seed 001 baseline: 30 days, 2,500 orders a day, 10,000 customers in four generational cohorts.',
    build: baselineTemplate,
  },
];

export function buildTemplate(id: string): Scenario {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) {
    throw new ScenarioError([
      { code: 'E104', field: 'template', message: `unknown template "${id}" (known: ${TEMPLATES.map((x) => x.id).join(', ')})` },
    ]);
  }
  return t.build();
}
