import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Anchored to this file so `vite build --config ide/vite.config.ts` works from any cwd.
const ideRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: ideRoot,
  // Relative URLs let the same build work when the page is served at `/`, at
  // `/graphql`, or behind a reverse-proxy prefix, without rebuilding.
  base: './',
  // No public/ folder: every file the page needs goes through the bundler and
  // gets a content hash, so the server can mark all of /assets/ immutable.
  publicDir: false,
  // No @vitejs/plugin-react installed: esbuild's automatic runtime is enough
  // for a production build (we do not need Fast Refresh).
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/ide',
    // outDir is outside root, so Vite only cleans it when told to; stale
    // hashed files would otherwise pile up and be served forever.
    emptyOutDir: true,
    // Source maps would double the size and are not needed on analyst machines;
    // keeping them out also guarantees no map URL points anywhere.
    sourcemap: false,
    // Monaco alone is several MB; the warning is noise for an IDE bundle.
    chunkSizeWarningLimit: 8000,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // framer-motion's "use client" markers mean nothing outside React Server
        // Components; hundreds of these lines would bury real warnings.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: {
    // monaco-graphql's worker splits code with dynamic import(), which only ES
    // module workers can do (Chrome 80+, Firefox 114+, Safari 15+).
    format: 'es',
  },
});
