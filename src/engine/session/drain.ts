import type { Progress } from '../generate';

/** Runs a generator of progress steps to its end (the one drain loop: session, CLI, generate). */
export function drain<P, T>(steps: Generator<P, T>, onStep?: (p: P) => void): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    onStep?.(s.value);
  }
}

/** How long a stretch of generation may hold the thread before the host gets a turn. */
const SLICE_MS = 12;

/**
 * Runs the steps in slices of about SLICE_MS, giving the host a turn between slices (so a
 * newer preview or a chart's query gets in) and reporting progress. Returns null as soon
 * as `stop()` says so: the caller's answer has been superseded.
 */
export async function drainCooperatively<T>(
  steps: Generator<Progress, T>,
  host: { now(): number; yieldToHost(): Promise<void> },
  stop: () => boolean,
  onProgress?: (p: Progress) => void,
): Promise<T | null> {
  let sliceStart = host.now();
  let reported = -Infinity;
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    const now = host.now();
    if (now - sliceStart > SLICE_MS) {
      if (onProgress && now - reported > 50) {
        onProgress(s.value);
        reported = now;
      }
      await host.yieldToHost();
      if (stop()) return null;
      sliceStart = host.now();
    }
  }
}
