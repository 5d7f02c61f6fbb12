import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingSource } from '../../../shared/project/documentSchema';
import { tempDir } from '../../../tests/helpers/tempDir';
import { callContract } from '../../cli/callContract';
import { defaultDemoCatalogDir } from '../demoCatalog';
import { StemroomServices } from '../StemroomServices';
import { singLine } from '../../../tests/fixtures/singLine';
import { wavBytes } from '../../../tests/helpers/writeWav';
import { takeOnNewTrack } from '../../../tests/fixtures/sampleDocument';

/**
 * Catalog audio in disguise: Night Ferry's vocal (its remix licence expired,
 * its publishing licence forbids remixes) re-encoded by ffmpeg at another
 * rate, 6 dB quieter and cut to an excerpt, then recorded or uploaded as
 * the creator's own take. The fingerprint must find it, at import of the
 * take or — for a take that came first — at import of the package.
 */
const ferry = path.join(defaultDemoCatalogDir()!, 'saltmarsh-night-ferry');
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;
let disguised: Buffer;
let genuine: Buffer;

/** ffmpeg decodes, cuts, resamples and re-levels into a 16-bit WAV (an independent encoder and resampler). */
function ffmpegWav(input: string, args: string[]): Buffer {
  const out = path.join(tempDir(), 'take.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-i', input, ...args, '-c:a', 'pcm_s16le', out]);
  return fs.readFileSync(out);
}

beforeAll(async () => {
  disguised = ffmpegWav(path.join(ferry, 'stems/slt-nf-vocals.ogg'), ['-ss', '6', '-t', '14', '-af', 'volume=-6dB,adelay=300', '-ar', '48000']);
  // A genuine take: a synthetic singer (vibrato, formants, breath) singing its own line.
  const voice = singLine(
    [60, 62, 64, 67, 65, 64, 62, 60, 57, 60, 64, 62].map((midi, i) => ({ start: i * 1.1, seconds: 1, midi })),
    21,
  );
  genuine = wavBytes([voice.channels[0]!, voice.channels[0]!], voice.sampleRate);
});

function takeSource(sha256: string, name: string): RecordingSource {
  return { id: `src-${name}`, type: 'recording', sha256, name, bpm: 120, durationSec: 14, sampleRate: 48000, recordedAt: now().toISOString() };
}

async function remixWithTake(sha256: string, name: string) {
  const { id } = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' });
  const source = takeSource(sha256, name);
  await callContract(services, 'projects.edit', {
    projectId: id,
    commands: takeOnNewTrack(source, 16),
  });
  return id;
}

describe('own audio that is catalog audio, found by its fingerprint', () => {
  beforeAll(async () => {
    services = await StemroomServices.open(tempDir(), { now });
    await callContract(services, 'settings.update', { creatorName: 'DJ Mallory', territory: 'GB' });
  }, 120_000);
  afterAll(() => services.close());

  it("a disguised copy of Night Ferry's vocal, recorded as a take, is Night Ferry's vocal: flagged, and the export refused", async () => {
    const take = await services.userAudio.put(disguised, 'My vocal take');
    const id = await remixWithTake(take.sha256, 'mine');
    const open = await callContract(services, 'projects.open', { projectId: id });
    expect(open.rights['src-mine']).toMatchObject({
      usable: false,
      identifiedAs: { stemId: 'slt-nf-vocals', recordingTitle: 'Night Ferry', method: 'fingerprint' },
    });
    const error = await callContract(services, 'exports.start', { projectId: id, path: path.join(tempDir(), 'x.wav'), format: 'wav' }).then(
      () => null,
      (e: { details: { reasons: { message: string }[] } }) => e,
    );
    expect(error!.details.reasons.map((r) => r.message).join(' ')).toMatch(/HLM-P-0815 does not permit remixes/);
  });

  it("a genuine take is not flagged, and exports as the creator's own recording", async () => {
    const take = await services.userAudio.put(genuine, 'Real singing');
    const id = await remixWithTake(take.sha256, 'real');
    const open = await callContract(services, 'projects.open', { projectId: id });
    expect(open.rights['src-real']).toBeUndefined();
  });
});

it('a take recorded before the package arrived is matched when the package is imported', async () => {
  const empty = await StemroomServices.open(tempDir(), { now, demoCatalogDir: null });
  try {
    const take = await empty.userAudio.put(disguised, 'Early take');
    await callContract(empty, 'catalog.import', { source: { path: ferry } });
    const lookup = (await import('../../db/sourceIdentityQueries')).sourceIdentityQueries(empty.library.db).lookup();
    expect(lookup.identify(take.sha256).map((i) => [i.stem.stemId, i.method])).toEqual([['slt-nf-vocals', 'fingerprint']]);
    expect(lookup.identify(take.sha256)[0]!.offsetSec).toBeCloseTo(6 - 0.3, 0);
  } finally {
    empty.close();
  }
}, 120_000);
