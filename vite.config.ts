import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const api = process.env.REMPART_API ?? 'http://127.0.0.1:8080';

// The SPA lives in src/web; the server serves dist/web with an SPA fallback. The CSP allows
// scripts from our origin only, so the build must not emit inline scripts (checked in the
// shell's build test and by the e2e suite).
export default defineConfig({
  root: resolve(here, 'src/web'),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
    },
  },
});
