import seedrandom from 'seedrandom';

/**
 * The one random source of the engine. Every module and every partition draws from
 * its own stream, derived from (root seed, module id, partition), so changing one
 * module's settings never reshuffles another module's output.
 *
 * One class around one generator (xor4096): calling several different generator
 * functions from a hot loop makes V8 deoptimise.
 */
const BATCH = 512;

export class Rng {
  private readonly draw: () => number;
  private spareNormal = NaN;
  /** Uniforms drawn ahead in a tight loop: one call site into seedrandom, cheap reads after. */
  private readonly batch = new Float64Array(BATCH);
  private used = BATCH;

  constructor(seed: string) {
    this.draw = seedrandom.xor4096(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    if (this.used === BATCH) this.refill();
    return this.batch[this.used++];
  }

  private refill(): void {
    for (let i = 0; i < BATCH; i++) this.batch[i] = this.draw();
    this.used = 0;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both ends included. */
  intBetween(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Standard normal (Marsaglia polar method, keeps the spare). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Poisson count: Knuth's product method for small means, a rounded normal above 30. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }
}

/** Names the stream of one module (and one partition of it) under a root seed. */
export function streamFor(rootSeed: number, moduleId: string, partition: number | string = 0): Rng {
  return new Rng(`${rootSeed}\u241f${moduleId}\u241f${partition}`);
}
