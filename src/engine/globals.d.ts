// TextEncoder is part of every JavaScript host this engine runs in (browsers, workers,
// Node ≥ 11), but lives in the DOM lib, which the engine must not load.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
