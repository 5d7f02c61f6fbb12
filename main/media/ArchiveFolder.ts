import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extractZip, unsafeEntryName } from './extractZip';
import type { ZipLimits } from './ZipLimits';
import { readFileHead } from './readFileHead';
import { importRefusal } from '../services/importRefusal';
import { decodeUtf8Strictly } from './decodeUtf8Strictly';

const MAX_INDEX_BYTES = 16 * 2 ** 20;

/**
 * An archive on disk as a folder: a folder itself, or a .zip extracted
 * into the library's scratch space (removed by `dispose`) — catalog
 * packages and .stemroom project files. Every file the archive's JSON names
 * is resolved here, and only here, with the checks that keep it inside.
 */
export class ArchiveFolder {
  private constructor(
    readonly root: string,
    readonly label: string,
    private readonly scratch: string | null,
    private readonly indexFile: string,
  ) {}

  static async open(source: string, scratchDir: string, options: { indexFile: string; what: string; zipLimits?: ZipLimits }): Promise<ArchiveFolder> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source);
    } catch {
      throw importRefusal(source, ['no such file or folder']);
    }
    if (stat.isDirectory()) return new ArchiveFolder(fs.realpathSync(source), path.basename(source), null, options.indexFile);
    // Opening a FIFO blocks until someone writes to it, and a device never ends: refused before opening.
    if (!stat.isFile()) throw importRefusal(path.basename(source), [`is ${specialKind(stat)}; expected a folder or a .zip with ${options.indexFile}`]);
    if (readFileHead(source, 4).toString('latin1') !== 'PK\x03\x04')
      throw importRefusal(path.basename(source), [`not ${options.what}: expected a folder or a .zip with ${options.indexFile}`]);
    fs.mkdirSync(scratchDir, { recursive: true });
    const scratch = path.join(scratchDir, `archive-${crypto.randomBytes(6).toString('hex')}`);
    try {
      await extractZip(source, scratch, options.zipLimits);
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    // A zip may wrap everything in one top folder; the index file's folder is the root.
    const root = fs.existsSync(path.join(scratch, options.indexFile)) ? scratch : (singleChildWith(scratch, options.indexFile) ?? scratch);
    return new ArchiveFolder(fs.realpathSync(root), path.basename(source), scratch, options.indexFile);
  }

  /** The raw text of the index file (manifest.json, project.json), size-limited. */
  readIndex(): { text: string; bytes: Buffer; sha256: string } {
    const name = this.indexFile;
    const file = path.join(this.root, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      throw importRefusal(this.label, [`${name} is missing`]);
    }
    if (!stat.isFile()) throw importRefusal(name, [`is ${specialKind(stat)}, not a regular file`]);
    if (stat.size > MAX_INDEX_BYTES) throw importRefusal(name, [`is ${stat.size} bytes; at most ${MAX_INDEX_BYTES} are allowed`]);
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = decodeUtf8Strictly(bytes);
    } catch (error) {
      throw importRefusal(name, [(error as Error).message]);
    }
    return { text, bytes, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }

  /** A small file beside the index (e.g. signature.json), or null when the archive has none; refused if not a regular file or too large. */
  readOptional(name: string, maxBytes: number): Buffer | null {
    const file = path.join(this.root, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) throw importRefusal(name, ['is not a regular file']);
    if (stat.size > maxBytes) throw importRefusal(name, [`is ${stat.size} bytes; at most ${maxBytes} are allowed`]);
    return fs.readFileSync(file);
  }

  /**
   * The absolute path of a file the manifest names at `field`, refusing
   * paths that are absolute, climb out with `..`, or pass through a
   * symbolic link — checked on the real filesystem, not just the string.
   */
  resolve(relative: string, field: string): string {
    const unsafe = unsafeEntryName(relative);
    if (unsafe) throw importRefusal(this.indexFile, [`${field}: "${relative}" ${unsafe}`]);
    let current = this.root;
    for (const part of relative.split('/').filter((p) => p && p !== '.')) {
      current = path.join(current, part);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(current);
      } catch {
        throw importRefusal(this.indexFile, [`${field}: "${relative}" does not exist in the archive`]);
      }
      if (stat.isSymbolicLink()) throw importRefusal(this.indexFile, [`${field}: "${relative}" is or passes through a symbolic link`]);
    }
    const target = fs.statSync(current);
    if (!target.isFile()) throw importRefusal(this.indexFile, [`${field}: "${relative}" is ${specialKind(target)}, not a regular file`]);
    if (!current.startsWith(this.root + path.sep)) throw importRefusal(this.indexFile, [`${field}: "${relative}" escapes the archive`]);
    return current;
  }

  dispose(): void {
    if (this.scratch) fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

function singleChildWith(dir: string, indexFile: string): string | null {
  const children = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  if (children.length !== 1) return null;
  const child = path.join(dir, children[0]!.name);
  return fs.existsSync(path.join(child, indexFile)) ? child : null;
}

/** What a non-regular file is, in words. */
function specialKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'something other than a file';
}
