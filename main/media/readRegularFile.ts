import fs from 'node:fs';

/** Thrown for a path that is not a regular file (a FIFO, device, socket or folder); the message says which. */
export class NotARegularFileError extends Error {
  override readonly name = 'NotARegularFileError';
}

/**
 * Reads a whole file a user named, refusing anything but a regular file
 * without blocking on it: the path is opened non-blocking (opening a FIFO
 * for reading would otherwise wait for a writer forever) and judged by the
 * descriptor's own fstat, so it cannot be swapped after the check. A
 * device such as /dev/zero never ends; it is refused the same way.
 *
 * @example
 * readRegularFile('song.wav', 2 ** 31); // Buffer
 * readRegularFile('/dev/zero', 2 ** 31); // throws NotARegularFileError('is a device')
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile())
      throw new NotARegularFileError(
        `is ${stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a regular file`,
      );
    if (stat.size > maxBytes) throw new NotARegularFileError(`is ${stat.size} bytes; at most ${maxBytes} are read`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
