import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { zipBytes } from '../../../tests/helpers/writeZip';
import { sha256, writePackage, type sampleStems } from '../../../tests/fixtures/writePackage';
import type { CatalogPackageInput } from '../../../shared/catalog/catalogPackageSchema';

/**
 * The smaller holes of issue 12, one crafted package each: every one is
 * refused with one line naming the file and the reason, and the library
 * (database rows, content store, scratch space, the data folder's files) is
 * byte for byte what it was.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;
let dataDir: string;

beforeEach(async () => {
  dataDir = tempDir();
  services = await StemroomServices.open(dataDir, { demoCatalogDir: null, now, zipLimits: { maxTotalBytes: 64 * 2 ** 20, maxEntries: 100, maxRatio: 200 } });
});
afterEach(() => services.close());

const importFrom = (source: string) => callContract(services, 'catalog.import', { source: { path: source } });

function librarySnapshot() {
  const files = snapshotDir(dataDir);
  for (const name of Object.keys(files)) if (/^library\.sqlite/.test(name)) delete files[name];
  return { db: dumpDatabase(services.library.paths.databasePath), files };
}

async function expectRefused(source: string, reason: RegExp): Promise<string> {
  const before = librarySnapshot();
  const error = (await importFrom(source).then(
    () => null,
    (e: Error) => e,
  ))!;
  expect(error, 'the import was refused').not.toBeNull();
  expect(error.message).toMatch(reason);
  expect(error.message).not.toContain('\n');
  expect(error.message).toMatch(/Nothing was imported\.$/);
  expect(librarySnapshot()).toEqual(before);
  return error.message;
}

type Change = (manifest: CatalogPackageInput & Record<string, unknown>, stems: ReturnType<typeof sampleStems>) => void;

/** A package folder with one change; `replaceStem` swaps the first stem's bytes (and file name) and fixes its hash. */
function packageWith(change: Change = () => undefined, replaceStem?: { bytes: Buffer; file?: string }): string {
  const dir = tempDir();
  writePackage(dir, (manifest, stems) => {
    if (replaceStem) {
      const stem = manifest.recordings[0]!.stems[0]!;
      stems[0]!.bytes = replaceStem.bytes;
      stems[0]!.file = replaceStem.file ?? stems[0]!.file;
      stem.file = stems[0]!.file;
      stem.sha256 = sha256(replaceStem.bytes);
    }
    change(manifest, stems);
  });
  return dir;
}

/** The first sample stem encoded by ffmpeg (FLAC, MP3). */
function encoded(extension: 'flac' | 'mp3'): Buffer {
  const dir = tempDir();
  writePackage(dir);
  const out = path.join(dir, `drums.${extension}`);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', path.join(dir, 'stems/drums.wav'), ...(extension === 'mp3' ? ['-b:a', '192k'] : []), out]);
  return fs.readFileSync(out);
}

const cut = (bytes: Buffer, share: number) => bytes.subarray(0, Math.floor(bytes.length * share));

describe('truncated and oversized audio', () => {
  it('refuses a WAV stem cut short of its data chunk', async () => {
    const wav = cut(fs.readFileSync(path.join(packageWith(), 'stems/drums.wav')), 0.6);
    await expectRefused(
      packageWith(undefined, { bytes: wav }),
      new RegExp(`^stems/drums\\.wav: is truncated: its data chunk declares 384000 bytes of audio, the file holds ${wav.length - 44}\\.`),
    );
  });

  it('refuses a FLAC stem cut short of its STREAMINFO total', async () => {
    await expectRefused(
      packageWith(undefined, { bytes: cut(encoded('flac'), 0.6), file: 'stems/drums.flac' }),
      /^stems\/drums\.flac: is truncated: it decodes to \d\.\d\d s of the 2\.00 s its header declares\./,
    );
  });

  it('refuses an MP3 stem cut mid-frame', async () => {
    await expectRefused(
      packageWith(undefined, { bytes: cut(encoded('mp3'), 0.6), file: 'stems/drums.mp3' }),
      /^stems\/drums\.mp3: is truncated: its MPEG frame \d+ needs \d+ bytes, the file ends after \d+\./,
    );
  });

  it('refuses, before decoding, a FLAC whose header declares ten hours', async () => {
    const flac = Buffer.from(encoded('flac'));
    const total = 10 * 3600 * 48000;
    flac[8 + 13] = (flac[8 + 13]! & 0xf0) | Math.floor(total / 2 ** 32);
    flac.writeUInt32BE(total % 2 ** 32, 8 + 14);
    await expectRefused(
      packageWith(undefined, { bytes: flac, file: 'stems/drums.flac' }),
      /^stems\/drums\.flac: declares 10\.0 hours of audio; at most 30 minutes are allowed per file\./,
    );
  });

  it('refuses a WAV whose header claims 64 channels', async () => {
    const wav = Buffer.from(fs.readFileSync(path.join(packageWith(), 'stems/drums.wav')));
    wav.writeUInt16LE(64, 22);
    wav.writeUInt16LE(128, 32);
    await expectRefused(packageWith(undefined, { bytes: wav }), /^stems\/drums\.wav: has 64 channels; at most 8 are allowed\./);
  });

  it('refuses a recording whose durationMs disagrees with its stems', async () => {
    await expectRefused(
      packageWith((m) => (m.recordings[0]!.durationMs = 600_000)),
      /^manifest\.json: recordings\[0\]\.durationMs: 600000 ms, but stem "stems\/drums\.wav" lasts 2000 ms \(more than 3000 ms apart\) \(and 2 more problems\)\./,
    );
  });
});

describe('zip archives', () => {
  const zipOf = (entries: Parameters<typeof zipBytes>[0]) => {
    const file = path.join(tempDir(), 'package.zip');
    fs.writeFileSync(file, zipBytes(entries));
    return file;
  };

  it('holds entries of exactly 1 MiB to the compression-ratio limit too', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `stems/pad-${i}.wav`, data: new Uint8Array(2 ** 20) }));
    await expectRefused(
      zipOf([{ name: 'manifest.json', data: Buffer.from('{}') }, ...entries]),
      /^package\.zip: entry "stems\/pad-0\.wav" expands \d+× \(a zip bomb\?\); at most 200× is allowed \(and 39 more problems\)\./,
    );
  });

  it('refuses the same entry name twice', async () => {
    await expectRefused(
      zipOf([
        { name: 'manifest.json', data: Buffer.from('{}') },
        { name: 'manifest.json', data: Buffer.from('{"evil":1}') },
      ]),
      /^package\.zip: entry "manifest\.json" appears twice\./,
    );
  });

  it('refuses names that differ only in case (one file on macOS and Windows)', async () => {
    await expectRefused(
      zipOf([
        { name: 'stems/Drums.wav', data: Buffer.from('a') },
        { name: 'stems/drums.wav', data: Buffer.from('b') },
      ]),
      /entries "stems\/Drums\.wav" and "stems\/drums\.wav" name the same file/,
    );
  });

  it('refuses a file where another entry needs a folder', async () => {
    await expectRefused(
      zipOf([
        { name: 'stems', data: Buffer.from('a file') },
        { name: 'stems/drums.wav', data: Buffer.from('x') },
      ]),
      /^package\.zip: entry "stems" is a file, but "stems\/drums\.wav" needs a folder there\./,
    );
    await expectRefused(
      zipOf([
        { name: 'a/b/c.wav', data: Buffer.from('x') },
        { name: 'a/b', data: Buffer.from('a file') },
      ]),
      /entry "a\/b" is a file, but "a\/b\/c\.wav" needs a folder there/,
    );
  });
});

describe('special files', () => {
  const withTimeout = <T>(promise: Promise<T>) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hung (opened a FIFO?)')), 5000))]);

  it('refuses a FIFO as the package, without opening it', async () => {
    const fifo = path.join(tempDir(), 'package.zip');
    execFileSync('mkfifo', [fifo]);
    await withTimeout(expectRefused(fifo, /^package\.zip: is a FIFO \(named pipe\); expected a folder or a \.zip with manifest\.json\./));
  });

  it('refuses a device as the package', async () => {
    await expectRefused('/dev/zero', /^zero: is a device; expected a folder or a \.zip with manifest\.json\./);
  });

  it('refuses a FIFO as a stem or as the manifest of a folder package', async () => {
    const dir = packageWith();
    fs.rmSync(path.join(dir, 'stems/bass.wav'));
    execFileSync('mkfifo', [path.join(dir, 'stems/bass.wav')]);
    await withTimeout(
      expectRefused(dir, /^manifest\.json: recordings\[0\]\.stems\[1\]\.file: "stems\/bass\.wav" is a FIFO \(named pipe\), not a regular file\./),
    );
    const other = packageWith();
    fs.rmSync(path.join(other, 'manifest.json'));
    execFileSync('mkfifo', [path.join(other, 'manifest.json')]);
    await withTimeout(expectRefused(other, /^manifest\.json: is a FIFO \(named pipe\), not a regular file\./));
  });

  it('refuses a socket as a stem', async () => {
    const dir = packageWith();
    fs.rmSync(path.join(dir, 'stems/bass.wav'));
    // A Unix socket bound in a child process, so the file exists while the import runs.
    const child = spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(path.join(dir, 'stems/bass.wav'))}, () => process.exit(0))`,
    ]);
    expect(child.status).toBe(0);
    await expectRefused(dir, /"stems\/bass\.wav" is a socket, not a regular file/);
  });
});

describe('manifest text', () => {
  const withManifestBytes = (edit: (json: Buffer) => Buffer) => {
    const dir = packageWith();
    const file = path.join(dir, 'manifest.json');
    fs.writeFileSync(file, edit(fs.readFileSync(file)));
    return dir;
  };

  it('refuses invalid UTF-8 rather than replacing it', async () => {
    const dir = withManifestBytes((json) => {
      const at = json.indexOf('Test Package') + 4;
      return Buffer.concat([json.subarray(0, at), Buffer.from([0xc3, 0x28]), json.subarray(at + 2)]);
    });
    const at = fs.readFileSync(path.join(dir, 'manifest.json')).indexOf(0xc3);
    await expectRefused(dir, new RegExp(`^manifest\\.json: is not valid UTF-8 \\(byte ${at}\\)\\.`));
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const dir = withManifestBytes((json) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]));
    expect((await importFrom(dir)).status).toBe('imported');
  });

  it.each([
    [
      'an escape sequence in the package title',
      (m: CatalogPackageInput) => (m.package.title = 'Test \u001b[2J\u001b[31mPackage'),
      /package\.title: contains U\+001B \(ESC\)/,
    ],
    [
      'a right-to-left override in a party name',
      (m: CatalogPackageInput) => (m.parties[1]!.name = 'Ben \u202eciryL'),
      /parties\.1\.name: contains U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/,
    ],
    [
      'a carriage return in a recording title',
      (m: CatalogPackageInput) => (m.recordings[0]!.title = 'Test Song\rFake line'),
      /recordings\.0\.title: contains U\+000D \(CR\)/,
    ],
    [
      'a C1 control in a stem name',
      (m: CatalogPackageInput) => (m.recordings[0]!.stems[0]!.name = 'Drums\u009b31m'),
      /stems\.0\.name: contains U\+009B \(control character\)/,
    ],
  ])('refuses %s', async (_, change, reason) => {
    await expectRefused(packageWith(change), reason);
  });

  it('refuses an impossible date (Date.parse would roll 2026-02-30 over to 2 March)', async () => {
    await expectRefused(
      packageWith((m) => (m.licences![0]!.validUntil = '2026-02-30')),
      /^manifest\.json: licences\.0\.validUntil: "2026-02-30" is not a day of the calendar\./,
    );
  });

  it('refuses an IPI name number whose check digits are wrong', async () => {
    await expectRefused(
      packageWith((m) => (m.parties[0]!.ipi = '00123456789')),
      /^manifest\.json: parties\.0\.ipi: "00123456789" is not a valid IPI name number \(11 digits, the last two a mod-101 check\)\./,
    );
  });
});
