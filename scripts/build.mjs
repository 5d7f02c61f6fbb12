// Builds everything the app runs from: the renderer (Vite) and the main-process
// bundles (esbuild): Electron main, the sandboxed preload, and the CLI.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { ensureElectronTypes } from './ensureElectronTypes.mjs';

const started = Date.now();
await ensureElectronTypes();

// Native modules, and LAME (LGPL) kept as its own replaceable module rather than bundled into ours.
const external = ['electron', 'better-sqlite3', 'node-web-audio-api', 'wasm-media-encoders', '@echogarden/pffft-wasm'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external };

await Promise.all([
  esbuild({
    ...common,
    entryPoints: {
      electron: 'main/app/electronMain.ts',
      cli: 'main/cli/main.ts',
      playLogWorker: 'main/services/analytics/import/bytes/playLogWorker.ts',
      exportAudioWorker: 'main/services/exports/exportAudioWorker.ts',
      trackStagesWorker: 'engine/node/trackStagesWorker.ts',
      measureWorker: 'main/media/measure/channelWorker.ts',
      publishStemsWorker: 'main/services/lineage/publishStemsWorker.ts',
    },
    outdir: 'dist/main',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies still call require(); give ESM output one.
    banner: { js: "import { createRequire as __stemroomRequire } from 'node:module'; const require = __stemroomRequire(import.meta.url);" },
  }),
  esbuild({ ...common, entryPoints: { preload: 'main/preload.ts' }, outdir: 'dist/main', format: 'cjs', minify: true, outExtension: { '.js': '.cjs' } }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
]);

console.log(`stemroom: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
