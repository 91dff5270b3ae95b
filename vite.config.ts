// Vite build for the browser app, and Vitest's configuration (unit tests live beside the code in src/).
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** The built app forbids inline script and eval; dev mode needs React's inline refresh preamble. */
const contentSecurityPolicy: Plugin = {
  name: 'eventflow-csp',
  apply: 'build',
  transformIndexHtml(html) {
    const policy = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
    return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  },
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core CI machine, every file in
    // turn (180 s); two workers there run the suite in ~115 s, and a larger machine keeps the default
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
