import fs from 'node:fs';

/**
 * The first `length` bytes of a file (fewer when the file is shorter): what
 * sniffing a format needs, without reading the whole file.
 *
 * @example
 * sniffAudioFormat(readFileHead(store.pathOf(sha256), 12)); // 'wav'
 */
export function readFileHead(file: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const fd = fs.openSync(file, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}
