import { assembleParts, drain, generateSteps, partRequests, runParts, type ExportFormatId, type GeneratedRun, type RunRange, type Scenario } from '../engine';
import type { AssembledRun } from '../engine/session/parallel';
import { createPool } from './pool';

/** Runs a scenario's range, printing progress on stderr every 10% unless quiet. */
export function runWithProgress(scenario: Scenario, range: RunRange, quiet: boolean): GeneratedRun {
  let lastShown = -1;
  return drain(generateSteps(scenario, range), (p) => {
    const pct = Math.floor(p.fraction * 100);
    if (!quiet && pct >= lastShown + 10) {
      process.stderr.write(`generating… ${pct}% (${p.stage})\n`);
      lastShown = pct;
    }
  });
}

/** Runs a whole scenario in `parts` on a pool of worker threads and assembles it (engine/session/parallel.ts). */
export async function runOnPool(scenario: Scenario, parts: number, workers: number, format: ExportFormatId, quiet: boolean): Promise<AssembledRun> {
  const pool = createPool(workers);
  try {
    if (!quiet) process.stderr.write(`generating in ${parts} parts on ${workers} worker threads…\n`);
    const outputs = await runParts(partRequests(scenario, parts, format), workers, (req) => pool.run(req), (done) => {
      if (!quiet) process.stderr.write(`generating… ${done} of ${parts} parts\n`);
    });
    return assembleParts(scenario, outputs, format);
  } finally {
    await pool.close();
  }
}
