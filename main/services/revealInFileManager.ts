import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Shows a file in the OS file manager when there is no Electron shell
 * (browser host, CLI): Finder on macOS, Explorer on Windows, the folder
 * with xdg-open elsewhere. Returns false when there is nothing to show.
 */
export function revealInFileManager(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', ['-R', file]]
      : process.platform === 'win32'
        ? ['explorer', [`/select,${file}`]]
        : ['xdg-open', [path.dirname(file)]];
  try {
    const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
