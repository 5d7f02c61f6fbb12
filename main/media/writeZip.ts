import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { syncDirectory } from './syncDirectory';

export interface ZipEntry {
  /** A relative path with forward slashes. */
  readonly name: string;
  /** The entry's bytes, or… */
  readonly data?: Uint8Array;
  /** …a file on disk, streamed into the archive (never read whole into memory). */
  readonly path?: string;
  /** Deflate? Default: yes, except audio (already compressed or incompressible noise: stored as is). */
  readonly compress?: boolean;
}

export interface ZipOptions {
  /** Modification time of every entry (default: now). */
  readonly modified?: Date;
  /** Write ZIP64 records even when the sizes do not need them (tests of the ZIP64 path). yazl switches to ZIP64 by itself past 4 GiB or 65,535 entries. */
  readonly forceZip64?: boolean;
}

const AUDIO = /\.(wav|wave|flac|mp3|ogg|oga|opus|m4a|aac|aif|aiff|caf)$/i;

/** The yazl archive of `entries`, its output not yet consumed. */
function archive(entries: readonly ZipEntry[], options: ZipOptions): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  const mtime = options.modified ?? new Date();
  for (const entry of entries) {
    const common = { mtime, mode: 0o100644, compress: entry.compress ?? !AUDIO.test(entry.name), forceZip64Format: options.forceZip64 ?? false };
    if (entry.path !== undefined) zip.addFile(entry.path, entry.name, common);
    else zip.addBuffer(Buffer.from(entry.data ?? new Uint8Array()), entry.name, common);
  }
  zip.end({ forceZip64Format: options.forceZip64 ?? false, comment: '' });
  // yazl reports a file it cannot read on the ZipFile, not on its stream: end the stream with it so the pipeline fails.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  return zip;
}

/**
 * Writes a standard ZIP archive (UTF-8 names, ZIP64 when sizes need it)
 * with yazl, streamed straight to disk — the archive is never held in
 * memory — atomically: a temp file beside `destination`, fsync, rename,
 * fsync the folder. Audio entries are stored, everything else deflated.
 * Resolves with the archive's size in bytes.
 *
 * @example
 * await writeZip('delivery.zip', [{ name: 'mix.wav', path: '/exports/mix.wav' }, { name: 'credits.json', data: json }]);
 */
export async function writeZip(destination: string, entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<number> {
  const dir = path.dirname(destination);
  const temp = path.join(dir, `.${path.basename(destination)}.${crypto.randomBytes(4).toString('hex')}.partial`);
  const fd = fs.openSync(temp, 'wx');
  try {
    await pipeline(archive(entries, options).outputStream, fs.createWriteStream('', { fd, autoClose: false }));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, destination);
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
  return fs.statSync(destination).size;
}

/** The same archive in memory, for a download response (small archives only: it is held whole). */
export async function zipBuffer(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(archive(entries, options).outputStream, new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}
