import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileThread, fileThread } from './fileThread';

const dir = mkdtempSync(join(tmpdir(), 'file-thread-'));

/** Chunks of every size around the thread's 4 MiB slots, from one reused buffer, as the CSV writer hands them. */
function chunks(sizes: number[]): { all: Buffer; produce: (write: (chunk: Uint8Array) => void) => Promise<void> } {
  const parts = sizes.map((n, k) => Buffer.alloc(n, (k * 37) % 251).map((b, i) => (b + i) % 256));
  const reused = new Uint8Array(Math.max(...sizes));
  return {
    all: Buffer.concat(parts),
    produce: async (write) => {
      for (const p of parts) {
        reused.set(p);
        write(reused.subarray(0, p.length));
        reused.fill(0);
      }
    },
  };
}

describe('the file thread', () => {
  it('writes and hashes what it is handed, in order, chunks larger and smaller than its slots', async () => {
    const { all, produce } = chunks([1, 4 << 20, (4 << 20) + 3, 10 << 20, 0, 12345]);
    const path = join(dir, 'a.bin');
    const written = await fileThread().file(path, produce);
    const back = readFileSync(path);
    expect(back.equals(all)).toBe(true);
    expect(written).toEqual({ size: all.length, sha256: createHash('sha256').update(all).digest('hex') });
  });

  it('stops the producer soon after a failed open, not at the end of the table', async () => {
    let handed = 0;
    const many = async (write: (chunk: Uint8Array) => void) => {
      const chunk = new Uint8Array(1 << 20);
      for (let i = 0; i < 200; i++) {
        write(chunk);
        handed++;
      }
    };
    await expect(fileThread().file(join(dir, 'missing', 'g.bin'), many)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(handed).toBeLessThan(10);
  });

  it('reports a failed open with its code, and writes the next file as usual', async () => {
    await expect(fileThread().file(join(dir, 'missing', 'b.bin'), chunks([100]).produce)).rejects.toMatchObject({ code: 'ENOENT' });
    const { all, produce } = chunks([5, 6]);
    expect((await fileThread().file(join(dir, 'c.bin'), produce)).size).toBe(all.length);
    expect(readFileSync(join(dir, 'c.bin')).equals(all)).toBe(true);
  });

  it("passes on the producer's own error, and is ready for the next file", async () => {
    const failing = async (write: (chunk: Uint8Array) => void) => {
      write(new Uint8Array(10));
      throw new Error('the encoder failed');
    };
    await expect(fileThread().file(join(dir, 'd.bin'), failing)).rejects.toThrow('the encoder failed');
    const { all, produce } = chunks([7]);
    expect(await fileThread().file(join(dir, 'e.bin'), produce)).toEqual({ size: 7, sha256: createHash('sha256').update(all).digest('hex') });
  });

  it('fails, not hangs, when the thread has stopped', async () => {
    const stopped = new FileThread(200);
    await stopped.stop();
    await expect(stopped.file(join(dir, 'f.bin'), chunks([10 << 20]).produce)).rejects.toThrow('stopped answering');
  });
});
