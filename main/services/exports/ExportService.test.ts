import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { decodeFile } from '../../../tests/helpers/audioCompare';
import { residualDb } from '../../../shared/dsp/residualDb';
import { defaultDemoCatalogDir } from '../demoCatalog';
import { decodePeaks } from '../../../shared/dsp/waveformPeaks';

let services: StemroomServices;
let projectId: string;
let out: string;
const now = () => new Date('2026-11-24T12:00:00Z');

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-export-'));
  services = await StemroomServices.open(dataDir, { now });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' })).id;
  out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-exports-'));
}, 120_000);
afterAll(() => {
  const dataDir = services.library.paths.dataDir;
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

const exportAs = (file: string, extra: Record<string, unknown> = {}) =>
  callContract(services, 'exports.start', { projectId, path: path.join(out, file), format: path.extname(file).slice(1) as 'wav', ...extra });

function exiftool(file: string): Record<string, unknown> {
  return JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file], { encoding: 'utf8', maxBuffer: 1 << 26 }))[0];
}
function ffprobeTags(file: string): Record<string, string> {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format_tags', '-of', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 26 }))
    .format.tags;
}
const values = (record: Record<string, unknown>) => Object.values(record).flat().map(String);

describe('export', () => {
  it.each(['remix.wav', 'remix.flac', 'remix.mp3'])('%s: independent tools read title, artist, remixer, composer and the export id', async (file) => {
    const summary = await exportAs(file, { isrc: 'gb-xyz-26-00001' });
    const target = path.join(out, file);
    expect(fs.existsSync(target)).toBe(true);
    expect(fs.existsSync(`${target}.credits.json`)).toBe(true);

    const exif = values(exiftool(target));
    expect(exif).toContain('Glass Orchard (Remix)');
    expect(exif).toContain('Mira Vale');
    expect(exif.some((v) => v === 'DJ Lantern')).toBe(true); // ID3 TPE4 / Vorbis REMIXER
    expect(exif.some((v) => /Theo Lindqvist/.test(v) && !/Remix by/.test(v))).toBe(true); // composer
    expect(exif.some((v) => v.includes(summary.exportId))).toBe(true);

    const probe = ffprobeTags(target);
    const tags = Object.fromEntries(Object.entries(probe).map(([k, v]) => [k.toLowerCase(), v]));
    expect(tags.title).toBe('Glass Orchard (Remix)');
    expect(tags.artist).toBe('Mira Vale');
    if (file.endsWith('.wav')) {
      // ffprobe reads RIFF INFO and bext of a WAV (not its id3 chunk): remixer and composer are in the comment, the id in bext.
      expect(tags.comment).toMatch(/Remix by DJ Lantern\. Written by Mira Vale, Theo Lindqvist\./);
      expect(tags.originator_reference).toBe(summary.exportId.replaceAll('-', ''));
    } else {
      expect(tags.remixer ?? tags.tpe4).toBe('DJ Lantern');
      expect(tags.composer).toMatch(/Mira Vale/);
      expect(tags.stemroom_export_id).toBe(summary.exportId);
      expect(tags.isrc ?? tags.tsrc).toBe('GBXYZ2600001'); // the export's own ISRC: ID3 TSRC / Vorbis ISRC
    }

    const inspection = await callContract(services, 'exports.inspect', { source: { path: target } });
    expect(inspection).toMatchObject({ hasRecord: true, exportId: summary.exportId, audioMatches: true, ledger: 'matches', problems: [] });
    expect(inspection.record!.output.isrc).toBe('GBXYZ2600001');
    expect(inspection.record!.splits.master.reduce((a, s) => a + s.shareBp, 0)).toBe(10000);
    expect(inspection.record!.splits.publishing.reduce((a, s) => a + s.shareBp, 0)).toBe(10000);
  });

  it('the default arrangement nulls against an independent sox mix of the same (lossless) stem files, below −90 dBFS', async () => {
    // A package of the demo song with FLAC stems: sox and Stemroom then read identical samples,
    // so the residual measures the mix alone (sox's libvorbis decodes the demo's Ogg stems ~-96 dBFS
    // apart from ffmpeg's and ours, which agree to -138 dBFS).
    const demo = path.join(defaultDemoCatalogDir()!, 'ember-lane-glass-orchard');
    const manifest = JSON.parse(fs.readFileSync(path.join(demo, 'manifest.json'), 'utf8'));
    const lossless = tempDir();
    fs.mkdirSync(path.join(lossless, 'stems'));
    for (const stem of manifest.recordings[0].stems) {
      const target = `stems/${stem.id}.flac`;
      execFileSync('ffmpeg', ['-loglevel', 'error', '-i', path.join(demo, stem.file), '-c:a', 'flac', '-sample_fmt', 's32', path.join(lossless, target)]);
      stem.file = target;
      stem.sha256 = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(lossless, target)))
        .digest('hex');
    }
    const rename = (value: string) => value.replace(/^emb-/, 'flac-').replace(/^EMB-/, 'FLAC-').replace(/^NLS-/, 'FLACNLS-');
    manifest.package.id = 'flac-glass-orchard';
    manifest.parties.forEach((p: { id: string }) => (p.id = rename(p.id)));
    manifest.works.forEach((w: { id: string; writers: { party: string }[]; publishers: { party: string }[] }) => {
      w.id = rename(w.id);
      [...w.writers, ...w.publishers].forEach((x) => (x.party = rename(x.party)));
    });
    for (const r of manifest.recordings) {
      r.id = rename(r.id);
      r.work = rename(r.work);
      [...r.masterOwners, ...r.credits].forEach((x: { party: string }) => (x.party = rename(x.party)));
      r.stems.forEach((st: { id: string }) => (st.id = rename(st.id)));
    }
    for (const l of manifest.licences) {
      l.id = rename(l.id);
      l.licensor = rename(l.licensor);
      if (l.recording) l.recording = rename(l.recording);
      if (l.work) l.work = rename(l.work);
    }
    fs.writeFileSync(path.join(lossless, 'manifest.json'), JSON.stringify(manifest));
    // A library of its own: where the demo song is, a package re-delivering its audio is refused (fingerprints).
    const own = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
    let summary;
    try {
      await callContract(own, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
      await callContract(own, 'catalog.import', { source: { path: lossless } });
      const project = await callContract(own, 'projects.create', { recordingId: 'flac-r-glass-orchard', kind: 'remix' });
      summary = await callContract(own, 'exports.start', { projectId: project.id, path: path.join(out, 'null-test.wav'), format: 'wav', bitDepth: 24 });
    } finally {
      own.close();
    }

    const stems = manifest.recordings[0].stems.map((st: { file: string }) => path.join(lossless, st.file));
    const soxMix = path.join(out, 'sox-mix.wav');
    execFileSync('sox', ['-m', ...stems.flatMap((st: string) => ['-v', '1', st]), '-b', '32', '-e', 'floating-point', soxMix]);
    const ours = await decodeFile(summary.path);
    const theirs = await decodeFile(soxMix);
    expect(Math.abs(ours[0]!.length - theirs[0]!.length)).toBeLessThan(10);
    expect(residualDb(ours, theirs, { over: 'shorter' })).toBeLessThan(-90);
  });

  it('with the demo Ogg stems, nulls against an independent ffmpeg mix below −90 dBFS', async () => {
    const summary = await exportAs('null-ogg.wav', { bitDepth: 24 });
    const stemsDir = path.join(defaultDemoCatalogDir()!, 'ember-lane-glass-orchard', 'stems');
    const stems = fs.readdirSync(stemsDir).map((f) => path.join(stemsDir, f));
    const ffmpegMix = path.join(out, 'ffmpeg-mix.wav');
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      ...stems.flatMap((st) => ['-i', st]),
      '-filter_complex',
      `amix=inputs=${stems.length}:normalize=0:duration=longest`,
      '-c:a',
      'pcm_f32le',
      ffmpegMix,
    ]);
    expect(residualDb(await decodeFile(summary.path), await decodeFile(ffmpegMix), { over: 'shorter' })).toBeLessThan(-90);
  });

  it('two exports of the same revision have identical audio hashes', async () => {
    for (const format of ['wav', 'flac', 'mp3'] as const) {
      const a = await exportAs(`same-a.${format}`, { bitDepth: 16 });
      const b = await exportAs(`same-b.${format}`, { bitDepth: 16 });
      expect(b.audioSha256, format).toBe(a.audioSha256);
      expect(b.exportId).not.toBe(a.exportId);
    }
  }, 120_000);

  it('normalizes to a loudness target with the true peak under −1 dBTP', async () => {
    const summary = await exportAs('loud.wav', { normalizeLufs: -14, bitDepth: 16 });
    expect(summary.loudness).toMatchObject({ normalizedTo: -14, targetReached: true, ceilingDbtp: -1 });
    expect(summary.notes).toEqual([]);
    // ffmpeg's EBU R128 meter on the file agrees with what the record says.
    const ebur128 = spawnSync('ffmpeg', ['-nostats', '-i', summary.path, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-'], {
      encoding: 'utf8',
    }).stderr;
    const measured = Number(/I:\s+(-?[\d.]+) LUFS/.exec(ebur128.slice(ebur128.lastIndexOf('Summary:')))![1]);
    expect(Math.abs(measured - summary.loudness.integratedLufs!)).toBeLessThan(0.15);
    // The final mix's waveform is kept and served like a stem's, for the analytics view.
    const served = await services.media.serve(`/peaks/${summary.audioSha256}`);
    const peaks = decodePeaks((served as { bytes: Uint8Array }).bytes);
    expect(((peaks.minMax.length / 2) * peaks.samplesPerBucket) / peaks.sampleRate).toBeCloseTo(summary.durationSec, 1);
    expect(Math.max(...peaks.minMax) / 32767).toBeGreaterThan(0.5);
    expect(Math.abs(summary.loudness.integratedLufs! + 14)).toBeLessThan(0.1);
    expect(summary.loudness.truePeakDbtp!).toBeLessThanOrEqual(-1.0);
  });

  it('finds the record in a renamed copy, and tells when the audio was altered', async () => {
    const summary = await exportAs('original.wav');
    const copy = path.join(tempDir(), 'renamed copy.wav');
    fs.copyFileSync(summary.path, copy);
    expect(await callContract(services, 'exports.inspect', { source: { path: copy } })).toMatchObject({
      exportId: summary.exportId,
      audioMatches: true,
      ledger: 'matches',
    });
    const bytes = fs.readFileSync(copy);
    const data = bytes.indexOf(Buffer.from('data', 'latin1'));
    bytes[data + 100] = bytes[data + 100]! ^ 0xff;
    fs.writeFileSync(copy, bytes);
    const altered = await callContract(services, 'exports.inspect', { source: { path: copy } });
    expect(altered.audioMatches).toBe(false);
    expect(altered.problems.join(' ')).toMatch(/audio differs/);
  });

  it('lists exports with their verification state', async () => {
    const list = await callContract(services, 'exports.list', { projectId });
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.every((e) => e.fileState === 'ok')).toBe(true);
    const first = list.at(-1)!;
    fs.rmSync(first.path);
    expect((await callContract(services, 'exports.list', { projectId })).at(-1)!.fileState).toBe('missing');
    expect((await callContract(services, 'ledger.verify', {})).ok).toBe(true);
  });
});
