import { renameSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';

/**
 * Every file is written under a temporary name (`X.partial`) and renamed once whole. A run
 * stopped by a signal (Ctrl-C, a batch runner's termination) skips every `finally`: the
 * temporary files and staging folders it held are removed here instead, then the process
 * ends by the same signal. Without this, Ctrl-C left gigabytes of `.partial` behind.
 */
const live = new Set<string>();

/** The temporary name for `path`, removed if a signal stops the run before settle(path). */
export function partialOf(path: string): string {
  live.add(`${path}.partial`);
  return `${path}.partial`;
}

/** The temporary file becomes `path`. */
export async function settle(path: string): Promise<void> {
  await rename(`${path}.partial`, path);
  live.delete(`${path}.partial`);
}

export function settleSync(path: string): void {
  renameSync(`${path}.partial`, path);
  live.delete(`${path}.partial`);
}

/** A file or folder (a pool's staging folder) to remove if a signal stops the run; forget() once it is gone or kept. */
export function removedOnSignal(path: string): void {
  live.add(path);
}

export function forget(path: string): void {
  live.delete(path);
}

let installed = false;
export function removeOnSignal(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const path of live) rmSync(path, { recursive: true, force: true });
      // The handler is gone: the same signal now ends the process as it would have.
      process.kill(process.pid, signal);
    });
  }
}
