import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('malloc tunables', () => {
  it('a run goes again as a child with the tunable added (same arguments, its exit code), and only once', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'rerun-')), 'rerun.mts');
    // As main.ts does for a large run: unless already tuned, run this script again with the steady threshold.
    writeFileSync(
      script,
      `import { rerunWith, STEADY_THRESHOLD, tunedWith } from ${JSON.stringify(resolve('src/cli/malloc.ts'))};
if (!tunedWith(STEADY_THRESHOLD)) process.exit((await rerunWith(STEADY_THRESHOLD, process.argv[1])) ?? 99);
process.stdout.write(process.env.GLIBC_TUNABLES + ' ' + process.argv.slice(2).join('|') + '\\n');
process.exit(7);
`,
    );
    const run = (tunables?: string) => spawnSync(process.execPath, ['--import', 'tsx', script, 'a', 'b c'], { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: tunables } });
    const plain = run();
    expect(plain.stderr).toBe('');
    expect(plain.status).toBe(7);
    expect(plain.stdout).toBe('glibc.malloc.mmap_threshold=4194304 a|b c\n');
    expect(run('glibc.malloc.hugetlb=1').stdout).toBe('glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4194304 a|b c\n');
  });
});
