import { fileURLToPath } from 'node:url';
import { canTune, exitAs, HUGE_PAGES, RERUN_STEADY, runTuned, STEADY_THRESHOLD } from './malloc';

/**
 * The bundled CLI's entry (dist-cli/main.mjs): small, so that it starts in Node's ~0.1 s.
 * Where glibc takes huge pages, it runs the CLI (dist-cli/cli.mjs) as a child with them
 * (malloc.ts), and once more with a steady mmap threshold if the CLI asks (a large run);
 * elsewhere, or if the child cannot start, the CLI runs in this process.
 */
const cli = new URL('./cli.mjs', import.meta.url);
let exit = canTune(HUGE_PAGES) ? await runTuned(fileURLToPath(cli), [HUGE_PAGES]) : null;
if (exit?.code === RERUN_STEADY && canTune(STEADY_THRESHOLD)) exit = await runTuned(fileURLToPath(cli), [HUGE_PAGES, STEADY_THRESHOLD]);
if (exit) exitAs(exit);
await import(cli.href);
