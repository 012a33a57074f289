import { fileURLToPath } from 'node:url';
import { canTune, exitAs, HUGE_PAGES, KEEP_FREED, LAST_RUN, MAY_ASK, RERUN_STEADY, REUSE_THRESHOLD, runTuned, STEADY_THRESHOLD } from './malloc';

/**
 * The bundled CLI's entry (dist-cli/main.mjs): small, so that it starts in Node's ~0.1 s.
 * Where glibc takes huge pages, it runs the CLI (dist-cli/cli.mjs) as a child with them
 * and malloc's freed memory kept for reuse (malloc.ts), and once more with a steady mmap
 * threshold instead if the CLI asks (a large run);
 * elsewhere, or if the child cannot start, the CLI runs in this process.
 */
const cli = new URL('./cli.mjs', import.meta.url);
// The CLI may ask for the steady threshold only where it would get it: a user's own mmap threshold stays.
const steady = canTune(STEADY_THRESHOLD);
let exit = canTune(HUGE_PAGES) ? await runTuned(fileURLToPath(cli), [HUGE_PAGES, REUSE_THRESHOLD, KEEP_FREED], steady ? MAY_ASK : LAST_RUN) : null;
if (exit?.code === RERUN_STEADY && steady) exit = await runTuned(fileURLToPath(cli), [HUGE_PAGES, STEADY_THRESHOLD], LAST_RUN);
if (exit) exitAs(exit);
await import(cli.href);
