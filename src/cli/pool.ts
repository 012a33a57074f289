import { Worker } from 'node:worker_threads';
import { assembleParts, formatOf, partRequests, runParts, ScenarioError, type ExportFormatId, type GeneratedRun, type Scenario, type ScenarioIssue } from '../engine';
import type { PartOutput, PartRequest } from '../engine/session/parallel';
import type { PartWorkerData } from './partWorker';
import type { Encoded, Producer } from './writeRun';

type Answer = { ok: true; out: PartOutput } | { ok: false; error: { name: string; message: string; issues?: ScenarioIssue[] } };

/**
 * The bundled CLI (dist-cli/, `npm run generate`) starts its bundled worker. Run from the
 * sources under tsx, workers do not inherit tsx's loader: each registers it first.
 */
export function startWorker(data: PartWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./partWorker.mjs', import.meta.url), { workerData: data });
  const source = new URL('./partWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, { eval: true, workerData: data });
}

/**
 * The CLI's pool: `size` worker threads, each running one part at a time.
 */
export function createPool(size: number, staging: string) {
  const workers = Array.from({ length: size }, () => startWorker({ staging }));
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

/**
 * Runs a whole scenario in `parts` on a pool of worker threads and assembles it
 * (engine/session/parallel.ts). Streamable tables come back as the parts' staging files
 * in `staging`, joined into the final file when it is written (writeRun's joinStaged).
 */
export async function runOnPool(scenario: Scenario, parts: number, workers: number, format: ExportFormatId, quiet: boolean, staging: string): Promise<{ run: GeneratedRun; files: Map<string, Encoded> }> {
  const pool = createPool(workers, staging);
  try {
    if (!quiet) process.stderr.write(`generating in ${parts} parts on ${workers} worker threads…\n`);
    const outputs = await runParts(partRequests(scenario, parts, format), workers, (req) => pool.run(req), (done) => {
      if (!quiet) process.stderr.write(`generating… ${done} of ${parts} parts\n`);
    });
    const { run, files } = assembleParts(scenario, outputs, format);
    const encoded = new Map<string, Encoded>([...files].map(([name, bytes]): [string, Producer] => [name, async (sink) => sink(bytes)]));
    const headerBytes = formatOf(format).appendable?.headerBytes;
    for (const { name } of run.tables) {
      const paths = outputs.flatMap((o) => (o.saved[name] ? [o.saved[name]] : []));
      if (headerBytes && paths.length === outputs.length) encoded.set(name, { staged: paths, headerBytes });
    }
    return { run, files: encoded };
  } finally {
    await pool.close();
  }
}
