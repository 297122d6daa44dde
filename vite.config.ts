import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

// The example deck (public/slides-example.html) loads reveal.js from the built site: copied from
// the dev dependency at build time, so the deck needs no network and reveal.js never enters the
// app's own bundle (nor its first-load budget).
function revealAssets(): Plugin {
  const from = (p: string) =>
    fileURLToPath(new URL(`./node_modules/reveal.js/dist/${p}`, import.meta.url));
  const files = {
    'reveal.js': 'reveal.js',
    'reveal.css': 'reveal.css',
    'white.css': 'theme/white.css',
  };
  return {
    name: 'reveal-assets',
    apply: 'build',
    generateBundle() {
      for (const [name, src] of Object.entries(files))
        this.emitFile({
          type: 'asset',
          fileName: `slides/${name}`,
          source: readFileSync(from(src)),
        });
    },
  };
}

// base './' so the built site works from any sub-path and inside an iframe.
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta(), revealAssets()],
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
