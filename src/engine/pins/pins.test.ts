import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
