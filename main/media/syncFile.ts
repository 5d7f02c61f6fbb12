import fs from 'node:fs';

/**
 * fsyncs a file written by someone else (a stream, a copy), so a rename
 * that follows publishes complete bytes. Opened for writing: Windows
 * flushes only through a writable handle.
 *
 * @example
 * fs.copyFileSync(source, temp);
 * syncFile(temp);
 * fs.renameSync(temp, final);
 */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
