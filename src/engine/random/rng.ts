/**
 * The one random source of the engine. Every module and every partition draws from
 * its own stream, derived from (root seed, module id, partition), so changing one
 * module's settings never reshuffles another module's output.
 *
 * The generator is Brent's xor4096 with seedrandom's string seeding and its 32-bit output,
 * written out here: the same numbers as `seedrandom.xor4096(seed)()` (rng.test.ts holds
 * them to it), in 3-4 ns a draw against 9-10 through seedrandom's closure (10M draws
 * 27-37 ms against 81-126; its batch refill was 4% of a 1M-order run's profile). One class
 * with the state in its fields: several generator functions called from a hot loop made
 * V8 deoptimise.
 */
export class Rng {
  /** xor4096's 128 words of state, its position and its Weyl counter. */
  private readonly x = new Int32Array(128);
  private i = 0;
  private w = 0;
  private spareNormal = NaN;

  constructor(seed: string) {
    const x = this.x;
    const key = `${seed}\0`;
    let v = 0;
    let w = 0;
    let zeros = 0;
    // The key's characters are mixed into v and the state one at a time (seedrandom's init).
    for (let j = -32; j < Math.max(128, key.length); j++) {
      v ^= key.charCodeAt((j + 32) % key.length);
      if (j === 0) w = v;
      v ^= v << 10;
      v ^= v >>> 15;
      v ^= v << 4;
      v ^= v >>> 13;
      if (j >= 0) {
        w = (w + 0x61c88647) | 0;
        x[j & 127] ^= v + w;
        zeros = x[j & 127] === 0 ? zeros + 1 : 0;
      }
    }
    if (zeros >= 128) x[key.length & 127] = -1;
    // 512 steps of the xorshift alone, to mix the state before the first draw.
    let i = 127;
    for (let j = 0; j < 512; j++) {
      let a = x[(i + 34) & 127];
      i = (i + 1) & 127;
      let b = x[i];
      a ^= a << 13;
      b ^= b << 17;
      a ^= a >>> 15;
      b ^= b >>> 12;
      x[i] = a ^ b;
    }
    this.i = i;
    this.w = w;
  }

  /** Uniform in [0, 1), 32 bits. */
  next(): number {
    const x = this.x;
    const w = (this.w = (this.w + 0x61c88647) | 0);
    const i = (this.i = (this.i + 1) & 127);
    let a = x[(i + 33) & 127];
    let b = x[i];
    a ^= a << 13;
    b ^= b << 17;
    a ^= a >>> 15;
    b ^= b >>> 12;
    const v = (x[i] = a ^ b);
    return ((v + (w ^ (w >>> 16))) >>> 0) / 0x100000000;
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
