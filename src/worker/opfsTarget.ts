import type { DiskTarget } from '../engine/session/diskRun';
import { DISK_RUNS_FOLDER } from '../engine/session/protocol';

const ORPHAN_AFTER_MS = 24 * 3_600_000;

/** When a run folder (`{scenario}_{YYYYMMDDTHHMMSSZ}`) was written, from its name; null for other names. */
function stampTime(folder: string): number | null {
  const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(folder);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : null;
}

// Sync access handles are worker-only and not in every TypeScript DOM library yet.
interface SyncAccessHandle {
  write(data: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

/**
 * A folder of the origin-private file system for one run, written through synchronous
 * access handles: the engine's writers hand over chunks from a reused buffer, and each is
 * on disk before the next is made, so the tab holds no file. The page removes the run it
 * showed before; folders left a day ago (a tab closed without removing its files) go here,
 * never a folder another open tab may still be writing or offering.
 */
export async function openRunFolder(folder: string, now = Date.now()): Promise<DiskTarget> {
  const root = await navigator.storage.getDirectory();
  const runs = await root.getDirectoryHandle(DISK_RUNS_FOLDER, { create: true });
  for await (const name of (runs as unknown as { keys(): AsyncIterable<string> }).keys()) {
    const written = stampTime(name);
    if (name !== folder && written !== null && now - written > ORPHAN_AFTER_MS) await runs.removeEntry(name, { recursive: true }).catch(() => undefined);
  }
  const dir = await runs.getDirectoryHandle(folder, { create: true });
  return {
    discard: () => runs.removeEntry(folder, { recursive: true }),
    async open(fileName) {
      const handle = await dir.getFileHandle(fileName, { create: true });
      const access = (await (handle as unknown as { createSyncAccessHandle(): Promise<SyncAccessHandle> }).createSyncAccessHandle());
      access.truncate(0);
      let at = 0;
      return {
        write(chunk) {
          for (let done = 0; done < chunk.length; ) done += access.write(chunk.subarray(done), { at: at + done });
          at += chunk.length;
        },
        // A stopped run's files go with discard(); a finished one's stay as written.
        close() {
          access.flush();
          access.close();
        },
      };
    },
  };
}
