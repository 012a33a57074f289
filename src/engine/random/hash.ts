/**
 * Counter-based draws: a number in [0, 1) from a few integers, the same wherever and
 * whenever it is asked for. Data-quality faults use it so that a row's fault depends on
 * the row's key, not on its position in a partition or an increment.
 */
/** MurmurHash3's 32-bit finaliser: every input bit moves every output bit. */
export function fmix32(h: number): number {
  return mix32(h) >>> 0;
}

/**
 * fmix32's 32 bits as a signed integer, for loops whose next step is another 32-bit operation
 * (xor, Math.imul, >>>, a store into a Uint32Array), where the bits are all that count: V8 keeps
 * it in an integer register, where the unsigned result became a double (a custom column's
 * draws took a quarter longer).
 */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A 32-bit hash of the given integers (any size up to 2^53) and strings. */
export function hash32(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    if (typeof p === 'number') {
      h = fmix32(h ^ (p >>> 0));
      h = fmix32(h ^ Math.floor(p / 2 ** 32));
    } else {
      for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193);
      h = fmix32(h);
    }
  }
  return h;
}

export function hashUnit(...parts: (number | string)[]): number {
  return hash32(...parts) / 2 ** 32;
}
