import { spawn } from 'node:child_process';

/**
 * glibc's malloc, tuned for runs that allocate hundreds of MB of typed arrays. glibc reads
 * its settings (GLIBC_TUNABLES) only when a process starts, so the CLI's launcher
 * (`launch.ts`) runs the CLI as a child with them set, and runs it once more when the CLI
 * finds its run large (it exits with RERUN_STEADY before any work).
 *
 * - HUGE_PAGES: malloc asks for transparent huge pages (MADV_HUGEPAGE) on its memory, so
 *   fresh column buffers fault in 2 MiB pages, not 4 KiB ones: a 1M-order CSV run made
 *   48k page faults instead of 109k. Set directly it took 0.82× the wall time (farm-bench,
 *   8 pairs); through the launcher, its own ~0.1 s included, 0.91× (Parquet 0.84×).
 * - STEADY_THRESHOLD: malloc's mmap threshold held at 4 MiB. glibc serves a block below the
 *   threshold from its heap and raises the threshold (up to 32 MiB) each time it frees a
 *   larger mapped block; the Arrow and Parquet encoders' 1-32 MiB column buffers then
 *   stayed in the process once freed. Inventory retail's large size as Parquet peaked at
 *   1.73 GB, 1.36-1.42 GB with it. It costs time on smaller runs (inventory development
 *   as Parquet: 1.10× the wall time beside huge pages alone), so only whole runs estimated
 *   above STEADY_ABOVE take it.
 *
 * - REUSE_THRESHOLD and KEEP_FREED, for every other run: blocks up to 32 MiB (glibc's
 *   largest threshold) come from malloc's heap from the start, and freed ones stay there to
 *   be used again instead of going back to the system. A page the process has touched once
 *   costs nothing more; a fresh one costs about 100 times its writing here (35 MB: ~100 ms
 *   to fault in, 1 ms to fill again). 1M orders as CSV took 0.92× the wall time beside huge
 *   pages alone (farm-bench, 10 pairs), as Parquet 0.94×, inventory development 0.92×; 10M
 *   orders streamed peaked at 587 MB against 652. The threshold without KEEP_FREED took
 *   1.06× the time of both.
 *
 * A setting of the user's own (the same name in GLIBC_TUNABLES, or glibc's older variable
 * for it) is left as it is:
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` runs the CLI in the launcher's process, untuned.
 */
export interface Tunable {
  name: string;
  value: string;
  /** The glibc release that knows it (older ones ignore it: no use starting a process for it). */
  since: readonly [number, number];
  /** glibc's older environment variable for the same setting, if it has one (a user's own counts there too). */
  alias?: string;
}
export const HUGE_PAGES: Tunable = { name: 'glibc.malloc.hugetlb', value: '1', since: [2, 35] };
export const STEADY_THRESHOLD: Tunable = { name: 'glibc.malloc.mmap_threshold', value: String(4 * 2 ** 20), since: [2, 26], alias: 'MALLOC_MMAP_THRESHOLD_' };
export const STEADY_ABOVE = 2 ** 30;
export const REUSE_THRESHOLD: Tunable = { ...STEADY_THRESHOLD, value: String(32 * 2 ** 20) };
export const KEEP_FREED: Tunable = { name: 'glibc.malloc.trim_threshold', value: String(2 ** 32), since: [2, 26], alias: 'MALLOC_TRIM_THRESHOLD_' };

/** The CLI's exit code that asks its launcher to run it again with STEADY_THRESHOLD. */
export const RERUN_STEADY = 75;
/** In the environment of the launcher's child: MAY_ASK (the CLI may exit with RERUN_STEADY) or MAY_NOT_ASK. */
export const LAUNCHED = 'SCENARIO_DESIGNER_LAUNCHED';
export const MAY_ASK = 'may-ask-steady';
export const MAY_NOT_ASK = 'may-not-ask';

/** glibc's version (Linux, not musl), or null; read once (a process report takes ~6 ms). */
let glibc: [number, number] | null | undefined;
function glibcVersion(): [number, number] | null {
  if (glibc !== undefined) return glibc;
  const report = process.platform === 'linux' ? (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined) : undefined;
  const match = /^(\d+)\.(\d+)/.exec(report?.header?.glibcVersionRuntime ?? '');
  glibc = match ? [Number(match[1]), Number(match[2])] : null;
  return glibc;
}

const settings = () => (process.env.GLIBC_TUNABLES ?? '').split(':').filter(Boolean);

/** Whether `t` can be added for a child: glibc knows it and the user has not set it. */
export function canTune(t: Tunable): boolean {
  const v = glibcVersion();
  if (!v || v[0] < t.since[0] || (v[0] === t.since[0] && v[1] < t.since[1])) return false;
  if (t.alias && process.env[t.alias] !== undefined) return false;
  return !settings().some((s) => s.split('=')[0] === t.name);
}

export type Exit = { code: number; signal: null } | { code: null; signal: NodeJS.Signals };

/**
 * Runs `script` (with this process's arguments, Node flags and streams) as a child with
 * those of `tunables` that canTune allows added to GLIBC_TUNABLES and LAUNCHED set to
 * `launched`; Ctrl-C and termination reach it. Resolves to how it ended, or null when it
 * could not start.
 */
export function runTuned(script: string, tunables: readonly Tunable[], launched: typeof MAY_ASK | typeof MAY_NOT_ASK): Promise<Exit | null> {
  const added = tunables.filter(canTune).map((t) => `${t.name}=${t.value}`);
  const env = { ...process.env, GLIBC_TUNABLES: [...settings(), ...added].join(':'), [LAUNCHED]: launched };
  const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, forward);
  const done = () => signals.forEach((signal) => process.off(signal, forward));
  let started = false;
  return new Promise((resolve) => {
    child.on('spawn', () => (started = true));
    // Only a child that never started is run in this process instead (a failed kill also says 'error').
    child.on('error', () => {
      if (started) return;
      done();
      resolve(null);
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(signal ? { code: null, signal } : { code: code ?? 1, signal: null });
    });
  });
}

/** Ends this process as the child ended: its exit code, or killed by its signal (so a shell loop stops on Ctrl-C). */
export function exitAs(exit: Exit): never {
  if (exit.signal) process.kill(process.pid, exit.signal);
  process.exit(exit.code ?? 1);
}
