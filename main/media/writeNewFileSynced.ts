import fs from 'node:fs';

/**
 * Creates `file` (it must not exist yet), writes `chunks` in order — every
 * byte, however many writes the OS needs — and fsyncs it before closing, so
 * a later rename publishes complete bytes even across a power cut. On any
 * failure the partial file is removed and the error thrown. The caller
 * renames it into place (and syncs the folder). writeNewFileSyncedAsync is
 * the same off this thread.
 *
 * @example
 * writeNewFileSynced(temp, [header, samples]);
 * fs.renameSync(temp, final);
 */
export function writeNewFileSynced(file: string, chunks: Uint8Array | Iterable<Uint8Array>, mode?: number): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    for (const chunk of chunks instanceof Uint8Array ? [chunks] : chunks) {
      for (let written = 0; written < chunk.length;) written += fs.writeSync(fd, chunk, written, chunk.length - written);
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}
