import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

interface NodeHash {
  update(bytes: Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}
type GetBuiltin = (id: 'node:crypto') => { createHash(algorithm: 'sha256'): NodeHash };

/** Node's native sha256 where the host has it (20x faster than pure JS: 0.7 against 13 ms a MB here). */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule?.('node:crypto');

/** Hex sha256, the same in Node, the browser and the worker (pure JS where the host has no synchronous crypto). */
export function sha256Hex(bytes: Uint8Array): string {
  const h = createSha256();
  h.update(bytes);
  return h.hex();
}

/** An incremental sha256: Node's native one where the host has it, pure JS elsewhere (the browser has no synchronous one). */
export function createSha256(): { update(bytes: Uint8Array): void; hex(): string } {
  if (nodeCrypto) {
    const h = nodeCrypto.createHash('sha256');
    return { update: (b) => void h.update(b), hex: () => h.digest('hex') };
  }
  const h = sha256.create();
  return { update: (b) => void h.update(b), hex: () => bytesToHex(h.digest()) };
}
