import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Strict CSP for the built app: no inline script, no eval; workers and wasm from self.
 * Only in builds, because the dev server's React refresh needs an inline preamble.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['apache-arrow', 'comlink', 'zod', 'fflate', '@faker-js/faker', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'],
    exclude: ['parquet-wasm'],
  },
  preview: { headers: { 'Content-Security-Policy': CSP } },
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
