// Opens a URL in the user's default browser with the platform's own opener
// (xdg-open on Linux and BSDs, open on macOS, start on Windows), and says
// truthfully whether it could.
import { spawn } from 'node:child_process';

/** The command that opens a URL on `platform`. */
export function openerFor(platform = process.platform) {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (platform === 'win32') return { command: 'cmd', args: (url) => ['/c', 'start', '""', `"${url}"`] };
  return { command: 'xdg-open', args: (url) => [url] };
}

/**
 * Asks the platform's opener to open `url`. Resolves with { opened: true }
 * when it reports success, else { opened: false, reason } — never rejects.
 */
export function openInBrowser(url, { platform = process.platform, timeoutMs = 10_000 } = {}) {
  const opener = openerFor(platform);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(opener.command, opener.args(url), { stdio: 'ignore', windowsVerbatimArguments: platform === 'win32' });
    } catch (error) {
      resolve({ opened: false, reason: `${opener.command}: ${error.message}` });
      return;
    }
    const timer = setTimeout(() => resolve({ opened: true, waiting: true, opener: opener.command }), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ opened: false, reason: error.code === 'ENOENT' ? `${opener.command} is not installed` : `${opener.command}: ${error.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { opened: true, opener: opener.command } : { opened: false, reason: `${opener.command} exited with code ${code}` });
    });
    child.unref();
  });
}
