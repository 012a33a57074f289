import { Worker } from 'node:worker_threads';

/**
 * Files written and hashed on a thread of their own. A streamed table's chunks are copied
 * into a ring of shared slots and the main thread goes on encoding the next ones, while this
 * thread writes each to disk and feeds it to sha256: the write calls and the hash were about a
 * fifth of the main thread's time in a 1M-order CSV run (215 and 132 ms of 1.4 s). The ring
 * is shared memory with Atomics, not messages: the encoder hands chunks over synchronously,
 * never turning the event loop, and no chunk is allocated afresh.
 *
 * The thread's source is the string below, run with `eval`: it needs nothing but node:fs and
 * node:crypto (about 0.1 s to start, no bundle to load), bundled or under tsx alike.
 */

const SLOTS = 4;
const SLOT_BYTES = 4 << 20;
/** What a slot holds: bytes to append, the path of the file to open, or the end of the file. */
const DATA = 1;
const OPEN = 2;
const CLOSE = 3;
const STALLED_MS = 120_000;

const SOURCE = `
const { workerData } = require('node:worker_threads');
const { openSync, writeSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { SLOTS, SLOT_BYTES, DATA, OPEN, CLOSE, control, data } = workerData;
const full = new Int32Array(control, 0, SLOTS);
const kind = new Int32Array(control, 4 * SLOTS, SLOTS);
const length = new Int32Array(control, 8 * SLOTS, SLOTS);
const status = new Int32Array(control, 12 * SLOTS, 1);
let fd = -1, hash = null, size = 0, failed = null;
for (let i = 0; ; i = (i + 1) % SLOTS) {
  Atomics.wait(full, i, 0);
  const bytes = new Uint8Array(data, i * SLOT_BYTES, length[i]);
  try {
    if (kind[i] === OPEN) {
      failed = null; size = 0; hash = createHash('sha256');
      fd = openSync(Buffer.from(bytes).toString('utf8'), 'w');
    } else if (kind[i] === DATA && !failed) {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      hash.update(bytes);
      size += bytes.length;
    } else if (kind[i] === CLOSE) {
      try {
        if (fd >= 0) closeSync(fd);
      } catch (e) {
        failed ??= e;
      } finally {
        fd = -1;
      }
      const answer = failed ? { error: { message: failed.message, code: failed.code, path: failed.path } } : { size, sha256: hash.digest('hex') };
      const text = Buffer.from(JSON.stringify(answer));
      new Uint8Array(data, i * SLOT_BYTES, text.length).set(text);
      length[i] = text.length;
    }
  } catch (e) {
    failed ??= e;
    // Tells the encoder to stop handing over chunks of a file that cannot be written.
    Atomics.store(status, 0, 1);
  }
  Atomics.store(full, i, 0);
  Atomics.notify(full, i);
}
`;

export interface WrittenFile {
  size: number;
  sha256: string;
}

/** One writer thread for the process, started on first use (again if it stopped); it never holds the process open. */
let shared: FileThread | null = null;
export function fileThread(): FileThread {
  if (!shared || shared.broken) shared = new FileThread();
  return shared;
}

/** Thrown into the encoder when the thread has failed the file: its answer at the close says why. */
class FileFailed extends Error {}

export class FileThread {
  private readonly full: Int32Array;
  private readonly kind: Int32Array;
  private readonly length: Int32Array;
  private readonly status: Int32Array;
  private readonly data: SharedArrayBuffer;
  /** Set when the thread stopped answering or failed: no more files go to it. */
  broken = false;
  private readonly worker: Worker;
  private next = 0;
  private open = false;

  /** `stalledMs`: how long a slot may stay full before the thread is taken to have stopped. */
  constructor(private readonly stalledMs = STALLED_MS) {
    const control = new SharedArrayBuffer(12 * SLOTS + 4);
    this.data = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    this.full = new Int32Array(control, 0, SLOTS);
    this.kind = new Int32Array(control, 4 * SLOTS, SLOTS);
    this.length = new Int32Array(control, 8 * SLOTS, SLOTS);
    this.status = new Int32Array(control, 12 * SLOTS, 1);
    this.worker = new Worker(SOURCE, { eval: true, workerData: { SLOTS, SLOT_BYTES, DATA, OPEN, CLOSE, control, data: this.data } });
    this.worker.unref();
    // A thread that crashed is not used again (a file being written fails: see waitEmpty).
    this.worker.on('error', () => (this.broken = true));
  }

  /** Stops the thread (a file being written fails: see waitEmpty). */
  stop(): Promise<number> {
    return this.worker.terminate();
  }

  /**
   * Writes a file from chunks handed over one after another (each may be reused as soon as
   * `write` returns) and hashes it; `path` is created or truncated. One file at a time.
   */
  async file(path: string, produce: (write: (chunk: Uint8Array) => void) => Promise<void>): Promise<WrittenFile> {
    if (this.open) throw new Error('the file thread writes one file at a time');
    if (this.broken) throw new Error('the thread writing files has stopped');
    this.open = true;
    try {
      // Every slot of the file before is empty (its close was answered): the status is this file's.
      Atomics.store(this.status, 0, 0);
      this.put(OPEN, new TextEncoder().encode(path));
      let failure: { error: unknown } | null = null;
      try {
        await produce((chunk) => {
          if (Atomics.load(this.status, 0) !== 0) throw new FileFailed();
          for (let at = 0; at < chunk.length; at += SLOT_BYTES) this.put(DATA, chunk.subarray(at, at + SLOT_BYTES));
        });
      } catch (error) {
        // A stalled thread is not asked for its answer (its slots are still full).
        if (this.broken) throw error;
        if (!(error instanceof FileFailed)) failure = { error };
      }
      // Closed whatever happened: the thread is then ready for the next file.
      const answer = this.close();
      if (failure) throw failure.error;
      if ('error' in answer) throw Object.assign(new Error(answer.error.message), { code: answer.error.code, path: answer.error.path });
      return answer;
    } finally {
      this.open = false;
    }
  }

  /** Ends the file and waits for the thread's answer: the size and hash, or why it failed (an error of node:fs, with its code). */
  private close(): WrittenFile | { error: { message: string; code?: string; path?: string } } {
    const slot = this.put(CLOSE, new Uint8Array(0));
    this.waitEmpty(slot);
    return JSON.parse(new TextDecoder().decode(new Uint8Array(this.data, slot * SLOT_BYTES, this.length[slot]).slice()));
  }

  /**
   * Waits until the thread has emptied slot i. A slot is 4 MiB: a thread that has not emptied
   * one in two minutes has stopped (it died, or the disk hangs), and the run fails with that
   * rather than waiting for ever.
   */
  private waitEmpty(i: number): void {
    if (Atomics.wait(this.full, i, 1, this.stalledMs) !== 'timed-out') return;
    this.broken = true;
    throw new Error(`the thread writing files stopped answering (no 4 MiB written in ${this.stalledMs / 1000} s)`);
  }

  /** Copies `bytes` into the next slot once the thread has emptied it; returns the slot. */
  private put(kind: number, bytes: Uint8Array): number {
    const i = this.next;
    this.next = (i + 1) % SLOTS;
    this.waitEmpty(i);
    new Uint8Array(this.data, i * SLOT_BYTES, bytes.length).set(bytes);
    this.kind[i] = kind;
    this.length[i] = bytes.length;
    Atomics.store(this.full, i, 1);
    Atomics.notify(this.full, i);
    return i;
  }
}
