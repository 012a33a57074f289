// Zod's `locales` export holds every language's error messages (about 260 kB minified).
// Vite's build drops it (nothing reads it); esbuild keeps it, as it keeps every `export *
// as` namespace. The scenario designer shows its own numbered errors over zod's English
// defaults and never picks a locale, so the CLI's bundle resolves zod's own import of its
// locale index to English alone: `--help` 0.90x the wall time (farm-bench, 20 pairs).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const LOCALE_INDEX = /(^|[\\/])locales[\\/]index\.js$/;
const require = createRequire(import.meta.url);
const english = join(dirname(require.resolve('zod/v4/locales/en.js')), 'en.js');

/** esbuild plugin (scripts/build-cli.mjs). */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: LOCALE_INDEX }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'locales', namespace: 'zod-english-only' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(english)};\n`,
      loader: 'js',
      resolveDir: dirname(english),
    }));
  },
};
