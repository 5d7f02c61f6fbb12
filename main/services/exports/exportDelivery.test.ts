import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { wavChunks } from '../../media/encode/wavFile';
import type { ExportSummary } from '../../../shared/contract/exportsContract';
import { exiftool, ffprobe, mediainfo, mutagen } from '../../../tests/helpers/metadataReaders';

let services: StemroomServices;
let projectId: string;
let out: string;
const exported: Record<string, ExportSummary> = {};

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-delivery-'));
  out = path.join(root, 'out');
  fs.mkdirSync(out);
  services = await StemroomServices.open(path.join(root, 'data'), { now: () => new Date('2026-11-24T12:00:00Z') });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' })).id;
  for (const format of ['wav', 'flac', 'mp3'] as const) {
    exported[format] = await callContract(services, 'exports.start', { projectId, path: path.join(out, `remix.${format}`), format, bitDepth: 16 });
  }
}, 180_000);
afterAll(() => {
  const root = path.dirname(out);
  services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** What ffmpeg's EBU R128 meter says about a file: integrated loudness and true peak. */
function ebur128(file: string): { lufs: number; truePeak: number } {
  const { stderr } = spawnSync('ffmpeg', ['-nostats', '-i', file, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return { lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]), truePeak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]) };
}

describe('every reader reads every format, without warnings', () => {
  it.each(['wav', 'flac', 'mp3'] as const)(
    '%s: exiftool, ffprobe, MediaInfo and mutagen find title, artist, remixer, both composers and the export id',
    (format) => {
      const file = path.join(out, `remix.${format}`);
      const id = exported[format]!.exportId;

      const exif = exiftool(file);
      expect(exif.warnings).toEqual([]);
      const group = format === 'flac' ? 'Vorbis' : 'ID3v2_4';
      expect(exif.tags[`${group}:Title`]).toEqual(['Glass Orchard (Remix)']);
      expect(exif.tags[`${group}:Artist`]).toEqual(['Mira Vale']);
      expect(exif.tags[format === 'flac' ? 'Vorbis:Remixer' : 'ID3v2_4:InterpretedBy']).toEqual(['DJ Lantern']);
      expect(exif.tags[`${group}:Composer`]).toEqual(format === 'flac' ? ['Mira Vale', 'Theo Lindqvist'] : ['Mira Vale/Theo Lindqvist']);
      expect(exif.tags[format === 'flac' ? 'Vorbis:StemroomExportId' : 'ID3v2_4:UserDefinedText']).toContain(
        format === 'flac' ? id : `(STEMROOM_EXPORT_ID) ${id}`,
      );
      if (format === 'flac') expect(exif.tags['Vorbis:Performer']).toEqual(['Mira Vale']); // who is heard — not the writers

      const probe = ffprobe(file);
      // ffmpeg reads RIFF INFO and bext of a WAV and says it skips the id3 chunk: the one line it logs, by design.
      expect(probe.warnings).toEqual(format === 'wav' ? [expect.stringMatching(/Discarding ID3 tags because more suitable tags were found/)] : []);
      expect(probe.tags.title).toBe('Glass Orchard (Remix)');
      expect(probe.tags.artist).toBe('Mira Vale');
      if (format === 'wav') {
        expect(probe.tags.imus).toBe('Mira Vale/Theo Lindqvist'); // RIFF INFO "music by"
        expect(probe.tags.comment).toContain('Remix by DJ Lantern. Written by Mira Vale, Theo Lindqvist.');
        expect(probe.tags.comment).toContain(`Stemroom export ${id}`);
        expect(probe.tags.originator_reference).toBe(id.replaceAll('-', ''));
      } else {
        expect(probe.tags.remixer ?? probe.tags.tpe4).toBe('DJ Lantern');
        expect(probe.tags.composer).toBe(format === 'flac' ? 'Mira Vale;Theo Lindqvist' : 'Mira Vale/Theo Lindqvist');
        expect(probe.tags.stemroom_export_id).toBe(id);
      }

      const info = mediainfo(file).general;
      expect(info.Title ?? info.Track).toBe('Glass Orchard (Remix)');
      expect(info.Performer).toBe('Mira Vale');
      expect(format === 'flac' ? (info.extra as Record<string, string>).REMIXER : info.RemixedBy).toBe('DJ Lantern');
      expect(String(info.Composer)).toMatch(/Mira Vale ?\/ ?Theo Lindqvist/);
      expect((info.extra as Record<string, string>).STEMROOM_EXPORT_ID).toBe(id);

      const tagged = mutagen(file);
      const [title, artist, remixer, composer, exportId] =
        format === 'flac' ? ['title', 'artist', 'remixer', 'composer', 'stemroom_export_id'] : ['TIT2', 'TPE1', 'TPE4', 'TCOM', 'TXXX:STEMROOM_EXPORT_ID'];
      expect(tagged.tags[title!]).toEqual(['Glass Orchard (Remix)']);
      expect(tagged.tags[artist!]).toEqual(['Mira Vale']);
      expect(tagged.tags[remixer!]).toEqual(['DJ Lantern']);
      expect(tagged.tags[composer!]).toEqual(format === 'flac' ? ['Mira Vale', 'Theo Lindqvist'] : ['Mira Vale/Theo Lindqvist']);
      expect(tagged.tags[exportId!]).toEqual([id]);
    },
  );

  it('MP3: exactly the exported samples come out (ffmpeg decode, ffprobe frames, mutagen), no duration estimated from the bitrate', () => {
    const file = path.join(out, 'remix.mp3');
    const samples = Math.round(exported.mp3!.durationSec * 48000);
    const decoded = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-ac', '1', '-'], { maxBuffer: 1 << 26 });
    expect(decoded.length / 2).toBe(samples);
    const frames = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a', '-show_entries', 'frame=nb_samples', '-of', 'csv=p=0', file], {
      encoding: 'utf8',
    });
    expect(
      frames
        .trim()
        .split('\n')
        .reduce((sum, n) => sum + Number(n), 0),
    ).toBe(samples);
    expect(Math.round(mutagen(file).info.length * 48000)).toBe(samples);
    const info = mediainfo(file).audio;
    expect(info.Encoded_Library).toBe('LAME3.100');
    // MediaInfo (23.04) takes the frame count from the info frame but never subtracts LAME's delay and padding (nor for
    // files LAME itself wrote): its length is every frame's 1,152 samples, i.e. the samples plus the delay and padding.
    const packets = Number(
      execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file], {
        encoding: 'utf8',
      }),
    );
    expect(Number(info.FrameCount)).toBe(packets);
    expect(Number(info.SamplingCount)).toBe(packets * 1152);
    expect(Number(info.SamplingCount) - samples).toBeGreaterThanOrEqual(576); // LAME's encoder delay at least
    expect(Number(info.SamplingCount) - samples).toBeLessThan(576 + 1152);
  });
});

describe('WAV text fields', () => {
  it('a CJK title and a non-ASCII name: bext stays ASCII within its 256 bytes, INFO says UTF-8 and every reader shows the names', async () => {
    const summary = await callContract(services, 'exports.start', {
      projectId,
      path: path.join(out, 'cjk.wav'),
      format: 'wav',
      bitDepth: 16,
      title: 'ガラスの果樹園（リミックス）— 東京ナイト',
      creator: 'Zoë Łukasz — 東京',
    });
    const file = summary.path;
    const bext = Buffer.from(wavChunks(fs.readFileSync(file)).get('bext')!);
    const description = bext.subarray(0, 256);
    expect([...description].every((byte) => byte < 0x80)).toBe(true);
    expect(description.toString('latin1').replace(/\0+$/, '')).toBe(`Stemroom export ${summary.exportId} - remix by Zoe Lukasz`);
    expect(bext.subarray(256, 288).toString('latin1').replace(/\0+$/, '')).toBe('Stemroom'); // nothing spilled into the originator
    expect(bext.subarray(288, 320).toString('latin1')).toBe(summary.exportId.replaceAll('-', ''));

    const probe = ffprobe(file);
    expect(probe.tags.title).toBe('ガラスの果樹園（リミックス）- 東京ナイト'); // INFO: the em dash spelled "-", the rest UTF-8
    expect(probe.tags.comment).toContain('Remix by Zoë Łukasz - 東京.');
    const exif = exiftool(file);
    expect(exif.tags['RIFF:Title']).toEqual(['ガラスの果樹園（リミックス）- 東京ナイト']); // decoded as UTF-8 (CSET), no "ã‚¬"
    expect(exif.tags['ID3v2_4:Title']).toEqual(['ガラスの果樹園（リミックス）— 東京ナイト']);
    // exiftool 12.57 maps code page 65001 to UTF8 in its table but does not look it up: it shows the text right and warns.
    expect(exif.warnings).toEqual(['Unsupported character set (65001)']);
    // MediaInfo reads RIFF INFO as Latin-1 whatever CSET says (its "Title"), but the id3 chunk right (its "Track").
    expect(mediainfo(file).general.Track).toBe('ガラスの果樹園（リミックス）— 東京ナイト');
    expect(mutagen(file).tags.TPE4).toEqual(['Zoë Łukasz — 東京']);
  });
});

describe('after an ffmpeg remux (-c copy)', () => {
  it('MP3 and FLAC keep the whole record and the same audio hash; a WAV keeps INFO (credits, export id) and is known by its audio', async () => {
    for (const format of ['wav', 'flac', 'mp3'] as const) {
      const remuxed = path.join(out, `remuxed.${format}`);
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(out, `remix.${format}`), '-c', 'copy', remuxed]);
      const inspection = await callContract(services, 'exports.inspect', { source: { path: remuxed } });
      expect(inspection.exportId, format).toBe(exported[format]!.exportId);
      expect(inspection.audioSha256).toBe(exported[format]!.audioSha256);
      if (format === 'wav') {
        expect(inspection).toMatchObject({ hasRecord: false, foundByAudio: { exportId: exported.wav!.exportId } });
        expect(ffprobe(remuxed).tags.comment).toContain(`Stemroom export ${exported.wav!.exportId}`);
      } else {
        expect(inspection, format).toMatchObject({ hasRecord: true, audioMatches: true, ledger: 'matches', signature: { status: 'valid' } });
      }
    }
  });
});

describe('loudness, as the file plays', () => {
  it('a target the −1 dBTP ceiling cannot allow is reported, not claimed: the record says what the MP3 measures (ffmpeg agrees) and its decoded true peak respects the ceiling', async () => {
    const summary = await callContract(services, 'exports.start', { projectId, path: path.join(out, 'loud.mp3'), format: 'mp3', normalizeLufs: -5 });
    expect(summary.loudness).toMatchObject({ normalizedTo: -5, targetReached: false, ceilingDbtp: -1 });
    expect(summary.notes).toEqual([
      expect.stringMatching(/^The loudness target -5 LUFS could not be reached under the -1 dBTP true-peak ceiling: the export measures -\d+\.\d LUFS/),
    ]);
    const measured = ebur128(summary.path);
    expect(summary.loudness.integratedLufs!).toBeCloseTo(measured.lufs, 0);
    expect(Math.abs(summary.loudness.integratedLufs! - measured.lufs)).toBeLessThan(0.2);
    expect(summary.loudness.truePeakDbtp!).toBeLessThanOrEqual(-1);
    expect(measured.truePeak).toBeLessThanOrEqual(-0.9); // ffmpeg's own true-peak meter, on its own decode
  }, 180_000);
});
