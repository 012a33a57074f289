// Bundles the CLI and its pool's worker into dist-cli/ (every package inside but
// parquet-wasm): Node starts it in ~0.3 s instead of the ~2 s tsx takes to compile the
// sources on every run, and the worker threads start as fast.
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';

const OUTPUTS = ['dist-cli/main.mjs', 'dist-cli/cli.mjs', 'dist-cli/partWorker.mjs'];

/** Newest modification time under `path` (a file or a folder), 0 when it is not there. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

/**
 * `--if-stale` (npm run generate): builds only when a source, a build script, a tsconfig or
 * the installed packages (npm's record of them) changed since the last build, by
 * modification time. esbuild's own start and the source maps took ~0.8 s of every
 * `npm run generate` here; the check, Node's start included, ~0.1 s. Files copied in with
 * their old times (an archive unpacked over the tree) are not seen: `npm run build:cli`.
 */
function stale() {
  const outputs = OUTPUTS.map(newest);
  if (outputs.includes(0)) return true;
  const built = Math.min(...outputs);
  const inputs = ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
  return inputs.some((p) => newest(p) > built);
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);
// Loaded after the check: esbuild's module alone took ~60 ms to load.
const startedAt = new Date();
const { build } = await import('esbuild');
const { zodEnglishOnly } = await import('./zodEnglishOnly.mjs');

// Every package is bundled (tree-shaken) except parquet-wasm, whose wasm file is read from
// node_modules beside its module (src/cli/parquetNode.ts). Left in node_modules, Node
// resolved and loaded each package's files on every start: Faker's index with every locale,
// Arrow's hundreds of modules. `--help` took 0.5 s with all but Faker outside, 0.33 s with
// all inside; a 1M-order CSV run 0.92× the wall time (farm-bench, 8 pairs).
const bundleAllButParquet = {
  name: 'bundle-all-but-parquet',
  setup(b) {
    b.onResolve({ filter: /^parquet-wasm/ }, (args) => ({ path: args.path, external: true }));
  },
};

const common = {
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  metafile: true,
  target: 'node20',
  plugins: [bundleAllButParquet, zodEnglishOnly],
  sourcemap: 'linked',
  logLevel: 'warning',
};
const results = await Promise.all([
  // The launcher stays one small file of its own (it only starts the CLI).
  build({ ...common, entryPoints: { main: 'src/cli/launch.ts' } }),
  // What the CLI and its pool's worker share, and what is imported on demand (Arrow and
  // Parquet's encoders: 0.46 MB of Arrow), are files of their own: a CSV run no longer
  // parses and evaluates Arrow (1M orders as CSV: 0.91× the wall time, farm-bench, 10
  // pairs). Chunks sit beside the entries, where the pool finds partWorker.mjs from its
  // own module's address.
  build({ ...common, entryPoints: { cli: 'src/cli/main.ts', partWorker: 'src/cli/partWorker.ts' }, splitting: true, chunkNames: '[name]-[hash]' }),
]);

// Chunks of earlier builds (their names carry their contents' hash) are removed.
const written = new Set(results.flatMap((r) => Object.keys(r.metafile.outputs)).map((f) => relative('dist-cli', f)));
for (const name of readdirSync('dist-cli')) {
  const file = name.endsWith('.map') ? name.slice(0, -4) : name;
  if (!written.has(file)) rmSync(join('dist-cli', name));
}

// The bundle is as new as the sources it read, not as the moment it was written: a source
// saved while esbuild ran is newer than the bundle, so the next --if-stale builds again.
for (const file of OUTPUTS) utimesSync(file, startedAt, startedAt);
