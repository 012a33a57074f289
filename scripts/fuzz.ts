// npm run fuzz [N]: N mutated scenarios (default 20,000) and N/2 share-link fragments through
// validation, generation and the CSV writer; prints how each ended. 0 thrown is the bar.
import fc from 'fast-check';
import { TEMPLATES } from '../src/engine/scenario/templates';
import { fragmentArb, fragmentOutcome, mutate, mutationArb, outcomeOf, tinyTemplate, type Outcome } from '../src/fuzz/mutate';

const n = Number(process.argv[2] ?? 20_000);
const started = performance.now();
const scenarios: Record<Outcome, number> = { data: 0, refused: 0, thrown: 0 };
const fragments: Record<Outcome, number> = { data: 0, refused: 0, thrown: 0 };
const examples: string[] = [];
let slowest = 0;
const cases = fc.sample(fc.tuple(fc.constantFrom(...TEMPLATES.map((t) => t.id)), fc.array(mutationArb, { minLength: 1, maxLength: 3 })), { numRuns: n, seed: Number(process.env.FUZZ_SEED ?? 1) });
for (const [id, mutations] of cases) {
  const t = performance.now();
  const r = outcomeOf(mutate(tinyTemplate(id), mutations));
  slowest = Math.max(slowest, performance.now() - t);
  scenarios[r.outcome]++;
  if (r.why && examples.length < 10) examples.push(`${id} ${JSON.stringify(mutations)}: ${r.why}`);
}
for (const fragment of fc.sample(fragmentArb, { numRuns: Math.floor(n / 2), seed: Number(process.env.FUZZ_SEED ?? 1) })) {
  const r = fragmentOutcome(fragment);
  fragments[r.outcome]++;
  if (r.why && examples.length < 20) examples.push(`fragment ${fragment.slice(0, 60)}: ${r.why}`);
}
console.log(`scenarios  ${n}: ${scenarios.data} ran to well-formed CSV, ${scenarios.refused} refused with a numbered error, ${scenarios.thrown} thrown; slowest case ${slowest.toFixed(0)} ms (no hang)`);
console.log(`fragments  ${Math.floor(n / 2)}: ${fragments.data} opened, ${fragments.refused} refused with a numbered error, ${fragments.thrown} thrown`);
console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const e of examples) console.log(`  ${e}`);
process.exitCode = scenarios.thrown + fragments.thrown > 0 ? 1 : 0;
