/** Electron entry (bundled to dist/main/electron.mjs). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { startDesktopApp } from './startDesktopApp';
import { dataDirFromArgv } from './dataDirFromArgv';

startDesktopApp(electron, {
  distMainDir: path.dirname(fileURLToPath(import.meta.url)),
  dataDir: dataDirFromArgv(process.argv, process.env),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
});
