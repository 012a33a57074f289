import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { pinCases, pinOf } from './cases';

// Refactors keep every output byte for byte: sha256 of every table of every template.
const pinned = JSON.parse(readFileSync(new URL('./outputs.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;

describe('outputs are pinned', () => {
  for (const c of pinCases()) {
    it(`${c.id}: every table's sha256 is unchanged`, () => {
      expect(pinOf(c)).toEqual(pinned[c.id]);
    });
  }
});

describe('shared values (model/derived.ts) never leak between runs', () => {
  // The preview and the full run of one scenario object share derived values (the hourly
  // plan, inventory's plan); the full run must still be the run a fresh scenario gives.
  for (const id of ['inventory_retail', 'churn_feature_store', 'weather_tenants', 'jaffle_shop']) {
    it(`${id}: a full run after a one-day preview of the same scenario is unchanged`, () => {
      const c = pinCases().find((x) => x.id === id)!;
      generate(c.scenario, { partitions: c.scenario.calendar.days, partition: 0 });
      expect(pinOf(c)).toEqual(pinned[c.id]);
    });
  }
});
