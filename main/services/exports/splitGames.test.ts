import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/project/commandSchema';
import type { CatalogSource, RecordingSource } from '../../../shared/project/documentSchema';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { tempDir } from '../../../tests/helpers/tempDir';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { callContract } from '../../cli/callContract';
import { StemroomServices } from '../StemroomServices';
import { testClip, testTrack } from '../../../tests/fixtures/sampleDocument';

/**
 * Review of issue 12 — an adversarial creator who wants to be paid more, or
 * to erase a writer's share, with nothing but edit commands. The splits are
 * judged with exports.check (the figures the export writes into its record
 * and ledger entry): no render needed.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

beforeEach(async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
  await callContract(services, 'settings.update', { creatorName: 'DJ Mallory', territory: 'GB' });
  const test = tempDir();
  // "Test Song": master L-M1 leaves the creator 30 % of the master side; publishing L-P1 leaves the creator half of the publishing side.
  writePackage(test, (m) => (m.licences![1]!.revenue = { rightsHolderShareBp: 5000 }));
  await callContract(services, 'catalog.import', { source: { path: test } });
  const other = tempDir();
  // "Other Song", by other writers, with audio of its own; both licences allow remix and cover, and its publishers keep everything.
  writePackage(other, (m, stems) => {
    m.package = { id: 'pkg-other', version: 1, title: 'Other', publisher: 'Other Records' };
    m.parties = m.parties.map((p) => ({ ...p, id: `${p.id}-o`, name: `${p.name} (Other)`, isni: undefined, ipi: undefined }));
    m.works[0] = {
      ...m.works[0]!,
      id: 'w-other',
      title: 'Other Song',
      iswc: undefined,
      writers: [{ party: 'p-writer-a-o', role: 'composer', shareBp: 10000 }],
      publishers: [{ party: 'p-pub-o', shareBp: 10000 }],
    };
    m.recordings[0] = {
      ...m.recordings[0]!,
      id: 'r-other',
      work: 'w-other',
      title: 'Other Song',
      isrc: 'ZZ-OTH-26-00001',
      masterOwners: [{ party: 'p-label-o', shareBp: 10000 }],
      credits: [],
    };
    stems.forEach((s, i) => {
      s.bytes = wavBytes(tone(300 + 50 * i, 2), 48000);
      m.recordings[0]!.stems[i] = { ...m.recordings[0]!.stems[i]!, id: `${s.id}-o`, sha256: sha256(s.bytes) };
    });
    m.licences = m.licences!.map((l) => ({
      ...l,
      id: `${l.id}-o`,
      licensor: l.type === 'master' ? 'p-label-o' : 'p-pub-o',
      ...(l.type === 'master' ? { recording: 'r-other' } : { work: 'w-other' }),
      revenue: { rightsHolderShareBp: 10000 },
    }));
  });
  await callContract(services, 'catalog.import', { source: { path: other } });
});
afterEach(() => services.close());

const track = (id: string): Extract<Command, { type: 'addTrack' }> => ({
  type: 'addTrack',
  track: testTrack({ id, name: id }),
});
const clip = (id: string, trackId: string, sourceId: string, length: number): Extract<Command, { type: 'addClip' }> => ({
  type: 'addClip',
  clip: testClip({ id, trackId, sourceId, length }),
});
const creatorShare = (splits: { partyId: string; shareBp: number }[]) => splits.filter((s) => s.partyId === 'creator').reduce((a, s) => a + s.shareBp, 0);

describe('splits follow what is heard, not what is placed', () => {
  // Splits share by the seconds of clips that can be heard (shared/rights/audibleUsage.ts, INAUDIBLE_GAIN_DB); rights still judge every clip.
  it("an inaudible take (−120 dB: clip and track at −60 dB) laid under the whole remix does not raise the creator's master share", async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    const before = await callContract(services, 'exports.check', { projectId: id });
    expect(creatorShare(before.splits!.master)).toBe(3000);
    // (A take of digital silence is refused as a recording; one 120 dB down is as silent in a 16- or 24-bit export.)
    const hum = await services.userAudio.put(wavBytes(tone(50, 2), 48000), 'Hum');
    const source: RecordingSource = {
      id: 'src-hum',
      type: 'recording',
      sha256: hum.sha256,
      name: 'Hum',
      bpm: 120,
      durationSec: 2,
      sampleRate: 48000,
      recordedAt: now().toISOString(),
    };
    const quiet = clip('clip-hum', 'trk-hum', 'src-hum', 4);
    const quietTrack = track('trk-hum');
    await callContract(services, 'projects.edit', {
      projectId: id,
      commands: [
        { type: 'addSource', source },
        { ...quietTrack, track: { ...quietTrack.track, gainDb: -60 } },
        { ...quiet, clip: { ...quiet.clip, gainDb: -60 } },
      ],
    });
    const after = await callContract(services, 'exports.check', { projectId: id });
    // Before the fix: 6500 — half the "heard" seconds were the inaudible take, so the label's 70 % shrank to 35 %.
    expect(creatorShare(after.splits!.master)).toBe(3000);
    expect(after.splits!.basis).toContain('1 clip at or below -90 dB gain is placed but not heard, and takes no share.');
  });
});

describe('a cover shares its publishing side with every composition heard in it', () => {
  // A cover's publishing side shares by seconds heard: the creator's own performance is the covered work, catalog stems bring theirs.
  it('a "cover" of Test Song made of Other Song\'s stems pays Other Song\'s writers', async () => {
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'cover' });
    const recording = await callContract(services, 'catalog.recording', { id: 'r-other' });
    const commands: Command[] = [track('trk-other')];
    for (const stem of recording.stems) {
      const source: CatalogSource = {
        id: `src-${stem.id}`,
        type: 'catalog',
        stemId: stem.id,
        recordingId: recording.id,
        packageId: recording.package.id,
        sha256: stem.sha256,
        name: stem.name,
        kind: stem.kind as CatalogSource['kind'],
        bpm: recording.bpm,
        key: recording.key,
        durationSec: stem.durationSec,
        sampleRate: stem.sampleRate,
      };
      commands.push({ type: 'addSource', source }, clip(`clip-${stem.id}`, 'trk-other', source.id, 4));
    }
    await callContract(services, 'projects.edit', { projectId: id, commands });
    const check = await callContract(services, 'exports.check', { projectId: id });
    expect(check.allowed).toBe(true);
    // Other Song's composition is licensed (its publishing licence L-P1-o is checked) and credited…
    expect(check.credits.join(' ')).toMatch(/Other Song/);
    // …and its writers and publisher are paid (before the fix: Test Song's writers 50 % and the creator 50 %).
    expect(check.splits!.publishing.map((s) => s.name)).toEqual(expect.arrayContaining(['Ada Writer (Other)', 'Test Publishing (Other)']));
  });
});
