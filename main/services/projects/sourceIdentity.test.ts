import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/project/commandSchema';
import type { CatalogSource, ProjectDocument, RecordingSource } from '../../../shared/project/documentSchema';
import { sampleManifest } from '../../../tests/fixtures/sampleManifest';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { tempDir } from '../../../tests/helpers/tempDir';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { zipBytes } from '../../../tests/helpers/writeZip';
import { callContract } from '../../cli/callContract';
import { StemroomServices } from '../StemroomServices';
import { testClip, testTrack, takeOnNewTrack } from '../../../tests/fixtures/sampleDocument';

/**
 * Licence laundering: a song that may not be remixed ("Night Ferry": master
 * licence expired, publishing forbids remixes) must not get out under a
 * permitted stem's name, nor as the creator's "own" take.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

function writeNightFerry(dir: string) {
  const stems = [{ id: 'nf-vox', name: 'Vocals', kind: 'vocals', file: 'stems/vox.wav', bytes: wavBytes(tone(587, 2), 48000) }];
  const manifest = sampleManifest(stems.map(({ bytes, ...s }) => ({ ...s, sha256: sha256(bytes) })));
  manifest.package = { id: 'pkg-ferry', version: 1, title: 'Night Ferry stems', publisher: 'Saltmarsh' };
  manifest.parties = manifest.parties.map((p) => ({ ...p, id: `${p.id}-nf` }));
  manifest.works = [
    {
      ...manifest.works[0]!,
      id: 'w-ferry',
      title: 'Night Ferry',
      iswc: undefined,
      writers: [{ party: 'p-writer-a-nf', role: 'composer', shareBp: 10000 }],
      publishers: [{ party: 'p-pub-nf', shareBp: 10000 }],
    },
  ];
  manifest.recordings = [
    {
      ...manifest.recordings[0]!,
      id: 'r-ferry',
      work: 'w-ferry',
      title: 'Night Ferry',
      isrc: 'ZZ-SLT-25-00203',
      masterOwners: [{ party: 'p-label-nf', shareBp: 10000 }],
      credits: [],
      stems: manifest.recordings[0]!.stems,
    },
  ];
  manifest.licences = [
    { ...manifest.licences![0]!, id: 'NF-M', licensor: 'p-label-nf', recording: 'r-ferry', validUntil: '2026-06-30' },
    { ...manifest.licences![1]!, id: 'NF-P', licensor: 'p-pub-nf', work: 'w-ferry', uses: ['cover'] },
  ];
  fs.mkdirSync(path.join(dir, 'stems'), { recursive: true });
  fs.writeFileSync(path.join(dir, stems[0]!.file), stems[0]!.bytes);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return sha256(stems[0]!.bytes);
}

let ferryVocal: string;
beforeEach(async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
  await callContract(services, 'settings.update', { creatorName: 'DJ Mallory', territory: 'GB' });
  const orchard = tempDir();
  writePackage(orchard);
  await callContract(services, 'catalog.import', { source: { path: orchard } });
  const ferry = tempDir();
  ferryVocal = writeNightFerry(ferry);
  await callContract(services, 'catalog.import', { source: { path: ferry } });
});
afterEach(() => services.close());

const librarySnapshot = () => ({ db: dumpDatabase(services.library.paths.databasePath), store: snapshotDir(services.library.paths.storeDir) });
const newRemix = async () => (await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
const documentOf = async (projectId: string) => (await callContract(services, 'projects.open', { projectId })).document;

/** (a) The drums source of the permitted song, its audio swapped for Night Ferry's vocal. */
const forgedDrums = (doc: ProjectDocument): ProjectDocument => ({
  ...doc,
  sources: doc.sources.map((s) => (s.type === 'catalog' && s.stemId === 's-drums' ? { ...s, sha256: ferryVocal } : s)),
});
/** (b) Night Ferry's vocal as the creator's "own" take, on a track of its own. */
const vocalTake = (): RecordingSource => ({
  id: 'src-my-take',
  type: 'recording',
  sha256: ferryVocal,
  name: 'My vocal take',
  bpm: 120,
  durationSec: 2,
  sampleRate: 48000,
  recordedAt: '2026-11-24T12:00:00Z',
});
function projectFile(document: ProjectDocument): string {
  const file = path.join(tempDir(), 'laundered.stemroom');
  const catalog = document.sources.flatMap((s) =>
    s.type === 'catalog' ? [{ sourceId: s.id, packageId: s.packageId, packageTitle: 'x', recordingId: s.recordingId, stemId: s.stemId, sha256: s.sha256 }] : [],
  );
  const json = { format: 'stemroom-project/1', exportedAt: now().toISOString(), appVersion: '0.1.0', document, catalog, audio: [] };
  fs.writeFileSync(file, zipBytes([{ name: 'project.json', data: Buffer.from(JSON.stringify(json)) }]));
  return file;
}

async function refusedExport(projectId: string): Promise<{ code: string; message: string }[]> {
  const out = tempDir();
  const error = await callContract(services, 'exports.start', { projectId, path: path.join(out, 'x.wav'), format: 'wav' }).then(
    () => null,
    (e: { code: string; details: { reasons: { code: string; message: string }[] } }) => e,
  );
  expect(error?.code).toBe('refused');
  expect(fs.readdirSync(out)).toEqual([]);
  return error!.details.reasons;
}

describe('(a) a catalog source whose audio is another stem', () => {
  it('is refused on project-file import, in one line, with the library unchanged', async () => {
    const file = projectFile(forgedDrums(await documentOf(await newRemix())));
    const before = librarySnapshot();
    const error = await callContract(services, 'projects.importFile', { source: { path: file } }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      'project.json: Source "Drums" claims to be the stem "Drums" of "Test Song", but its audio is the stem "Vocals" of "Night Ferry". Nothing was imported.',
    );
    expect(librarySnapshot()).toEqual(before);
  });

  it('is refused as an edit command (addSource, replaceDocument, inside a batch), nothing changed', async () => {
    const id = await newRemix();
    const doc = await documentOf(id);
    const drums = doc.sources.find((s) => s.type === 'catalog' && s.stemId === 's-drums') as CatalogSource;
    for (const commands of [
      [{ type: 'addSource', source: { ...drums, id: 'src-forged', sha256: ferryVocal } }],
      [{ type: 'replaceDocument', document: forgedDrums(doc) }],
      [
        {
          type: 'batch',
          commands: [
            { type: 'rename', name: 'x' },
            { type: 'addSource', source: { ...drums, id: 'src-forged', recordingId: 'r-ferry' } },
          ],
        },
      ],
    ] as Command[][]) {
      await expect(callContract(services, 'projects.edit', { projectId: id, commands })).rejects.toThrow(
        /^Source "Drums" claims to be the stem "Drums" of "Test Song", but .* Nothing was changed\.$/,
      );
    }
    expect(await documentOf(id)).toEqual(doc);
  });

  it('is refused by the export decision even when the forged document is already stored (written before these checks)', async () => {
    const id = await newRemix();
    const forged = forgedDrums(await documentOf(id));
    services.projects.flushAll();
    // Bypass the edit door as an older Stemroom (or a hand-edited database) would have.
    (services.projects as unknown as { sessions: Map<string, { document: ProjectDocument }> }).sessions.get(id)!.document = forged;
    const reasons = await refusedExport(id);
    expect(reasons[0]).toMatchObject({
      code: 'source-misidentified',
      message: 'Source "Drums" claims to be the stem "Drums" of "Test Song", but its audio is the stem "Vocals" of "Night Ferry".',
    });
    const rights = await callContract(services, 'projects.open', { projectId: id });
    expect(rights.rights['src-s-drums']).toMatchObject({ usable: false, reason: expect.stringMatching(/its audio is the stem "Vocals" of "Night Ferry"/) });
  });
});

describe('(b) own audio that is catalog audio is that catalog stem', () => {
  it("is licensed as Night Ferry's vocal: flagged in the studio, refused at export with Night Ferry's reasons", async () => {
    const id = await newRemix();
    await callContract(services, 'projects.edit', { projectId: id, commands: takeOnNewTrack(vocalTake(), 4) });
    const open = await callContract(services, 'projects.open', { projectId: id });
    expect(open.rights['src-my-take']).toMatchObject({
      usable: false,
      identifiedAs: { stemName: 'Vocals', recordingTitle: 'Night Ferry', method: 'same-audio' },
    });
    expect(open.rights['src-my-take']!.reason).toMatch(/^"My vocal take" is the stem "Vocals" of "Night Ferry" \(the same audio\), so its licence applies\. /);
    const reasons = await refusedExport(id);
    expect(reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['expired', 'use-not-permitted']));
    expect(reasons.map((r) => r.message).join(' ')).toMatch(/Licence NF-P does not permit remixes/);
  });

  it('is refused the same way when it arrives in a project file', async () => {
    const id = await newRemix();
    const doc = await documentOf(id);
    const take = vocalTake();
    const laundered = {
      ...doc,
      sources: [...doc.sources, take],
      tracks: [...doc.tracks, testTrack({ id: 'trk-take', name: 'Take' })],
      clips: [...doc.clips, testClip({ id: 'clip-take', trackId: 'trk-take', sourceId: take.id, length: 4 })],
    };
    const imported = await callContract(services, 'projects.importFile', { source: { path: projectFile(laundered) } });
    const reasons = await refusedExport(imported.project.id);
    expect(reasons.map((r) => r.code)).toContain('expired');
  });

  it('when the stem is licensed, the export credits and pays the original and says which own audio was that stem', async () => {
    const id = await newRemix();
    const vox = (await documentOf(id)).sources.find((s) => s.type === 'catalog' && s.stemId === 's-vox')!;
    await callContract(services, 'projects.edit', { projectId: id, commands: takeOnNewTrack({ ...vocalTake(), sha256: vox.sha256, name: 'Me singing' }, 4) });
    const out = path.join(tempDir(), 'ok.wav');
    const summary = await callContract(services, 'exports.start', { projectId: id, path: out, format: 'wav' });
    const { record } = await callContract(services, 'exports.show', { exportId: summary.exportId });
    expect(record.ownRecordings).toEqual([]);
    const stem = record.sources[0]!.stems.find((s) => s.heardAs);
    expect(stem).toMatchObject({ id: 's-vox', heardAs: { name: 'Me singing', method: 'same-audio', ownSha256: vox.sha256 } });
  });

  it('own audio the library never received is refused as an edit', async () => {
    const id = await newRemix();
    // Stored, but neither a take nor a stem: e.g. a cache blob or an export's audio.
    const stored = services.store.putBytes(wavBytes(tone(700, 1), 48000));
    await expect(
      callContract(services, 'projects.edit', { projectId: id, commands: takeOnNewTrack({ ...vocalTake(), sha256: stored.sha256 }, 4) }),
    ).rejects.toThrow(/names stored audio that is neither your own recording nor a catalog stem/);
  });
});
