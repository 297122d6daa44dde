import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The built page forbids third-party requests and eval; 'wasm-unsafe-eval' allows compiling the
// engine's own WebAssembly kernels (bytes shipped in the bundle, never fetched), not JS eval. Dev
// mode needs inline scripts for hot reload, so the policy is injected at build time only. (frame-ancestors cannot be set from a
// meta tag; embedding anywhere is the point.)
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// base './' so the built site works from any sub-path and inside an iframe.
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  build: { outDir: 'dist', sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
  },
});
