import { drain, generateSteps, type GeneratedRun, type RunRange, type Scenario } from '../engine';

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
