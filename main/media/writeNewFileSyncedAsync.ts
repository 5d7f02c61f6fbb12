import fs from 'node:fs';

/**
 * writeNewFileSynced on libuv's threads: creates `file` (it must not exist
 * yet), writes `chunks` in order — every byte, however many writes the OS
 * needs — and fsyncs it before closing; on failure the partial file is
 * removed. For files of tens of megabytes written while this thread must
 * keep answering (an export's audio).
 *
 * @example
 * await writeNewFileSyncedAsync(temp, [tags, audio]);
 * await fs.promises.rename(temp, final);
 */
export async function writeNewFileSyncedAsync(file: string, chunks: Uint8Array | readonly Uint8Array[], mode?: number): Promise<void> {
  const handle = await fs.promises.open(file, 'wx', mode);
  try {
    for (const chunk of chunks instanceof Uint8Array ? [chunks] : chunks) {
      for (let written = 0; written < chunk.length;) written += (await handle.write(chunk, written, chunk.length - written)).bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}
