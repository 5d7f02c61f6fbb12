import fs from 'node:fs';

/**
 * fsyncs a folder, so the renames and new names inside it survive a power
 * cut (the files' own bytes need their own fsync: writeNewFileSynced,
 * syncFile). Windows cannot open a folder for this and needs nothing here.
 *
 * @example
 * fs.renameSync(temp, final);
 * syncDirectory(path.dirname(final));
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** syncDirectory off this thread: the renames inside `dir` are on disk when it resolves. */
export async function syncDirectoryAsync(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
