import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * glibc's malloc, tuned for runs that allocate hundreds of MB of typed arrays. glibc reads
 * its settings (GLIBC_TUNABLES) only when a process starts, so the CLI runs itself again
 * with them set: `launch.ts` for every run, `main.ts` once more for a large one.
 *
 * - HUGE_PAGES: malloc asks for transparent huge pages (MADV_HUGEPAGE) on its memory, so
 *   fresh column buffers fault in 2 MiB pages, not 4 KiB ones: a 1M-order CSV run made
 *   48k page faults instead of 109k and took 0.82× the wall time (farm-bench, 8 pairs),
 *   inventory retail's development size as Parquet 0.92×.
 * - STEADY_THRESHOLD: malloc's mmap threshold held at 4 MiB. glibc serves a block below the
 *   threshold from its heap and raises the threshold (up to 32 MiB) each time it frees a
 *   larger mapped block; the Arrow and Parquet encoders' 1-32 MiB column buffers then
 *   stayed in the process once freed. Inventory retail's large size as Parquet peaked at
 *   1.73 GB, 1.36-1.42 GB with it. It costs time on smaller runs (inventory development
 *   as Parquet: 1.10× the wall time beside huge pages alone), so only runs estimated above
 *   STEADY_ABOVE take it.
 */
export const HUGE_PAGES = 'glibc.malloc.hugetlb=1';
export const STEADY_THRESHOLD = `glibc.malloc.mmap_threshold=${4 * 2 ** 20}`;
export const STEADY_ABOVE = 2 ** 30;

/** Whether this process runs on glibc (Linux, not musl): other systems' malloc takes none of this. */
export function glibcHere(): boolean {
  if (process.platform !== 'linux') return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return Boolean(report?.header?.glibcVersionRuntime);
}

/** Whether this process started with `tunable` among its GLIBC_TUNABLES. */
export function tunedWith(tunable: string): boolean {
  return (process.env.GLIBC_TUNABLES ?? '').split(':').includes(tunable);
}

/**
 * Runs `script` (with this process's arguments, Node flags and streams) as a child whose
 * GLIBC_TUNABLES add `tunable`; Ctrl-C and termination reach the child. Resolves to the
 * child's exit code, or null when it could not start (then this process does the work).
 */
export function rerunWith(tunable: string, script: string): Promise<number | null> {
  const tunables = [process.env.GLIBC_TUNABLES, tunable].filter(Boolean).join(':');
  const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: tunables },
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
