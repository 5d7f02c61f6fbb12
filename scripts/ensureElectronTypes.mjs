// Electron's npm package downloads its binary from GitHub when installed; where
// that is blocked the optional install fails and npm removes the package —
// and with it electron.d.ts. The desktop code must still type-check, so we
// fetch the same version's electron.d.ts from the npm registry (which is
// reachable wherever `npm install` worked) into node_modules/.stemroom.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const fallbackDir = path.join(root, 'node_modules', '.stemroom', 'electron-types');
const installed = path.join(root, 'node_modules', 'electron', 'electron.d.ts');

export async function ensureElectronTypes() {
  if (fs.existsSync(installed)) {
    fs.rmSync(fallbackDir, { recursive: true, force: true });
    return 'installed';
  }
  const target = path.join(fallbackDir, 'electron.d.ts');
  const spec = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
  const marker = path.join(fallbackDir, 'spec');
  if (fs.existsSync(target) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === spec) return 'cached';
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-electron-types-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = JSON.parse(
      execFileSync(npm, ['pack', `electron@${spec}`, '--json', '--loglevel=error', '--pack-destination', temp], {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      }),
    );
    execFileSync('tar', ['-xzf', path.join(temp, packed[0].filename), '-C', temp, 'package/electron.d.ts']);
    fs.mkdirSync(fallbackDir, { recursive: true });
    fs.copyFileSync(path.join(temp, 'package', 'electron.d.ts'), target);
    fs.writeFileSync(marker, spec);
    console.log(`stemroom: Electron is not installed here (its binary download failed); fetched electron@${packed[0].version} types for type-checking.`);
    return 'fetched';
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureElectronTypes();
