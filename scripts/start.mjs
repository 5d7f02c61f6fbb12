// `npm start`: the desktop app in Electron; where Electron's binary is not
// installed (its download is blocked on some machines) say so in one line and
// run the browser host instead, so the studio still opens.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    return createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : (console.log('Electron is not installed on this machine (its binary download is blocked), so Stemroom opens in your browser instead:'),
    spawn(process.execPath, [path.join(root, 'bin', 'stemroom.js'), 'serve', ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
