// `npm start`: the desktop app in Electron; where Electron's binary is not
// installed (its download is blocked on some machines) say so, run the
// browser host instead and open its URL in the default browser — or say
// truthfully that no browser could be opened, and which URL to open.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openInBrowser } from './openInBrowser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    return createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
}

/** The browser host, its output passed through; once it prints its URL, that URL goes to the browser. */
function serveAndOpen() {
  console.log('Electron is not installed on this machine (its binary download is blocked), so Stemroom runs in your browser instead.');
  const child = spawn(process.execPath, [path.join(root, 'bin', 'stemroom.js'), 'serve', ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
  let printed = '';
  let opening = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    printed += chunk;
    const url = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(printed)?.[0];
    if (!url || opening) return;
    opening = true;
    void openInBrowser(url).then((result) =>
      console.log(
        result.opened
          ? result.waiting
            ? `Asked ${result.opener} to open the studio in your browser (it has not answered yet; if no window appears, open the URL above).`
            : 'Opened the studio in your browser.'
          : `Could not open a browser (${result.reason}): open the URL above yourself.`,
      ),
    );
  });
  return child;
}

const binary = electronBinary();
const child = binary ? spawn(binary, [root, ...args], { stdio: 'inherit' }) : serveAndOpen();

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
