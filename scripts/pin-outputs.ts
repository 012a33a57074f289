// Rewrites the sha256 pins of src/engine/pins/outputs.json. Run only when an output is meant to change.
import { writeFileSync } from 'node:fs';
import { pinCases, pinOf } from '../src/engine/pins/cases';

const out: Record<string, Record<string, string>> = {};
for (const c of pinCases()) {
  const t = performance.now();
  out[c.id] = pinOf(c);
  process.stderr.write(`${c.id}: ${Object.keys(out[c.id]).length} outputs in ${Math.round(performance.now() - t)} ms\n`);
}
writeFileSync(new URL('../src/engine/pins/outputs.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
