#!/usr/bin/env node
// The `stemroom` command: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/main/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('stemroom: not built yet — run `npm run build` (npm install does it) first.');
  process.exit(1);
}
await import(cli.href);
