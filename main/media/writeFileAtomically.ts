import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './syncDirectory';
import { writeNewFileSynced } from './writeNewFileSynced';

/**
 * Writes a file so that the final name only ever holds the complete file:
 * temp file beside it, fsync, rename, fsync the folder. A crash leaves at
 * worst a stray temp file, never a partial file under the final name.
 */
export function writeFileAtomically(destination: string, data: Uint8Array): void {
  const dir = path.dirname(destination);
  const temp = path.join(dir, `.${path.basename(destination)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  writeNewFileSynced(temp, data);
  try {
    fs.renameSync(temp, destination);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}
