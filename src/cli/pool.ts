import { Worker } from 'node:worker_threads';
import { assembleParts, partRequests, runParts, ScenarioError, type ExportFormatId, type Scenario, type ScenarioIssue } from '../engine';
import type { AssembledRun, PartOutput, PartRequest } from '../engine/session/parallel';

type Answer = { ok: true; out: PartOutput } | { ok: false; error: { name: string; message: string; issues?: ScenarioIssue[] } };

/**
 * The bundled CLI (dist-cli/, `npm run generate`) starts its bundled worker. Run from the
 * sources under tsx, workers do not inherit tsx's loader: each registers it first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./partWorker.mjs', import.meta.url));
  const source = new URL('./partWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, { eval: true });
}

/**
 * The CLI's pool: `size` worker threads, each running one part at a time.
 */
export function createPool(size: number) {
  const workers = Array.from({ length: size }, startWorker);
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const take = () => new Promise<Worker>((resolve) => (idle.length > 0 ? resolve(idle.pop()!) : waiting.push(resolve)));
  const give = (w: Worker) => (waiting.length > 0 ? waiting.shift()!(w) : idle.push(w));
  return {
    async run(req: PartRequest): Promise<PartOutput> {
      const w = await take();
      try {
        const answer = await new Promise<Answer>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage(req);
        });
        if (!answer.ok) throw answer.error.issues ? new ScenarioError(answer.error.issues) : new Error(answer.error.message);
        return answer.out;
      } finally {
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        give(w);
      }
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/** Runs a whole scenario in `parts` on a pool of worker threads and assembles it (engine/session/parallel.ts). */
export async function runOnPool(scenario: Scenario, parts: number, workers: number, format: ExportFormatId, quiet: boolean): Promise<AssembledRun> {
  const pool = createPool(workers);
  try {
    if (!quiet) process.stderr.write(`generating in ${parts} parts on ${workers} worker threads…\n`);
    const outputs = await runParts(partRequests(scenario, parts, format), workers, (req) => pool.run(req), (done) => {
      if (!quiet) process.stderr.write(`generating… ${done} of ${parts} parts\n`);
    });
    return assembleParts(scenario, outputs, format);
  } finally {
    await pool.close();
  }
}
