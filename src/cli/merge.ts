import { createHash } from 'node:crypto';
import { open, readdir, readFile } from 'node:fs/promises';
import { partialOf, removingPartial, settle } from './partials';
import { makeDir } from './makeDir';
import { dirname, join } from 'node:path';
import { formatOf, groundTruth, manifestJSON, renumberFaults, sumFaultCounts, ScenarioError, TABLE_NAMES, withCommas, type Manifest } from '../engine';
import { writeWhole } from './writeRun';

/**
 * `--merge DIR`: the parts of a run written with `--layout hive` (one process or machine
 * each, `--partition K`) joined into one flat dataset with one manifest. Tables are the
 * parts' files appended in part order; dq_faults is renumbered so that fault ids run
 * through the whole run and row indexes point into the merged files. Without
 * late-arriving faults (which move to the end of their part's batch) the result is the
 * single run's files, byte for byte.
 */
export async function mergeParts(dir: string, out: string, quiet: boolean): Promise<number> {
  const manifests = await readManifests(dir);
  const first = manifests[0];
  const format = formatOf(first.format);
  const appendable = format.appendable;
  if (!appendable) {
    throw mergeError(`${format.label} parts are not appended here; read them as one table in place, e.g. DuckDB: SELECT * FROM read_parquet('${dir}/table=*/part=*/*.${format.extension}', hive_partitioning = true)`);
  }
  const tables: Manifest['tables'] = [];
  const names = TABLE_NAMES.filter((name) => manifests.some((m) => m.tables.some((t) => t.table === name)));
  for (const name of names) {
    const parts = manifests.flatMap((m) => m.tables.filter((t) => t.table === name).map((t) => ({ manifest: m, entry: t })));
    const file = `${name}.${format.extension}`;
    // One part in memory at a time: a merged table may be larger than memory.
    // Each part as its manifest wrote it: a part missing or changed since is E116, never a merge whose manifest misstates it.
    const read = async (i: number) => {
      const path = join(dir, parts[i].entry.file);
      const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
        throw mergeError(`${path} cannot be read (${e.code ?? e.message}): a part's file is missing`);
      });
      if (createHash('sha256').update(bytes).digest('hex') !== parts[i].entry.sha256) throw mergeError(`${path} is not the file its part's manifest lists (sha256 differs): it changed after it was written`);
      return bytes;
    };
    const written =
      name === 'dq_faults'
        ? await appendWhole(join(out, file), 1, async () => renumberFaults(await Promise.all(parts.map((_, i) => read(i))), rowsBefore(manifests), first.format === 'csv'))
        : await appendWhole(join(out, file), parts.length, async (i) => {
            const bytes = await read(i);
            return i === 0 ? bytes : bytes.subarray(appendable.headerBytes(bytes));
          });
    tables.push({ table: name, file, rows: parts.reduce((n, p) => n + p.entry.rows, 0), ...written });
  }
  const sum = (k: keyof Manifest['conformance']) => manifests.reduce((n, m) => n + m.conformance[k], 0);
  const merged: Manifest = {
    ...first,
    partition: { partitions: 1, partition: 0 },
    notes: [...first.notes, `Merged from ${manifests.length} parts; conformance is judged per part (_manifests/part=K.conformance.json), its counts here are the parts' sums.`],
    groundTruth: groundTruth(first.scenario, sumFaultCounts(manifests.flatMap((m) => m.groundTruth.dataQuality.injected))),
    conformance: { passed: sum('passed'), total: sum('total'), notJudged: sum('notJudged') },
    tables,
  };
  await writeWhole(join(out, 'manifest.json'), manifestJSON(merged));
  await writeWhole(join(out, 'scenario.json'), `${JSON.stringify(first.scenario, null, 2)}\n`);
  if (!quiet) process.stderr.write(`merged ${manifests.length} parts: ${tables.map((t) => `${t.table} ${withCommas(t.rows)}`).join(', ')} rows into ${out}\n`);
  return 0;
}

/** Writes `count` pieces one after another under a temporary name, hashing as it goes, then renames. */
export async function appendWhole(path: string, count: number, piece: (i: number) => Promise<Uint8Array>): Promise<{ bytes: number; sha256: string }> {
  makeDir(dirname(path));
  const handle = await open(partialOf(path), 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  // A merge that stops leaves no half-written file behind.
  await removingPartial(path, async () => {
    try {
      for (let i = 0; i < count; i++) {
        const b = await piece(i);
        await handle.write(b);
        hash.update(b);
        bytes += b.length;
      }
    } finally {
      await handle.close();
    }
  });
  await settle(path);
  return { bytes, sha256: hash.digest('hex') };
}

function mergeError(message: string): ScenarioError {
  return new ScenarioError([{ code: 'E116', field: 'merge', message }]);
}

/** Every part's manifest, in part order; refuses a set with a part missing or parts of different runs. */
async function readManifests(dir: string): Promise<Manifest[]> {
  const folder = join(dir, '_manifests');
  const names = await readdir(folder).catch(() => {
    throw mergeError(`${folder} does not exist: write the parts with --layout hive --partitions N --partition K first`);
  });
  const manifests = await Promise.all(
    names
      .filter((n) => /^part=\d+\.json$/.test(n))
      .map(async (n) => {
        try {
          return JSON.parse(await readFile(join(folder, n), 'utf8')) as Manifest;
        } catch (e) {
          throw mergeError(`${join(folder, n)} is not a readable manifest: ${(e as Error).message}`);
        }
      }),
  );
  if (manifests.length === 0) throw mergeError(`${folder} holds no part=K.json manifests`);
  const partOf = (m: Manifest) => ('partition' in m.partition ? m.partition : { partition: 0, partitions: 1 });
  manifests.sort((a, b) => partOf(a).partition - partOf(b).partition);
  const n = partOf(manifests[0]).partitions;
  const text = JSON.stringify(manifests[0].scenario);
  for (let k = 0; k < n; k++) if (!manifests.some((m) => partOf(m).partition === k)) throw mergeError(`part ${k} of ${n} is missing from ${folder}`);
  for (const m of manifests) {
    if (partOf(m).partitions !== n || JSON.stringify(m.scenario) !== text || m.format !== manifests[0].format) throw mergeError(`part ${partOf(m).partition} belongs to another run (scenario, format or part count differ)`);
  }
  return manifests;
}

/** Rows of a table in the parts before part k. */
function rowsBefore(manifests: Manifest[]) {
  return (k: number, table: string) => manifests.slice(0, k).reduce((n, m) => n + (m.tables.find((t) => t.table === table)?.rows ?? 0), 0);
}

