// TextEncoder, btoa and atob are part of every JavaScript host this engine runs in
// (browsers, workers, Node ≥ 16), but live in the DOM lib, which the engine must not load.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare function btoa(data: string): string;
declare function atob(data: string): string;
