import type yauzl from 'yauzl';
import type { ZipLimits } from './extractZip';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export interface NamedEntry {
  readonly name: string;
  readonly entry: Pick<yauzl.Entry, 'uncompressedSize' | 'compressedSize' | 'externalFileAttributes'>;
}

/** Entry names that could land outside the extraction folder, or that no sane package uses. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'escapes the archive (..)';
  if (name.includes('\0')) return 'contains a NUL byte';
  return null;
}

/**
 * Everything wrong with an archive's entry list, judged before a byte is
 * written: unsafe names, symbolic links, too many entries, a declared total
 * over the limit, a compression ratio only a bomb has (for entries of any
 * size: a thousand 1 MiB entries of zeros are a bomb too), and names that
 * would land on the same file — the same name twice (also differing only in
 * case or Unicode normalisation, which collide on macOS and Windows), or a
 * file where another entry needs a folder ("a" and "a/b").
 */
export function zipEntryProblems(entries: readonly NamedEntry[], limits: ZipLimits): string[] {
  const problems: string[] = [];
  const total = entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) problems.push(`expands to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} allowed (a zip bomb?)`);
  if (entries.length > limits.maxEntries) problems.push(`has ${entries.length} entries; at most ${limits.maxEntries} are allowed`);
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const { name, entry } of entries) {
    const unsafe = unsafeEntryName(name);
    if (unsafe) problems.push(`entry "${name}" ${unsafe}`);
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) problems.push(`entry "${name}" is a symbolic link`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxRatio) problems.push(`entry "${name}" expands ${Math.round(ratio)}× (a zip bomb?); at most ${limits.maxRatio}× is allowed`);
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    const key = (n: number) => parts.slice(0, n).join('/').normalize('NFC').toLowerCase();
    for (let depth = 1; depth < parts.length; depth++) {
      const clash = files.get(key(depth));
      if (clash !== undefined) problems.push(`entry "${clash}" is a file, but "${name}" needs a folder there`);
      if (!folders.has(key(depth))) folders.set(key(depth), name);
    }
    if (parts.length === 0) continue;
    if (name.endsWith('/')) {
      const clash = files.get(key(parts.length));
      if (clash !== undefined) problems.push(`entry "${clash}" is a file, but "${name}" is a folder of the same name`);
      if (!folders.has(key(parts.length))) folders.set(key(parts.length), name);
      continue;
    }
    const twin = files.get(key(parts.length));
    if (twin !== undefined) problems.push(twin === name ? `entry "${name}" appears twice` : `entries "${twin}" and "${name}" name the same file`);
    const folder = folders.get(key(parts.length));
    if (folder !== undefined) problems.push(`entry "${name}" is a file, but "${folder}" needs a folder there`);
    files.set(key(parts.length), name);
  }
  return problems;
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
