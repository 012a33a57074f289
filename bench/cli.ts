// The bundled CLI end to end (start, generate, encode, hash, write), 1M baseline orders,
// the six spine tables, with 1 and with 2 worker threads. Prints one JSON line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPINE_TABLES } from './scenario';

execFileSync(process.execPath, ['scripts/build-cli.mjs']);
const args = ['--template', 'baseline', '--seed', '7', '--set', 'ordersPerDay=25000', '--set', 'customers=100000', '--tables', SPINE_TABLES.join(','), '--quiet'];

function once(format: string, workers: number, days = 40, scenarioArgs = [...args, '--set', `days=${days}`]) {
  const out = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  // /usr/bin/time gives the peak RSS of the largest process (the CLI's, worker threads
  // included; the launcher beside it holds ~45 MB) and the CPU of all of them.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, 'dist-cli/main.mjs', ...scenarioArgs, '--format', format, '--workers', String(workers), '--out', out], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { format, workers, orders: days * 25_000, wallMs: wall * 1000, cpuMs: (user + sys) * 1000, peakMB: kb / 1024 };
}

const runs = [];
for (const format of ['csv', 'parquet']) for (const workers of [1, 2]) runs.push(once(format, workers));
// JSON Lines streams as CSV does: its time and peak beside them.
runs.push(once('jsonl', 1));
// Peak memory as runs grow: above 768 MiB estimated (about 1.5M orders) the CLI streams part by part.
const sizes = [120, 400].map((days) => once('csv', 1, days));
// Inventory retail at its development size (2,000 products × 50 locations × 90 days), CSV.
const inventory = once('csv', 1, 0, ['--template', 'inventory_retail', '--seed', '7', '--quiet']);
// …and at its large size (10,000 × 50 × 730, 14.4M rows; it cannot be cut into parts), Parquet: the peak the CLI must keep under 1.5 GB.
const inventoryLarge = once('parquet', 1, 0, ['--template', 'inventory_retail', '--size', 'large', '--seed', '7', '--quiet']);
process.stdout.write(`${JSON.stringify({ cores: availableParallelism(), runs, sizes, inventory, inventoryLarge })}\n`);
