import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { importRefusal } from '../services/importRefusal';

export interface ZipLimits {
  /** Total uncompressed bytes allowed (declared and actual). */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
  /** Uncompressed/compressed ratio above which an entry counts as a bomb (for entries over 1 MiB). */
  readonly maxRatio: number;
}

export const defaultZipLimits: ZipLimits = { maxTotalBytes: 8 * 2 ** 30, maxEntries: 10_000, maxRatio: 200 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Entry names that could land outside the extraction folder, or that no sane package uses. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'escapes the archive (..)';
  if (name.includes('\0')) return 'contains a NUL byte';
  return null;
}

/**
 * Extracts a package .zip into `destination` (created, must not exist),
 * refusing — before writing anything — absolute or `..` names, symlinks,
 * too many entries and archives whose declared size is too large or whose
 * compression ratio is a bomb's; yauzl also checks that each entry inflates
 * to exactly its declared size.
 */
export async function extractZip(zipPath: string, destination: string, limits: ZipLimits = defaultZipLimits): Promise<void> {
  const label = path.basename(zipPath);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // decodeStrings: false — we decode and judge entry names ourselves, with our own messages.
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, file) =>
      error ? reject(importRefusal(label, [`not a readable zip archive (${error.message})`])) : resolve(file),
    ),
  );
  try {
    const entries = await listEntries(zip);
    const problems: string[] = [];
    const total = entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0);
    if (total > limits.maxTotalBytes) problems.push(`expands to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} allowed (a zip bomb?)`);
    if (entries.length > limits.maxEntries) problems.push(`has ${entries.length} entries; at most ${limits.maxEntries} are allowed`);
    for (const { name, entry } of entries) {
      const unsafe = unsafeEntryName(name);
      if (unsafe) problems.push(`entry "${name}" ${unsafe}`);
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) problems.push(`entry "${name}" is a symbolic link`);
      if (entry.uncompressedSize > 2 ** 20 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        problems.push(`entry "${name}" expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}× (a zip bomb?)`);
      }
    }
    if (problems.length) throw importRefusal(label, problems);

    fs.mkdirSync(destination, { recursive: false });
    for (const { name, entry } of entries) {
      const target = path.join(destination, name);
      if (name.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await new Promise<void>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(importRefusal(label, [`entry "${name}" cannot be read (${error.message})`]));
          const out = fs.createWriteStream(target, { flags: 'wx' });
          stream.on('error', (e) => reject(importRefusal(label, [`entry "${name}" is corrupt (${e.message})`])));
          out.on('error', reject);
          out.on('finish', resolve);
          stream.pipe(out);
        });
      });
    }
  } finally {
    zip.close();
  }
}

/** Entry names are UTF-8 when flagged (bit 11), else CP437 — read as Latin-1, which agrees on ASCII. */
function listEntries(zip: yauzl.ZipFile): Promise<{ name: string; entry: yauzl.Entry }[]> {
  return new Promise((resolve, reject) => {
    const entries: { name: string; entry: yauzl.Entry }[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      entries.push({ name: raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1'), entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(importRefusal('archive', [`corrupt zip (${error.message})`])));
    zip.readEntry();
  });
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
