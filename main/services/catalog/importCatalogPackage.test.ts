import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { zipBytes } from '../../../tests/helpers/writeZip';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';

const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;
let dataDir: string;

beforeEach(async () => {
  dataDir = tempDir();
  services = await StemroomServices.open(dataDir, { demoCatalogDir: null, now, zipLimits: { maxTotalBytes: 64 * 2 ** 20, maxEntries: 100, maxRatio: 200 } });
});
afterEach(() => services.close());

const importFrom = (source: string) => callContract(services, 'catalog.import', { source: { path: source } });

/** The whole library as data: every database row and every stored file (scratch space must be empty). */
function librarySnapshot() {
  return {
    db: dumpDatabase(services.library.paths.databasePath),
    store: snapshotDir(services.library.paths.storeDir),
    tmp: snapshotDir(services.library.paths.tmpDir),
  };
}

async function expectRefused(source: string, message: RegExp) {
  const before = librarySnapshot();
  await expect(importFrom(source)).rejects.toThrow(message);
  expect(librarySnapshot()).toEqual(before);
}

describe('catalog import', () => {
  it('imports a package folder: rows, stems in the content store, analysis', async () => {
    const dir = tempDir();
    writePackage(dir);
    const summary = await importFrom(dir);
    expect(summary).toMatchObject({ packageId: 'pkg-test', version: 1, status: 'imported', recordings: 1, stems: 3 });
    const recording = await callContract(services, 'catalog.recording', { id: 'r-test', territory: 'GB' });
    expect(recording.work.writers.map((w) => [w.name, w.shareBp])).toEqual([
      ['Ada Writer', 6000],
      ['Ben Lyric', 4000],
    ]);
    expect(recording.stems.map((s) => s.name)).toEqual(['Drums', 'Bass', 'Lead vocal']);
    for (const stem of recording.stems) {
      expect(services.store.has(stem.sha256)).toBe(true);
      expect(stem.durationSec).toBeCloseTo(2, 3);
      expect(stem.sampleRate).toBe(48000);
      expect(stem.loudnessLufs).toBeLessThan(-10);
    }
    expect(recording.remix.allowed).toBe(true);
    expect(recording.licences.find((l) => l.id === 'L-M1')!.summary).toMatch(/^Remix and cover allowed worldwide until 31 Dec 2027\./);
  });

  it('imports the same package from a .zip, and re-importing is a no-op', async () => {
    const dir = tempDir();
    writePackage(dir);
    const zip = path.join(tempDir(), 'package.zip');
    fs.writeFileSync(
      zip,
      zipBytes(
        ['manifest.json', 'stems/drums.wav', 'stems/bass.wav', 'stems/vox.wav'].map((name) => ({
          name: `pkg/${name}`,
          data: fs.readFileSync(path.join(dir, name)),
        })),
      ),
    );
    expect((await importFrom(zip)).status).toBe('imported');
    const before = librarySnapshot();
    expect((await importFrom(zip)).status).toBe('unchanged');
    expect((await importFrom(dir)).status).toBe('unchanged');
    expect(librarySnapshot()).toEqual(before);
  });

  it('updates licences from a newer package version and keeps their history', async () => {
    const v1 = tempDir();
    writePackage(v1);
    await importFrom(v1);
    const search = async () => (await callContract(services, 'catalog.search', { text: 'test song', territory: 'GB' })).items[0]!;
    expect((await search()).remix.allowed).toBe(true); // the search now holds this recording's licences in its cache
    const v2 = tempDir();
    writePackage(
      v2,
      (m) => {
        m.licences = m.licences!.filter((l) => l.id !== 'L-P1');
        m.licences![0]!.validUntil = '2028-12-31';
      },
      2,
    );
    const summary = await importFrom(v2);
    expect(summary.status).toBe('updated');
    expect(summary.licenceChanges).toEqual([
      { licenceId: 'L-M1', status: 'changed' },
      { licenceId: 'L-P1', status: 'revoked' },
    ]);
    const recording = await callContract(services, 'catalog.recording', { id: 'r-test', territory: 'GB' });
    expect(recording.remix).toMatchObject({ allowed: false, reasons: [expect.stringMatching(/no publishing licence/)] });
    expect((await search()).remix).toMatchObject({ allowed: false, reasons: [expect.stringMatching(/no publishing licence/)] });
    expect(recording.licenceHistory.map((h) => `${h.licenceId}@${h.packageVersion}:${h.status}`)).toEqual([
      'L-M1@1:granted',
      'L-P1@1:granted',
      'L-M1@2:changed',
      'L-P1@2:revoked',
    ]);
    await expectRefused(v1, /already has version 2 of "pkg-test", newer than 1/);
  });

  describe('refuses, naming the file and field, and leaves the library exactly as it was', () => {
    beforeEach(async () => {
      // A library that already holds something, so "unchanged" is not trivially true.
      const existing = tempDir();
      writePackage(existing, (m, stems) => {
        m.package.id = 'pkg-existing';
        m.recordings[0]!.id = 'r-existing';
        m.recordings[0]!.stems.forEach((s) => (s.id = `existing-${s.id}`));
        // Audio of its own: a package may not deliver another package's stems.
        stems.forEach((s, i) => {
          s.bytes = wavBytes(tone(300 + 50 * i, 2), 48000);
          m.recordings[0]!.stems[i]!.sha256 = sha256(s.bytes);
        });
        m.works[0]!.id = 'w-existing';
        m.recordings[0]!.work = 'w-existing';
        m.licences = [];
      });
      await importFrom(existing);
    });

    const cases: [string, (dir: string) => void, RegExp][] = [
      ['invalid JSON', (dir) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format": "stemroom-catalog/1", '), /manifest\.json: invalid JSON/],
      [
        'a schema violation',
        (dir) => writePackage(dir, (m) => ((m.recordings[0] as Record<string, unknown>).bpm = 'fast')),
        /manifest\.json: recordings\.0\.bpm: .*number/,
      ],
      [
        'an unknown format version',
        (dir) => writePackage(dir, (m) => (m.format = 'stemroom-catalog/9')),
        /manifest\.json: format: unknown format "stemroom-catalog\/9"/,
      ],
      [
        'a stem path with ..',
        (dir) => writePackage(dir, (m) => (m.recordings[0]!.stems[0]!.file = '../outside.wav')),
        /recordings\[0\]\.stems\[0\]\.file: "\.\.\/outside\.wav" escapes the archive/,
      ],
      ['an absolute stem path', (dir) => writePackage(dir, (m) => (m.recordings[0]!.stems[0]!.file = '/etc/passwd')), /"\/etc\/passwd" is an absolute path/],
      [
        'a stem that is a symlink out of the package',
        (dir) => {
          writePackage(dir);
          fs.rmSync(path.join(dir, 'stems/bass.wav'));
          fs.symlinkSync('/etc/hostname', path.join(dir, 'stems/bass.wav'));
        },
        /recordings\[0\]\.stems\[1\]\.file: "stems\/bass\.wav" is or passes through a symbolic link/,
      ],
      [
        'a stem whose SHA-256 does not match',
        (dir) => writePackage(dir, (m) => (m.recordings[0]!.stems[1]!.sha256 = 'a'.repeat(64))),
        /stems\/bass\.wav: SHA-256 is [0-9a-f]{64}, but the manifest .* says a{64}/,
      ],
      [
        'a stem that is not audio',
        (dir) =>
          writePackage(dir, (m, stems) => {
            stems[2]!.bytes = Buffer.from('Dear label, here are the stems as promised.');
            m.recordings[0]!.stems[2]!.sha256 = sha256(stems[2]!.bytes);
          }),
        /stems\/vox\.wav: is not decodable audio/,
      ],
      [
        'a stem that is empty',
        (dir) =>
          writePackage(dir, (m, stems) => {
            stems[0]!.bytes = Buffer.alloc(0);
            m.recordings[0]!.stems[0]!.sha256 = sha256(stems[0]!.bytes);
          }),
        /stems\/drums\.wav: is empty/,
      ],
      [
        'writer shares that do not sum to 10000',
        (dir) => writePackage(dir, (m) => (m.works[0]!.writers[1]!.shareBp = 3999)),
        /works\[0\]\.writers: shares sum to 9999 basis points, not 10000/,
      ],
      [
        'master shares that do not sum to 10000',
        (dir) => writePackage(dir, (m) => (m.recordings[0]!.masterOwners[0]!.shareBp = 10)),
        /recordings\[0\]\.masterOwners: shares sum to 10 basis points/,
      ],
      [
        'a licence naming an unknown party',
        (dir) => writePackage(dir, (m) => (m.licences![0]!.licensor = 'p-nobody')),
        /licences\[0\]\.licensor: unknown party "p-nobody"/,
      ],
      [
        'a credit naming an unknown party',
        (dir) => writePackage(dir, (m) => (m.recordings[0]!.credits![0]!.party = 'p-ghost')),
        /credits\[0\]\.party: unknown party "p-ghost"/,
      ],
      [
        'a stem rule naming an unknown stem',
        (dir) => writePackage(dir, (m) => (m.licences![0]!.stemRules = [{ stem: 's-nope', rule: 'not-usable' }])),
        /stemRules\[0\]\.stem: unknown stem "s-nope"/,
      ],
      [
        'a recording of an unknown work',
        (dir) => writePackage(dir, (m) => (m.recordings[0]!.work = 'w-missing')),
        /recordings\[0\]\.work: unknown work "w-missing"/,
      ],
      ['duplicate ids in the package', (dir) => writePackage(dir, (m) => (m.recordings[0]!.stems[1]!.id = 's-drums')), /duplicate id "s-drums"/],
      [
        'an id another package already owns',
        (dir) =>
          writePackage(dir, (m) => {
            m.recordings[0]!.id = 'r-existing';
            m.licences![0]!.recording = 'r-existing';
          }),
        /recordings\[0\]\.id: id "r-existing" is already used by package "pkg-existing"/,
      ],
      ['an invalid ISRC', (dir) => writePackage(dir, (m) => (m.recordings[0]!.isrc = 'NOT-AN-ISRC')), /isrc: "NOT-AN-ISRC" is not a valid ISRC/],
      ['an ISWC with a wrong check digit', (dir) => writePackage(dir, (m) => (m.works[0]!.iswc = 'T-034.524.680-9')), /is not a valid ISWC/],
      [
        'an unknown territory code',
        (dir) => writePackage(dir, (m) => (m.licences![0]!.territories.exclude = ['XK', 'QQ'])),
        /"XK" is not an ISO 3166-1 alpha-2 code/,
      ],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const dir = tempDir();
      make(dir);
      await expectRefused(dir, message);
    });

    it('a zip entry with ..', async () => {
      const zip = path.join(tempDir(), 'evil.zip');
      fs.writeFileSync(
        zip,
        zipBytes([
          { name: 'manifest.json', data: Buffer.from('{}') },
          { name: '../../escape.txt', data: Buffer.from('pwned') },
        ]),
      );
      await expectRefused(zip, /entry "\.\.\/\.\.\/escape\.txt" escapes the archive/);
      expect(fs.existsSync(path.join(dataDir, '..', 'escape.txt'))).toBe(false);
    });

    it('a zip entry with an absolute path', async () => {
      const zip = path.join(tempDir(), 'evil.zip');
      fs.writeFileSync(zip, zipBytes([{ name: '/tmp/stemroom-pwned.txt', data: Buffer.from('pwned') }]));
      await expectRefused(zip, /is an absolute path/);
    });

    it('a zip with a symbolic link', async () => {
      const zip = path.join(tempDir(), 'evil.zip');
      fs.writeFileSync(zip, zipBytes([{ name: 'stems/bass.wav', data: Buffer.from('/etc/passwd'), mode: 0o120777, store: true }]));
      await expectRefused(zip, /entry "stems\/bass\.wav" is a symbolic link/);
    });

    it('a zip bomb that declares more than the limit', async () => {
      const zip = path.join(tempDir(), 'bomb.zip');
      fs.writeFileSync(zip, zipBytes([{ name: 'manifest.json', data: Buffer.from('{}'), declaredSize: 4_000_000_000 }]));
      await expectRefused(zip, /expands to 3\.7 GiB, more than the 64\.0 MiB allowed/);
    });

    it('a zip bomb with an absurd compression ratio', async () => {
      const zip = path.join(tempDir(), 'bomb.zip');
      fs.writeFileSync(zip, zipBytes([{ name: 'stems/zeros.wav', data: new Uint8Array(48 * 2 ** 20) }]));
      await expectRefused(zip, /expands \d+× \(a zip bomb\?\)/);
    });

    it('a zip whose entry inflates to more than it declares', async () => {
      const dir = tempDir();
      writePackage(dir);
      const zip = path.join(tempDir(), 'liar.zip');
      fs.writeFileSync(zip, zipBytes([{ name: 'manifest.json', data: fs.readFileSync(path.join(dir, 'manifest.json')), declaredSize: 10 }]));
      await expectRefused(zip, /corrupt|size/i);
    });

    it('something that is neither a folder nor a zip', async () => {
      const file = path.join(tempDir(), 'notes.txt');
      fs.writeFileSync(file, 'just text');
      await expectRefused(file, /expected a folder or a \.zip/);
    });

    it('a changed package under the same version number', async () => {
      const dir = tempDir();
      writePackage(dir);
      await importFrom(dir);
      const changed = tempDir();
      writePackage(changed, (m) => (m.recordings[0]!.title = 'Test Song (2026 edit)'));
      await expectRefused(changed, /version 1 of "pkg-test" is already in the library with different contents/);
    });
  });

  it('cancelling an import leaves nothing behind', async () => {
    const dir = tempDir();
    writePackage(dir);
    const before = librarySnapshot();
    const running = callContract(services, 'catalog.import', { source: { path: dir }, taskId: 'import-cancel-1' });
    await callContract(services, 'task.cancel', { taskId: 'import-cancel-1' });
    await expect(running).rejects.toThrow(/Cancelled/);
    expect(librarySnapshot()).toEqual(before);
  });
});
