import { defineConfig } from 'vite';

/** Builds the renderer (renderer/ → dist/renderer) with relative asset paths, so both hosts can serve it. */
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
