import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { zipBytes } from '../../../tests/helpers/writeZip';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { writePackage, sha256 } from '../../../tests/fixtures/writePackage';
import { sampleDocument, testClip, testTrack } from '../../../tests/fixtures/sampleDocument';
import { extractZip } from '../../media/extractZip';

const now = () => new Date('2026-11-24T12:00:00Z');
const opened: StemroomServices[] = [];
async function library(withPackage: boolean) {
  const services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
  opened.push(services);
  if (withPackage) {
    const pkg = tempDir();
    writePackage(pkg);
    await callContract(services, 'catalog.import', { source: { path: pkg } });
  }
  return services;
}
afterEach(() => opened.splice(0).forEach((s) => s.close()));

/** A remix with one of the user's own takes on a new track. */
async function projectWithTake(services: StemroomServices) {
  const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'With a take' });
  const take = await services.userAudio.put(wavBytes(tone(330, 1.5), 48000), 'Take 1');
  await callContract(services, 'projects.edit', {
    projectId: id,
    label: 'Add take',
    commands: [
      {
        type: 'addSource',
        source: {
          id: 'src-take-1',
          type: 'recording',
          sha256: take.sha256,
          name: 'Take 1',
          bpm: 120,
          durationSec: take.durationSec,
          sampleRate: 48000,
          recordedAt: '2026-11-24T12:00:00Z',
        },
      },
      {
        type: 'addTrack',
        track: testTrack({ id: 'trk-take', name: 'Take' }),
      },
      {
        type: 'addClip',
        clip: testClip({
          id: 'clip-take',
          trackId: 'trk-take',
          sourceId: 'src-take-1',
          start: 1,
          length: 2,
          gainDb: -3,
          fadeOut: { beats: 0.5, curve: 'equal-power' },
        }),
      },
    ],
  });
  return { id, take };
}

describe('.stemroom project files', () => {
  it('round-trips a project onto a fresh library with the same catalog: same document, takes included, stems referenced', async () => {
    const source = await library(true);
    const { id, take } = await projectWithTake(source);
    const file = path.join(tempDir(), 'remix.stemroom');
    const written = await callContract(source, 'projects.exportFile', { projectId: id, path: file });
    expect(written).toMatchObject({ path: file, recordings: 1 });
    const target = await library(true);
    const imported = await callContract(target, 'projects.importFile', { source: { path: file } });
    expect(imported.missing).toEqual([]);
    const a = (await callContract(source, 'projects.open', { projectId: id })).document;
    const b = (await callContract(target, 'projects.open', { projectId: imported.project.id })).document;
    expect(b).toStrictEqual(a);
    expect(target.store.has(take.sha256)).toBe(true);
    // Catalog audio is referenced, never embedded; the take travels inside.
    const unpacked = path.join(tempDir(), 'unpacked');
    await extractZip(file, unpacked);
    const inside = JSON.parse(fs.readFileSync(path.join(unpacked, 'project.json'), 'utf8'));
    expect(inside.catalog.map((c: { stemId: string }) => c.stemId)).toEqual(['s-drums', 's-bass', 's-vox']);
    expect(fs.readdirSync(path.join(unpacked, 'audio'))).toEqual([`${take.sha256}.wav`]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['remix.stemroom']);
  });

  it('opens a project whose stems are missing, marks them and names the package that provides them', async () => {
    const source = await library(true);
    const { id } = await projectWithTake(source);
    const file = path.join(tempDir(), 'remix.stemroom');
    await callContract(source, 'projects.exportFile', { projectId: id, path: file });
    const empty = await library(false);
    const imported = await callContract(empty, 'projects.importFile', { source: { path: file } });
    expect(imported.missing.map((m) => [m.name, m.packageTitle])).toEqual([
      ['Drums', 'Test Package'],
      ['Bass', 'Test Package'],
      ['Lead vocal', 'Test Package'],
    ]);
    const opened = await callContract(empty, 'projects.open', { projectId: imported.project.id });
    expect(opened.missing.map((m) => m.sourceId)).toEqual(['src-s-drums', 'src-s-bass', 'src-s-vox']);
    expect(opened.rights['src-s-drums']).toMatchObject({ usable: false, reason: expect.stringMatching(/not in this library/) });
  });

  describe('refuses bad files, writing nothing', () => {
    let services: StemroomServices;
    beforeEach(async () => {
      services = await library(true);
      await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    });
    const snapshot = () => ({
      db: dumpDatabase(services.library.paths.databasePath),
      store: snapshotDir(services.library.paths.storeDir),
      tmp: snapshotDir(services.library.paths.tmpDir),
    });
    const goodFile = (document: unknown = sampleDocument(), extra: Record<string, unknown> = {}) =>
      JSON.stringify({ format: 'stemroom-project/1', exportedAt: 'x', appVersion: '0.1.0', document, catalog: [], audio: [], ...extra });
    async function expectRefused(entries: Parameters<typeof zipBytes>[0], message: RegExp) {
      const file = path.join(tempDir(), 'bad.stemroom');
      fs.writeFileSync(file, zipBytes(entries));
      const before = snapshot();
      await expect(callContract(services, 'projects.importFile', { source: { path: file } })).rejects.toThrow(message);
      expect(snapshot()).toEqual(before);
    }

    it('malformed JSON', () => expectRefused([{ name: 'project.json', data: Buffer.from('{"format":') }], /project\.json: invalid JSON/));
    it('an unknown file format', () =>
      expectRefused([{ name: 'project.json', data: Buffer.from(goodFile(undefined, { format: 'ableton-live/11' })) }], /unknown format "ableton-live\/11"/));
    it('a document from a newer Stemroom', () =>
      expectRefused(
        [{ name: 'project.json', data: Buffer.from(goodFile({ ...sampleDocument(), schemaVersion: 99 })) }],
        /newer Stemroom \(document schema 99; this version reads up to 3\)/,
      ));
    it('an invalid document', () =>
      expectRefused(
        [{ name: 'project.json', data: Buffer.from(goodFile({ ...sampleDocument(), bpm: -4 })) }],
        /document: the project document is invalid: bpm/,
      ));
    it('an audio entry that escapes the archive', () =>
      expectRefused(
        [{ name: 'project.json', data: Buffer.from(goodFile(undefined, { audio: [{ sha256: 'a'.repeat(64), file: '../../../etc/passwd', name: 'x' }] })) }],
        /audio\[0\]\.file: "\.\.\/\.\.\/\.\.\/etc\/passwd" escapes the archive/,
      ));
    it('an archive entry that escapes', () =>
      expectRefused([{ name: '../evil.json', data: Buffer.from('{}') }], /entry "\.\.\/evil\.json" escapes the archive \(\.\.\)/));
    it('audio whose hash does not match', () => {
      const wav = wavBytes(tone(200, 0.5), 48000);
      return expectRefused(
        [
          { name: 'project.json', data: Buffer.from(goodFile(undefined, { audio: [{ sha256: 'b'.repeat(64), file: 'audio/take.wav', name: 'Take' }] })) },
          { name: 'audio/take.wav', data: wav },
        ],
        /audio\/take\.wav: SHA-256 is [0-9a-f]{64}, but project\.json says b{64}/,
      );
    });
    it('audio that is not audio', () => {
      const junk = Buffer.from('not a wav at all');
      return expectRefused(
        [
          { name: 'project.json', data: Buffer.from(goodFile(undefined, { audio: [{ sha256: sha256(junk), file: 'audio/take.wav', name: 'Take' }] })) },
          { name: 'audio/take.wav', data: junk },
        ],
        /audio\/take\.wav: is not decodable audio/,
      );
    });
  });
});
