import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/project/commandSchema';
import type { RecordingSource } from '../../../shared/project/documentSchema';
import { tempDir } from '../../../tests/helpers/tempDir';
import { callContract } from '../../cli/callContract';
import { defaultDemoCatalogDir } from '../demoCatalog';
import { StemroomServices } from '../StemroomServices';
import { openTestLibrary } from '../../../tests/fixtures/openTestLibrary';
import { testClip, testTrack, takeOnNewTrack } from '../../../tests/fixtures/sampleDocument';

/**
 * Review of issue 12 — own audio the fingerprint never looks at. Night
 * Ferry's vocal (remix licence expired, publishing forbids remixes),
 * re-encoded by ffmpeg, is a take on a remix of a permitted song.
 */
const ferryDir = path.join(defaultDemoCatalogDir()!, 'saltmarsh-night-ferry');
const ferryVocal = path.join(ferryDir, 'stems/slt-nf-vocals.ogg');
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

beforeEach(async () => {
  services = await openTestLibrary({ creatorName: 'DJ Mallory', territory: 'GB' }, now);
}, 60_000);
afterEach(() => services.close());

function tool(command: string, args: (out: string) => string[]): Buffer {
  const out = path.join(tempDir(), 'take.wav');
  execFileSync(command, args(out));
  return fs.readFileSync(out);
}

/** Night Ferry's vocal in disguise: 14 s from 0:06, 6 dB down, re-encoded by ffmpeg as a 16-bit WAV. */
const disguisedVocal = () =>
  tool('ffmpeg', (out) => ['-v', 'error', '-i', ferryVocal, '-ss', '6', '-t', '14', '-af', 'volume=-6dB', '-ar', '48000', '-c:a', 'pcm_s16le', out]);

async function remixWithTake(sha256: string): Promise<string> {
  const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
  const source: RecordingSource = {
    id: 'src-take',
    type: 'recording',
    sha256,
    name: 'My vocal take',
    bpm: 120,
    durationSec: 14,
    sampleRate: 48000,
    recordedAt: now().toISOString(),
  };
  await callContract(services, 'projects.edit', {
    projectId: id,
    commands: takeOnNewTrack(source, 4),
  });
  return id;
}

describe('own audio stored without a fingerprint', () => {
  // Stems and own audio without a fingerprint are fingerprinted from the PCM cache on first use.
  it('a take from before fingerprints (upgraded library) is matched when Night Ferry arrives', async () => {
    const disguised = disguisedVocal();
    const take = await services.userAudio.put(disguised, 'My vocal take');
    // What migration 0007 leaves for a take stored by an older Stemroom: the take, and no fingerprint of it.
    const db = new Database(services.library.paths.databasePath);
    expect(db.prepare('DELETE FROM audio_fingerprints WHERE sha256 = ?').run(take.sha256).changes).toBe(1);
    db.close();
    await callContract(services, 'catalog.import', { source: { path: ferryDir } });
    const id = await remixWithTake(take.sha256);
    const open = await callContract(services, 'projects.open', { projectId: id });
    expect(open.rights['src-take']).toMatchObject({ identifiedAs: { recordingTitle: 'Night Ferry' } });
    expect((await callContract(services, 'exports.check', { projectId: id })).allowed).toBe(false);
  });
  it('a take from before fingerprints, in a library that already had Night Ferry, is matched when the library opens', async () => {
    await callContract(services, 'catalog.import', { source: { path: ferryDir } });
    const disguised = disguisedVocal();
    const take = await services.userAudio.put(disguised, 'My vocal take');
    const dataDir = services.library.paths.dataDir;
    services.close();
    const db = new Database(services.library.paths.databasePath);
    db.prepare('DELETE FROM audio_fingerprints WHERE sha256 = ?').run(take.sha256);
    db.prepare('DELETE FROM audio_matches WHERE audio_sha256 = ?').run(take.sha256);
    db.close();
    services = await StemroomServices.open(dataDir, { demoCatalogDir: null, now });
    const id = await remixWithTake(take.sha256);
    const open = await callContract(services, 'projects.open', { projectId: id });
    expect(open.rights['src-take']).toMatchObject({ identifiedAs: { recordingTitle: 'Night Ferry' } });
  });
});

describe("excerpts shorter than the fingerprint's coverage threshold", () => {
  // KNOWN BYPASS (review 12, not fixed): a match needs ≥ 4 s of covered audio per take, so a stem cut into 2-second takes
  // and laid end to end is never recognised — 14 s of Night Ferry's vocal export as the creator's own. Drop `.fails` when fixed.
  it.fails("Night Ferry's vocal cut into seven 2 s takes, laid end to end, is still Night Ferry's vocal", async () => {
    await callContract(services, 'catalog.import', { source: { path: ferryDir } });
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    const commands: Command[] = [
      {
        type: 'addTrack',
        track: testTrack({ id: 'trk-takes', name: 'Takes' }),
      },
    ];
    for (let k = 0; k < 7; k++) {
      const piece = tool('ffmpeg', (out) => ['-v', 'error', '-i', ferryVocal, '-ss', String(6 + 2 * k), '-t', '2', '-ar', '48000', '-c:a', 'pcm_s16le', out]);
      const take = await services.userAudio.put(piece, `Take ${k + 1}`);
      const source: RecordingSource = {
        id: `src-take-${k}`,
        type: 'recording',
        sha256: take.sha256,
        name: `Take ${k + 1}`,
        bpm: 120,
        durationSec: take.durationSec,
        sampleRate: 48000,
        recordedAt: now().toISOString(),
      };
      commands.push(
        { type: 'addSource', source },
        {
          type: 'addClip',
          clip: testClip({ id: `clip-${k}`, trackId: 'trk-takes', sourceId: source.id, start: 4 * k, length: 4 }),
        },
      );
    }
    await callContract(services, 'projects.edit', { projectId: id, commands });
    expect((await callContract(services, 'exports.check', { projectId: id })).allowed).toBe(false);
  });
});

describe('documented limit: pitch-shifted copies', () => {
  // KNOWN LIMIT (docs/fingerprint.md "Known limits"), recorded here as the bypass it is: one semitone up with sox, and Night
  // Ferry's vocal exports as the creator's own take. Drop `.fails` if the fingerprint ever learns pitch.
  it.fails("Night Ferry's vocal a semitone up is still Night Ferry's vocal", async () => {
    await callContract(services, 'catalog.import', { source: { path: ferryDir } });
    const shifted = tool('sox', (out) => [ferryVocal, '-b', '16', out, 'trim', '6', '14', 'pitch', '100']);
    const take = await services.userAudio.put(shifted, 'My vocal take');
    const id = await remixWithTake(take.sha256);
    expect((await callContract(services, 'exports.check', { projectId: id })).allowed).toBe(false);
  });
});
