import { fileURLToPath } from 'node:url';
import { canTune, exitAs, HUGE_PAGES, KEEP_FREED, LAUNCHED, MAY_ASK, MAY_NOT_ASK, RERUN_STEADY, REUSE_THRESHOLD, runTuned, STEADY_THRESHOLD } from './malloc';

/**
 * The bundled CLI's entry (dist-cli/main.mjs): small, so that it starts in Node's ~0.1 s.
 * Where glibc takes huge pages, it runs the CLI (dist-cli/cli.mjs) as a child with them
 * and malloc's freed memory kept for reuse (malloc.ts), and once more with a steady mmap
 * threshold instead if the CLI asks (a large run);
 * elsewhere, or if the child cannot start, the CLI runs in this process.
 */
const cli = new URL('./cli.mjs', import.meta.url);
// The CLI may ask for the steady threshold only where it would get it: a user's own mmap threshold stays.
const steadyAllowed = canTune(STEADY_THRESHOLD);
let exit = canTune(HUGE_PAGES) ? await runTuned(fileURLToPath(cli), [HUGE_PAGES, REUSE_THRESHOLD, KEEP_FREED], steadyAllowed ? MAY_ASK : MAY_NOT_ASK) : null;
if (exit?.code === RERUN_STEADY && steadyAllowed) exit = await runTuned(fileURLToPath(cli), [HUGE_PAGES, STEADY_THRESHOLD], MAY_NOT_ASK);
if (exit) exitAs(exit);
// In this process nobody would run it again: a value inherited from elsewhere must not make it ask.
delete process.env[LAUNCHED];
await import(cli.href);
