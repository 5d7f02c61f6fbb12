import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { importRefusal } from '../services/importRefusal';
import { formatBytes, zipEntryProblems, type NamedEntry } from './zipEntryProblems';
import { defaultZipLimits, type ZipLimits } from './ZipLimits';

export { unsafeEntryName, formatBytes } from './zipEntryProblems';

/**
 * Extracts a package .zip into `destination` (created, must not exist),
 * refusing — before writing anything — every problem zipEntryProblems
 * finds. While writing, the bytes actually inflated are counted: yauzl
 * checks each entry against its declared size, and the running total may
 * never pass the declared total, so what lands on disk is bounded by what
 * was judged, not by what the archive claims.
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
    const entries = await listEntries(zip, label);
    const problems = zipEntryProblems(entries, limits);
    if (problems.length) throw importRefusal(label, problems);

    const budget = Math.min(
      limits.maxTotalBytes,
      entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0),
    );
    let written = 0;
    fs.mkdirSync(destination, { recursive: false });
    for (const { name, entry } of entries) {
      const target = path.join(destination, name);
      if (name.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) =>
          error ? reject(importRefusal(label, [`entry "${name}" cannot be read (${error.message})`])) : resolve(opened),
        ),
      );
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          written += chunk.length;
          callback(written > budget ? importRefusal(label, [`inflates to more than the ${formatBytes(budget)} it declares (a zip bomb?)`]) : null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, fs.createWriteStream(target, { flags: 'wx' }));
      } catch (error) {
        if ((error as { code?: string }).code === 'invalid-request') throw error;
        throw importRefusal(label, [`entry "${name}" is corrupt (${(error as Error).message})`]);
      }
    }
  } finally {
    zip.close();
  }
}

/** Entry names are UTF-8 when flagged (bit 11), else CP437 — read as Latin-1, which agrees on ASCII. */
function listEntries(zip: yauzl.ZipFile, label: string): Promise<(NamedEntry & { entry: yauzl.Entry })[]> {
  return new Promise((resolve, reject) => {
    const entries: (NamedEntry & { entry: yauzl.Entry })[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      entries.push({ name: raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1'), entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(importRefusal(label, [`corrupt zip (${error.message})`])));
    zip.readEntry();
  });
}
