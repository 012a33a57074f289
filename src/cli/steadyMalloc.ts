import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * glibc's malloc serves a block below its mmap threshold from its heap, and raises the
 * threshold (up to 32 MiB) each time it frees a larger mapped block. A large run's column
 * buffers, mostly between 1 and 32 MiB, then come from the heap, and what the Arrow and
 * Parquet encoders free there stays in the process: inventory retail's large size written
 * as Parquet peaked at 1.73 GB, and at 1.36 GB with the threshold held at 4 MiB (as CSV:
 * 1.42 against 1.39 GB). Held fixed, the threshold costs about 3% of the time (more
 * mappings), so only a run estimated above STEADY_ABOVE runs with it.
 */
const VARIABLE = 'MALLOC_MMAP_THRESHOLD_';
const THRESHOLD = String(4 * 2 ** 20);
export const STEADY_ABOVE = 2 ** 30;

/** Whether this process could hold malloc's threshold steady by running again (Linux with glibc, not already set). */
export function canSteadyMalloc(): boolean {
  if (process.platform !== 'linux' || process.env[VARIABLE] !== undefined) return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return Boolean(report?.header?.glibcVersionRuntime);
}

/**
 * Runs this CLI again, same arguments and streams, with malloc's mmap threshold fixed (glibc
 * reads it only when a process starts); Ctrl-C and termination reach the child. Resolves
 * to the child's exit code, or null when it could not start (then this process runs it).
 */
export function rerunWithSteadyMalloc(): Promise<number | null> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [VARIABLE]: THRESHOLD },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', () => {
      for (const signal of signals) process.off(signal, forward);
      resolve(null);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 1)));
  });
}
