import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const glibc = process.platform === 'linux' && Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

describe('steady malloc', () => {
  it('runs the CLI again with the mmap threshold held at 4 MiB where glibc is (same arguments and output, the exit code of the run), and once only', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'steady-')), 'rerun.mts');
    writeFileSync(
      script,
      `import { canSteadyMalloc, rerunWithSteadyMalloc } from ${JSON.stringify(resolve('src/cli/steadyMalloc.ts'))};
const here = process.env.MALLOC_MMAP_THRESHOLD_ ?? 'unset';
if (canSteadyMalloc()) process.exit((await rerunWithSteadyMalloc()) ?? 99);
process.stdout.write(here + ' ' + process.argv.slice(2).join('|') + '\\n');
process.exit(7);
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, 'a', 'b c'], { encoding: 'utf8', env: { ...process.env, MALLOC_MMAP_THRESHOLD_: undefined } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(7);
    // Printed once: the child does not run itself again.
    expect(r.stdout).toBe(`${glibc ? '4194304' : 'unset'} a|b c\n`);
  });
});
