import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extractZip, unsafeEntryName, type ZipLimits } from './extractZip';
import { importRefusal } from './ImportRefusal';

const MAX_MANIFEST_BYTES = 16 * 2 ** 20;

/**
 * A catalog package on disk, as a folder: the folder itself, or a .zip
 * extracted into the library's scratch space (removed by `dispose`). Every
 * file the manifest names is resolved here, and only here, with the checks
 * that keep it inside the package.
 */
export class PackageFolder {
  private constructor(
    readonly root: string,
    readonly label: string,
    private readonly scratch: string | null,
  ) {}

  static async open(source: string, scratchDir: string, zipLimits?: ZipLimits): Promise<PackageFolder> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source);
    } catch {
      throw importRefusal(source, ['no such file or folder']);
    }
    if (stat.isDirectory()) return new PackageFolder(fs.realpathSync(source), path.basename(source), null);
    const head = Buffer.alloc(4);
    const fd = fs.openSync(source, 'r');
    try {
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (head.toString('latin1') !== 'PK\x03\x04') throw importRefusal(path.basename(source), ['not a package: expected a folder or a .zip with manifest.json']);
    fs.mkdirSync(scratchDir, { recursive: true });
    const scratch = path.join(scratchDir, `package-${crypto.randomBytes(6).toString('hex')}`);
    try {
      await extractZip(source, scratch, zipLimits);
    } catch (error) {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    // A zip may wrap everything in one top folder; the manifest's folder is the package root.
    const root = fs.existsSync(path.join(scratch, 'manifest.json')) ? scratch : singleChildWithManifest(scratch) ?? scratch;
    return new PackageFolder(fs.realpathSync(root), path.basename(source), scratch);
  }

  /** The raw manifest text (size-limited). */
  readManifest(): { text: string; sha256: string } {
    const file = path.join(this.root, 'manifest.json');
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      throw importRefusal(this.label, ['manifest.json is missing']);
    }
    if (!stat.isFile()) throw importRefusal('manifest.json', ['is not a regular file']);
    if (stat.size > MAX_MANIFEST_BYTES) throw importRefusal('manifest.json', [`is ${stat.size} bytes; at most ${MAX_MANIFEST_BYTES} are allowed`]);
    const bytes = fs.readFileSync(file);
    return { text: bytes.toString('utf8'), sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }

  /**
   * The absolute path of a file the manifest names at `field`, refusing
   * paths that are absolute, climb out with `..`, or pass through a
   * symbolic link — checked on the real filesystem, not just the string.
   */
  resolve(relative: string, field: string): string {
    const unsafe = unsafeEntryName(relative);
    if (unsafe) throw importRefusal('manifest.json', [`${field}: "${relative}" ${unsafe}`]);
    let current = this.root;
    for (const part of relative.split('/').filter((p) => p && p !== '.')) {
      current = path.join(current, part);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(current);
      } catch {
        throw importRefusal('manifest.json', [`${field}: "${relative}" does not exist in the package`]);
      }
      if (stat.isSymbolicLink()) throw importRefusal('manifest.json', [`${field}: "${relative}" is or passes through a symbolic link`]);
    }
    if (!fs.statSync(current).isFile()) throw importRefusal('manifest.json', [`${field}: "${relative}" is not a file`]);
    if (!current.startsWith(this.root + path.sep)) throw importRefusal('manifest.json', [`${field}: "${relative}" escapes the package`]);
    return current;
  }

  dispose(): void {
    if (this.scratch) fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

function singleChildWithManifest(dir: string): string | null {
  const children = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  if (children.length !== 1) return null;
  const child = path.join(dir, children[0]!.name);
  return fs.existsSync(path.join(child, 'manifest.json')) ? child : null;
}
