// Bundles the CLI and its pool's worker into dist-cli/ (one file each, packages but Faker left to
// node_modules): Node starts it in ~0.3 s instead of the ~2 s tsx takes to compile the
// sources on every run, and the worker threads start as fast.
import { build } from 'esbuild';

// Packages stay in node_modules, except Faker: the engine reads only its English word lists,
// and bundled (tree-shaken) those are all that loads; left outside, Node loads the package's
// index with every locale, 0.1 s of each CLI start and of each worker thread's.
const packagesExceptFaker = {
  name: 'packages-except-faker',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@faker-js/faker') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  entryPoints: { main: 'src/cli/main.ts', partWorker: 'src/cli/partWorker.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [packagesExceptFaker],
  sourcemap: 'linked',
  logLevel: 'warning',
});
