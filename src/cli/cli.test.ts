import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAgain } from './scenarioArgs';

// The CLI as users run it (`npm run generate`): bundled from these sources first.
beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
});

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['dist-cli/main.mjs', '--quiet', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('command-line generator', () => {
  it('writes the chosen tables and a manifest whose sha256 match the files', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    const r = cli(['--template', 'baseline', '--seed', '7', '--set', 'days=2', '--set', 'customers=500', '--tables', 'orders,customers', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.scenario.seed).toBe(7);
    expect(manifest.scenario.calendar.days).toBe(2);
    expect(manifest.generator.name).toBe('scenario-designer');
    expect(manifest.tables.map((t: { table: string }) => t.table)).toEqual(['customers', 'orders']);
    for (const t of manifest.tables) {
      expect(t.file).toMatch(new RegExp(`^baseline_\\d{8}T\\d{6}Z_${t.table}\\.csv$`));
      const bytes = readFileSync(join(out, t.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(t.sha256);
      expect(bytes.toString('utf8').trimEnd().split('\r\n').length - 1).toBe(t.rows);
    }
    expect(readdirSync(out).sort()).toEqual([...manifest.tables.map((t: { file: string }) => t.file), 'conformance.json', 'manifest.json', 'scenario.json'].sort());
    const conformance = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
    expect(conformance.length).toBe(manifest.conformance.total);
  });

  it('runs the custom-columns example with 1 and 2 workers: its columns in the files, the same bytes, their targets in conformance.json', () => {
    const one = mkdtempSync(join(tmpdir(), 'custom-'));
    const two = mkdtempSync(join(tmpdir(), 'custom-'));
    const args = ['--scenario', 'examples/custom-columns.scenario.json', '--set', 'days=4', '--tables', 'customers,orders'];
    expect(cli([...args, '--workers', '1', '--out', one]).code).toBe(0);
    const r = cli([...args, '--workers', '2', '--out', two]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const orders = manifest(one).tables.find((t: { table: string }) => t.table === 'orders');
    const header = readFileSync(join(one, orders.file), 'utf8').split('\r\n')[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['shipping_fee', 'gift_wrap', 'basket_score', 'courier', 'tracking_code', 'young_app_order', 'vip_discount']));
    expect(manifest(two).tables.map((t: { sha256: string }) => t.sha256)).toEqual(manifest(one).tables.map((t: { sha256: string }) => t.sha256));
    const custom = JSON.parse(readFileSync(join(one, 'conformance.json'), 'utf8')).filter((row: { module: string }) => row.module === 'custom');
    expect(custom.length).toBeGreaterThan(10);
  });

  describe('launcher (dist-cli/main.mjs)', () => {
    // The built launcher beside a stand-in for the CLI that tells what it was given: it asks
    // for the steady threshold when told "steady" (as a large run does), kills itself on "die".
    const dir = mkdtempSync(join(tmpdir(), 'launch-'));
    beforeAll(() => {
      copyFileSync('dist-cli/main.mjs', join(dir, 'main.mjs'));
      writeFileSync(
        join(dir, 'cli.mjs'),
        `const t = process.env.GLIBC_TUNABLES ?? 'unset';
const launched = process.env.${'SCENARIO_DESIGNER_LAUNCHED'} ?? 'here';
if (process.argv.includes('steady') && launched === 'may-ask-steady') process.exit(75);
if (process.argv.includes('die')) process.kill(process.pid, 'SIGTERM');
process.stdout.write(t + ' ' + launched + ' ' + process.argv.slice(2).join('|') + '\\n');
process.exit(7);
`,
      );
    });
    const launch = (args: string[], tunables?: string) => spawnSync(process.execPath, [join(dir, 'main.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: tunables, SCENARIO_DESIGNER_LAUNCHED: undefined } });
    const [major, minor] = ((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime ?? '0.0').split('.').map(Number);
    const hugePages = process.platform === 'linux' && (major > 2 || (major === 2 && minor >= 35));

    const reuse = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296';
    it('runs the CLI as a child with huge pages and memory reuse added to GLIBC_TUNABLES where glibc takes them: same arguments, its exit code; a setting of the user’s own is kept', () => {
      const plain = launch(['a', 'b c']);
      expect(plain.status).toBe(7);
      expect(plain.stdout).toBe(hugePages ? `${reuse} may-ask-steady a|b c\n` : 'unset here a|b c\n');
      expect(launch(['a'], 'glibc.malloc.tcache_count=0').stdout).toBe(hugePages ? `glibc.malloc.tcache_count=0:${reuse} may-ask-steady a\n` : 'glibc.malloc.tcache_count=0 here a\n');
      // The user's own huge-page setting wins: no child, nothing added.
      expect(launch(['a'], 'glibc.malloc.hugetlb=0').stdout).toBe('glibc.malloc.hugetlb=0 here a\n');
    });

    it.runIf(hugePages)('keeps a user’s own mmap threshold, in GLIBC_TUNABLES or in glibc’s older variable: not replaced, and the CLI is told it may not ask for another', () => {
      const own = launch(['steady'], 'glibc.malloc.mmap_threshold=65536');
      expect(own.status).toBe(7);
      expect(own.stdout).toBe('glibc.malloc.mmap_threshold=65536:glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=4294967296 may-not-ask steady\n');
      const older = (name: string) => spawnSync(process.execPath, [join(dir, 'main.mjs'), 'a'], { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: undefined, SCENARIO_DESIGNER_LAUNCHED: undefined, [name]: '131072' } }).stdout;
      expect(older('MALLOC_MMAP_THRESHOLD_')).toBe('glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=4294967296 may-not-ask a\n');
      expect(older('MALLOC_TRIM_THRESHOLD_')).toBe('glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432 may-ask-steady a\n');
    });

    it('runs the CLI in its own process with no leave to ask for a rerun, whatever it inherited', () => {
      const here = spawnSync(process.execPath, [join(dir, 'main.mjs'), 'steady'], { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0', SCENARIO_DESIGNER_LAUNCHED: 'may-ask-steady' } });
      expect(here.status).toBe(7);
      expect(here.stdout).toBe('glibc.malloc.hugetlb=0 here steady\n');
    });

    it.runIf(hugePages)('runs it once more with the steady mmap threshold when the CLI asks (exit 75), and ends as the child ended when a signal killed it', () => {
      const steady = launch(['steady']);
      expect(steady.status).toBe(7);
      expect(steady.stdout).toBe('glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=4194304 may-not-ask steady\n');
      const killed = launch(['die']);
      expect(killed.status).toBe(null);
      expect(killed.signal).toBe('SIGTERM');
    });

    it('a large run held whole asks for the steady threshold before any work (also in the Hive layout); a partition of it does not ask', () => {
      const out = mkdtempSync(join(tmpdir(), 'steady-'));
      const env = { ...process.env, SCENARIO_DESIGNER_LAUNCHED: 'may-ask-steady', GLIBC_TUNABLES: undefined };
      const large = ['dist-cli/cli.mjs', '--quiet', '--template', 'inventory_retail', '--size', 'large', '--out', out];
      const asked = spawnSync(process.execPath, large, { encoding: 'utf8', env });
      expect(asked.status, asked.stderr).toBe(75);
      expect(spawnSync(process.execPath, [...large, '--layout', 'hive'], { encoding: 'utf8', env }).status).toBe(75);
      expect(readdirSync(out)).toEqual([]);
      // Not whole: it runs as it is (and inventory refuses a later part at once).
      const part = spawnSync(process.execPath, [...large, '--partitions', '2', '--partition', '1'], { encoding: 'utf8', env });
      expect(part.status).toBe(2);
      expect(part.stderr).toMatch(/E110/);
    });

    it('reads a scenario again only from a file, not from a pipe', () => {
      const fifo = join(dir, 'pipe');
      spawnSync('mkfifo', [fifo]);
      expect(readAgain(undefined)).toBe(true);
      expect(readAgain('examples/custom-columns.scenario.json')).toBe(true);
      expect(readAgain(fifo)).toBe(false);
      expect(readAgain(join(dir, 'no-such-file.json'))).toBe(false);
    });
  });

  it('takes the partition from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) when --partition is not given', () => {
    const out = mkdtempSync(join(tmpdir(), 'job-'));
    const r = cli(['--set', 'days=3', '--set', 'customers=300', '--set', 'ordersPerDay=50', '--tables', 'orders', '--partitions', '3', '--out', out], { JOB_COMPLETION_INDEX: '2' });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.partition).toEqual({ partitions: 3, partition: 2 });
    expect(manifest.tables[0].file).toMatch(/_orders_part2of3\.csv$/);
  });

  it('same scenario and seed give byte-identical files across runs', () => {
    const a = mkdtempSync(join(tmpdir(), 'gen-'));
    const b = mkdtempSync(join(tmpdir(), 'gen-'));
    const args = ['--seed', '3', '--set', 'days=2', '--set', 'customers=300', '--format', 'parquet', '--tables', 'orders'];
    expect(cli([...args, '--out', a]).code).toBe(0);
    expect(cli([...args, '--out', b]).code).toBe(0);
    const sha = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).tables[0].sha256;
    expect(sha(a)).toBe(sha(b));
  });

  it.each([
    [['--set', 'days=0'], 'E103 calendar.days'],
    [['--set', 'ordersPerDay=-5'], 'E101 volumes.ordersPerDay'],
    [['--set', 'cohorts.0.share=50'], 'E102 cohorts'],
    [['--template', 'black_friday'], 'E104 template'],
    [['--set', 'dayz=3'], 'E110 --set'],
    [['--format', 'xlsx'], 'E110 --format'],
    [['--partitions', '3', '--partition', '5'], 'E110 partition'],
    [['--size', 'large'], 'E110 --size'],
    [['--template', 'churn_feature_store', '--size', 'huge'], 'E110 --size'],
    [['--template', 'churn_feature_store', '--corruption', '70'], 'E110 --corruption'],
    [['--continue', 'no-such-manifest.json', '--days', '3'], 'E112 --continue'],
    [['--continue', 'package.json', '--days', '3'], 'E112 scenario'],
    [['--partitions', '0x2'], 'E110 --partitions'],
    [['--days', '100000'], 'E110 --days'],
    [['--out', 'package.json/x'], 'E115 --out'],
    // Node's recursive mkdir looped forever under /proc, at 100% CPU.
    [['--out', '/proc/scenario-designer-out'], 'E115 --out'],
    [['--out', ''], 'E110 --out'],
    [['--set', 'cohorts.length=2'], 'E110 --set'],
    [['--template', 'inventory_retail', '--set', 'days=2', '--by-day'], 'E110 --by-day'],
    [['--set', 'days=365', '--set', 'ordersPerDay=10000000'], 'E107 volumes.ordersPerDay'],
    // Flags that would change nothing: refused, not ignored.
    [['--workers', '0'], 'E110 --workers'],
    [['--stream', '0'], 'E110 --stream'],
    [['--split-tenants'], 'E110 --split-tenants'],
    [['--by-day', '--partitions', '2'], 'E110 --by-day'],
    [['--merge', 'parts', '--format', 'parquet'], 'E110 --format'],
  ])('%j fails with a numbered error on stderr and exit status 2', (args, expected) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${expected}`);
  });

  it("takes the seed's event overrides: --discount 60 --duration 8h --intensity 10.0", () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    const r = cli(['--template', 'flash_sale', '--discount', '60', '--duration', '8h', '--intensity', '10.0', '--set', 'customers=300', '--set', 'ordersPerDay=200', '--tables', 'campaigns', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const event = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).scenario.events[0];
    expect(event).toMatchObject({ type: 'flash_sale', discountPct: 60, durationHours: 8, intensity: 10 });
    expect(cli(['--template', 'baseline', '--discount', '60']).stderr).toContain('error E110');
  });

  it('says so when --out already held files (an earlier run\'s stay beside this one\'s), and not into an empty folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    const run = () => spawnSync(process.execPath, ['dist-cli/main.mjs', '--set', 'days=1', '--set', 'customers=50', '--tables', 'customers', '--out', out], { encoding: 'utf8' }).stderr;
    expect(run()).not.toContain('note:');
    writeFileSync(join(out, 'theirs.txt'), 'kept');
    expect(run()).toContain(`note: ${out} already held 5 entries; those of this run's names were replaced, the others left as they were`);
    expect(readFileSync(join(out, 'theirs.txt'), 'utf8')).toBe('kept');
  });

  it('stopped by Ctrl-C while writing, leaves no temporary file behind and ends by the signal', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    const p = spawn(process.execPath, ['dist-cli/main.mjs', '--quiet', '--set', 'days=20', '--set', 'ordersPerDay=25000', '--tables', 'customers,orders,order_items', '--out', out]);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => p.on('exit', (_code, signal) => resolve(signal)));
    // As soon as a file is being written (polled): the run is then half way.
    for (let i = 0; i < 3000 && !readdirSync(out).some((f) => f.endsWith('.partial')); i++) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(out).some((f) => f.endsWith('.partial'))).toBe(true);
    p.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('says when the correlation matrix is not positive semi-definite, and runs with the nearest valid one', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    const args = ['dist-cli/main.mjs', '--set', 'days=1', '--set', 'customers=50', '--tables', 'customers', '--out', out];
    const bent = spawnSync(process.execPath, [...args, '--set', 'correlations.matrix.0.1=-0.9', '--set', 'correlations.matrix.1.0=-0.9'], { encoding: 'utf8' });
    expect(bent.status).toBe(0);
    expect(bent.stderr).toMatch(/^note: correlations\.matrix is not positive semi-definite \(smallest eigenvalue -0\.\d{3}\)/m);
    expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).stderr).not.toContain('semi-definite');
  });

  it('-h is --help; an unknown flag is one line and a pointer to it, not the whole help', () => {
    const help = cli(['-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
    const unknown = cli(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error E110 Unknown option '--bogus'\nRun with --help (or -h) to see the options.\n");
  });

  it('rejects malformed and wrong-version scenario files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-'));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: 99 }));
    expect(cli(['--scenario', join(dir, 'bad.json')]).stderr).toContain('error E105');
    expect(cli(['--scenario', join(dir, 'old.json')]).stderr).toContain('error E106 schemaVersion');
  });

  it('continues a lifecycle run from its manifest: the increment appended equals one long run, file by file', () => {
    const first = mkdtempSync(join(tmpdir(), 'gen-'));
    const next = mkdtempSync(join(tmpdir(), 'gen-'));
    const long = mkdtempSync(join(tmpdir(), 'gen-'));
    const common = ['--template', 'churn_feature_store', '--seed', '11', '--set', 'customers=300'];
    expect(cli([...common, '--set', 'days=90', '--out', first]).code).toBe(0);
    // The manifest's scenario goes on as it was: a seed or a setting beside --continue is refused, not ignored.
    expect(cli(['--continue', join(first, 'manifest.json'), '--days', '3', '--seed', '5']).stderr).toContain('error E110 --continue');
    expect(cli(['--continue', join(first, 'manifest.json'), '--days', '3', '--set', 'customers=5']).stderr).toContain('error E110 --continue');
    const r = cli(['--continue', join(first, 'manifest.json'), '--days', '20', '--out', next]);
    expect(r.code, r.stderr).toBe(0);
    expect(cli([...common, '--set', 'days=110', '--set', 'lifecycle.calibrationDays=90', '--out', long]).code).toBe(0);
    const file = (dir: string, table: string) => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      return readFileSync(join(dir, m.tables.find((t: { table: string }) => t.table === table).file), 'utf8');
    };
    for (const table of ['customers', 'transactions', 'daily_metrics']) {
      const withoutHeader = file(next, table).split('\r\n').slice(1).join('\r\n');
      expect(file(first, table) + withoutHeader, table).toBe(file(long, table));
    }
    expect(file(next, 'customer_labels')).toBe(file(long, 'customer_labels'));
    const m = JSON.parse(readFileSync(join(next, 'manifest.json'), 'utf8'));
    expect(m.partition).toEqual({ fromDay: 90 });
    expect(m.tables[0].file).toMatch(/_customers_days90to110\.csv$/);
  });

  it('--corruption 2 writes dq_faults listing each injected fault', () => {
    const out = mkdtempSync(join(tmpdir(), 'gen-'));
    expect(cli(['--template', 'churn_feature_store', '--seed', '4', '--corruption', '2', '--out', out]).code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const faults = m.tables.find((t: { table: string }) => t.table === 'dq_faults');
    expect(faults.rows).toBeGreaterThan(100);
    expect(m.scenario.quality.faults.map((f: { kind: string }) => f.kind)).toEqual(['null', 'out_of_range', 'negative_amount']);
  });

  it('--by-day writes one folder per day; the days appended are the whole run, file by file', () => {
    const days = mkdtempSync(join(tmpdir(), 'gen-'));
    const whole = mkdtempSync(join(tmpdir(), 'gen-'));
    const common = ['--template', 'jaffle_shop', '--seed', '5', '--set', 'days=6', '--set', 'jaffle.anomalies=[]'];
    expect(cli([...common, '--by-day', '--out', days]).code).toBe(0);
    expect(cli([...common, '--out', whole]).code).toBe(0);
    const folders = readdirSync(days).filter((f) => f.startsWith('day=')).sort();
    expect(folders).toEqual(['day=2024-05-02', 'day=2024-05-03', 'day=2024-05-04', 'day=2024-05-05', 'day=2024-05-06', 'day=2024-05-07']);
    const file = (dir: string, table: string) => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      return readFileSync(join(dir, m.tables.find((t: { table: string }) => t.table === table).file), 'utf8');
    };
    for (const table of ['raw_orders_training', 'stg_app_sessions', 'attributions', 'stg_google_ads']) {
      const parts = folders.map((f, i) => (i === 0 ? file(join(days, f), table) : file(join(days, f), table).split('\r\n').slice(1).join('\r\n')));
      expect(parts.join(''), table).toBe(file(whole, table));
    }
  });

  it('--workers 1, 2 and 3 write the same bytes (a pool of worker threads, parts joined in order)', () => {
    const hashes = [1, 2, 3].map((w) => {
      const out = mkdtempSync(join(tmpdir(), 'gen-'));
      expect(cli(['--template', 'flash_sale', '--seed', '9', '--set', 'days=4', '--set', 'ordersPerDay=400', '--set', 'customers=300', '--corruption', '1', '--workers', String(w), '--out', out]).code).toBe(0);
      const tables: { table: string; file: string; sha256: string; bytes: number }[] = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).tables;
      // Files are streamed (staged parts, hashed on the way): the manifest's hash and size are the file's own.
      for (const t of tables) {
        const bytes = readFileSync(join(out, t.file));
        expect(createHash('sha256').update(bytes).digest('hex'), t.file).toBe(t.sha256);
        expect(bytes.length, t.file).toBe(t.bytes);
      }
      // Nothing staged or half-written is left behind.
      expect(readdirSync(out).sort()).toEqual([...tables.map((t) => t.file), 'conformance.json', 'manifest.json', 'scenario.json'].sort());
      return tables.map((t) => `${t.table} ${t.sha256}`);
    });
    expect(hashes[0].length).toBeGreaterThan(10);
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });

  describe('scale-out: parts on separate processes, merged', () => {
    const scenario = ['--template', 'baseline', '--seed', '3', '--set', 'days=6', '--set', 'customers=800', '--set', 'ordersPerDay=300', '--corruption', '2'];
    const file = (dir: string, table: string) => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      return readFileSync(join(dir, m.tables.find((t: { table: string }) => t.table === table).file));
    };

    it('3 processes write Hive folders; --merge gives the single run, every table byte for byte, dq_faults included', async () => {
      const parts = mkdtempSync(join(tmpdir(), 'gen-'));
      const merged = mkdtempSync(join(tmpdir(), 'gen-'));
      const single = mkdtempSync(join(tmpdir(), 'gen-'));
      // Three processes at once, as three machines (or an Indexed Job's three pods) would run them.
      const { spawn } = await import('node:child_process');
      const codes = await Promise.all(
        [0, 1, 2].map(
          (k) =>
            new Promise<number | null>((resolve) => {
              const p = spawn(process.execPath, ['dist-cli/main.mjs', '--quiet', ...scenario, '--partitions', '3', '--layout', 'hive', '--out', parts], { env: { ...process.env, JOB_COMPLETION_INDEX: String(k) } });
              p.on('exit', resolve);
            }),
        ),
      );
      expect(codes).toEqual([0, 0, 0]);
      expect(readdirSync(join(parts, 'table=orders')).sort()).toEqual(['part=0', 'part=1', 'part=2']);
      expect(readdirSync(join(parts, 'table=customers'))).toEqual(['part=0']);
      expect(cli(['--merge', parts, '--out', merged]).code).toBe(0);
      expect(cli([...scenario, '--out', single]).code).toBe(0);
      const m = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'));
      const tables = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8')).tables.map((t: { table: string }) => t.table);
      expect(m.tables.map((t: { table: string }) => t.table)).toEqual(tables);
      expect(tables).toContain('dq_faults');
      for (const t of tables) expect(createHash('sha256').update(file(merged, t)).digest('hex'), t).toBe(createHash('sha256').update(file(single, t)).digest('hex'));
      for (const t of m.tables) expect(createHash('sha256').update(readFileSync(join(merged, t.file))).digest('hex')).toBe(t.sha256);
      // A part changed after it was written, or a damaged manifest, stops the merge with E116 and leaves no half-written file.
      const orders = join(parts, 'table=orders', 'part=2', readdirSync(join(parts, 'table=orders', 'part=2'))[0]);
      appendFileSync(orders, 'garbage\r\n');
      const bad = mkdtempSync(join(tmpdir(), 'gen-'));
      const changed = cli(['--merge', parts, '--out', bad]);
      expect(changed.code).toBe(2);
      expect(changed.stderr).toMatch(/E116 merge: .*sha256 differs/);
      expect(readdirSync(bad).filter((f) => f.endsWith('.partial'))).toEqual([]);
      writeFileSync(join(parts, '_manifests', 'part=1.json'), '{ not json');
      expect(cli(['--merge', parts, '--out', bad]).stderr).toMatch(/E116 merge: .*part=1\.json is not a readable manifest/);
    });

    it('--stream 3 writes the run part by part and joins it: the same files as the run in one piece', () => {
      const streamed = mkdtempSync(join(tmpdir(), 'gen-'));
      const single = mkdtempSync(join(tmpdir(), 'gen-'));
      expect(cli([...scenario, '--stream', '3', '--out', streamed]).code).toBe(0);
      expect(cli([...scenario, '--out', single]).code).toBe(0);
      const tables = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8')).tables.map((t: { table: string }) => t.table);
      for (const t of tables) expect(createHash('sha256').update(file(streamed, t)).digest('hex'), t).toBe(createHash('sha256').update(file(single, t)).digest('hex'));
      expect(readdirSync(streamed)).not.toContain('.parts');
      expect(cli([...scenario, '--stream', '3', '--partition', '1', '--partitions', '3', '--out', streamed]).stderr).toMatch(/E110 --stream/);
    });

    it('Parquet parts in Hive folders read back (hyparquet) as the single run; a missing part stops --merge with E116', async () => {
      const parts = mkdtempSync(join(tmpdir(), 'gen-'));
      const single = mkdtempSync(join(tmpdir(), 'gen-'));
      const base = [...scenario.slice(0, -2), '--tables', 'orders,customers', '--format', 'parquet'];
      for (const k of ['0', '2']) expect(cli([...base, '--partitions', '3', '--partition', k, '--layout', 'hive', '--out', parts]).code).toBe(0);
      const missing = cli(['--merge', parts, '--out', join(parts, 'merged')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/E116 merge: part 1 of 3 is missing/);
      expect(cli([...base, '--partitions', '3', '--partition', '1', '--layout', 'hive', '--out', parts]).code).toBe(0);
      expect(cli([...base, '--out', single]).code).toBe(0);
      const { parquetReadObjects } = await import('hyparquet');
      const { compressors } = await import('hyparquet-compressors');
      const rows = async (bytes: Buffer) => parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, compressors });
      const union = [];
      for (const k of [0, 1, 2]) union.push(...(await rows(readFileSync(join(parts, 'table=orders', `part=${k}`, 'orders.parquet')))));
      const whole = await rows(file(single, 'orders'));
      expect(union.length).toBe(whole.length);
      expect(union).toEqual(whole);
      // Parquet parts are read in place, not appended: --merge says how.
      expect(cli(['--merge', parts, '--out', join(parts, 'merged')]).stderr).toMatch(/E116 .*read_parquet/);
    });
  });
});

