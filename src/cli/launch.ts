import { fileURLToPath } from 'node:url';
import { glibcHere, HUGE_PAGES, rerunWith, tunedWith } from './malloc';

/**
 * The bundled CLI's entry (dist-cli/main.mjs): small, so that it starts in Node's ~0.1 s.
 * Where glibc is, it runs the CLI (dist-cli/cli.mjs) as a child with huge pages for malloc
 * (malloc.ts); elsewhere, or if the child cannot start, in this process.
 */
const cli = new URL('./cli.mjs', import.meta.url);
const code = glibcHere() && !tunedWith(HUGE_PAGES) ? await rerunWith(HUGE_PAGES, fileURLToPath(cli)) : null;
if (code === null) await import(cli.href);
else process.exit(code);
