// Bundles the CLI and its pool's worker into dist-cli/ (one file each, every package inside
// but parquet-wasm): Node starts it in ~0.3 s instead of the ~2 s tsx takes to compile the
// sources on every run, and the worker threads start as fast.
import { build } from 'esbuild';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

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

await build({
  entryPoints: { main: 'src/cli/launch.ts', cli: 'src/cli/main.ts', partWorker: 'src/cli/partWorker.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [bundleAllButParquet, zodEnglishOnly],
  sourcemap: 'linked',
  logLevel: 'warning',
});
