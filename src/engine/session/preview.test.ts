import { describe, expect, it } from 'vitest';
import { toCSV } from '../export/csv';
import { sha256Hex } from '../export/hash';
import { generate } from '../generate';
import { pinCases } from '../pins/cases';
import { sliceTable } from '../table';
import { previewDiffersIn, previewRange } from './preview';

// The preview is the first days of exactly the data Run produces: a row in the preview is
// the same row, byte for byte, in the export.
describe('a preview is the start of the full run', () => {
  for (const c of pinCases().filter((x) => !x.range)) {
    it(`${c.id}: every table of the preview equals the first rows of the full run`, () => {
      const preview = generate(c.scenario, previewRange(c.scenario));
      const full = generate(c.scenario);
      expect(preview.tables.length).toBeGreaterThan(0);
      for (const p of preview.tables) {
        if (previewDiffersIn(c.scenario).includes(p.name)) continue;
        const f = full.tables.find((t) => t.name === p.name)!;
        expect(p.rowCount, p.name).toBeLessThanOrEqual(f.rowCount);
        expect(sha256Hex(toCSV(p)), `${c.id}: ${p.name}`).toBe(sha256Hex(toCSV(sliceTable(f, 0, p.rowCount))));
      }
    });
  }
});
