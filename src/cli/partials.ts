import { renameSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/**
 * Every file is written under a temporary name (`X.partial`) and renamed once whole. A run
 * stopped by a signal (Ctrl-C, a batch runner's termination) skips every `finally`: the
 * temporary files and staging folders it held are removed here instead, then the process
 * ends by the same signal. Without this, Ctrl-C left gigabytes of `.partial` behind.
 */
const live = new Set<string>();

const partialName = (path: string) => `${path}.partial`;

/** The temporary name for `path`, removed if a signal stops the run before settle(path). */
export function partialOf(path: string): string {
  live.add(partialName(path));
  return partialName(path);
}

/** The temporary file becomes `path`. */
export async function settle(path: string): Promise<void> {
  await rename(partialName(path), path);
  live.delete(partialName(path));
}

export function settleSync(path: string): void {
  renameSync(partialName(path), path);
  live.delete(partialName(path));
}

/** Runs a write of `path`'s temporary file; if it fails, the file goes too (on a full disk it held the room the next run needs). */
export async function removingPartial<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    // The write's own error is the one to report; a folder standing at that name is not ours to remove.
    await rm(partialName(path), { force: true }).then(() => live.delete(partialName(path)), () => undefined);
    throw e;
  }
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
