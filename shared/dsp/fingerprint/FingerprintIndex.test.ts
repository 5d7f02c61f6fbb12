import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPackages } from '../../../scripts/demo-catalog/catalogs';
import { singLine } from '../../../tests/fixtures/singLine';
import { computeFingerprint } from './Fingerprint';
import { decodeFingerprint, encodeFingerprint } from './fingerprintCodec';
import { FingerprintIndex } from './FingerprintIndex';

/**
 * The fingerprint on the demo catalog's real stems (FluidSynth, one
 * soundfont), transformed by real tools (ffmpeg's MP3 encoder and soxr
 * resampler) and decoded by ffmpeg — an independent decoder.
 */
interface Audio {
  channels: Float32Array[];
  sampleRate: number;
}
const DEMO = path.resolve(__dirname, '../../../resources/demo-catalog');
const stemFile = (id: string) => {
  const pkg = fs.readdirSync(DEMO).find((p) => fs.existsSync(path.join(DEMO, p, 'stems', `${id}.ogg`)))!;
  return path.join(DEMO, pkg, 'stems', `${id}.ogg`);
};
function decode(file: string, args: string[] = []): Audio {
  const rate = Number(
    /(\d+) Hz/.exec(
      execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate', '-of', 'default=nw=1:nk=1', file], { encoding: 'utf8' }).trim() + ' Hz',
    )![1],
  );
  const ar = args.indexOf('-ar');
  const sampleRate = ar >= 0 ? Number(args[ar + 1]) : rate;
  const input = args[0] === '-ss' ? args.splice(0, 4) : [];
  const bytes = execFileSync('ffmpeg', ['-v', 'error', ...input, '-i', file, ...args, '-f', 'f32le', '-ac', '2', '-ar', String(sampleRate), '-'], {
    maxBuffer: 2 ** 30,
  });
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const channels = [new Float32Array(all.length / 2), new Float32Array(all.length / 2)];
  for (let i = 0; i < all.length / 2; i++) {
    channels[0]![i] = all[2 * i]!;
    channels[1]![i] = all[2 * i + 1]!;
  }
  return { channels, sampleRate };
}
const cut = (a: Audio, start: number, seconds: number): Audio => ({
  sampleRate: a.sampleRate,
  channels: a.channels.map((c) => c.slice(Math.round(start * a.sampleRate), Math.round((start + seconds) * a.sampleRate))),
});
const fp = (a: Audio) => computeFingerprint(a.channels, a.sampleRate);
const rms = (a: Audio) => Math.sqrt(a.channels[0]!.reduce((s, v) => s + v * v, 0) / a.channels[0]!.length);

const INDEXED = [
  'emb-go-bass',
  'emb-go-drums',
  'emb-go-guitar',
  'emb-go-keys',
  'emb-go-vocals',
  'slt-nf-bass',
  'slt-nf-drums',
  'slt-nf-organ',
  'slt-nf-strings',
  'slt-nf-vocals',
];
const audio = new Map<string, Audio>();
const index = new FingerprintIndex();
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-fp-'));
  for (const id of INDEXED) {
    audio.set(id, decode(stemFile(id)));
    // Through the stored form, as the library keeps it.
    index.add(id, decodeFingerprint(encodeFingerprint(fp(audio.get(id)!))));
  }
  return () => fs.rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('FingerprintIndex on the demo catalog', () => {
  it('finds a stem re-encoded as MP3 128 kbps, 10 s from 25 s, at that offset, and nothing else', () => {
    const mp3 = path.join(tmp, 'vocal.mp3');
    execFileSync('ffmpeg', ['-v', 'error', '-i', stemFile('slt-nf-vocals'), '-c:a', 'libmp3lame', '-b:a', '128k', mp3]);
    const matches = index.match(fp(cut(decode(mp3), 25, 10)));
    expect(matches.map((m) => m.id)).toEqual(['slt-nf-vocals']);
    expect(matches[0]!.offsetSec).toBeCloseTo(25, 1);
    expect(matches[0]!.coveredSec).toBeGreaterThanOrEqual(6);
    expect(matches[0]!.confidence).toBeGreaterThan(0.5);
  });

  it('finds a stem resampled to 44.1 kHz by soxr, 12 dB quieter, after 1.5 s of silence', () => {
    const keys = decode(stemFile('emb-go-keys'), ['-af', 'aresample=resampler=soxr', '-ar', '44100']);
    const quiet = {
      sampleRate: 44100,
      channels: keys.channels.map((c) => {
        const out = new Float32Array(c.length + 1.5 * 44100);
        out.set(
          c.map((v) => v / 4),
          1.5 * 44100,
        );
        return out;
      }),
    };
    const [best, ...rest] = index.match(fp(quiet));
    expect(best?.id).toBe('emb-go-keys');
    expect(best!.offsetSec).toBeCloseTo(-1.5, 1);
    expect(rest).toEqual([]);
  });

  it('finds a stem under a sung take at the same level, and each stem of a song in its mix', () => {
    const bass = cut(audio.get('slt-nf-bass')!, 10, 20);
    const notes = Array.from({ length: 24 }, (_, i) => ({ start: 0.2 + i * 0.8, seconds: 0.75, midi: 57 + ((i * 5) % 12) }));
    const voice = singLine(notes, 5);
    const voiceAt48k = decode(writeWav(path.join(tmp, 'voice.wav'), voice), ['-ar', '48000']);
    const scale = rms(bass) / rms(voiceAt48k);
    const take = { sampleRate: 48000, channels: bass.channels.map((c) => c.map((v, i) => v + scale * (voiceAt48k.channels[0]![i] ?? 0))) };
    const [best] = index.match(fp(take));
    expect(best?.id).toBe('slt-nf-bass');
    expect(best!.offsetSec).toBeCloseTo(10, 1);

    const song = INDEXED.filter((id) => id.startsWith('emb-go')).map((id) => audio.get(id)!);
    const mixed = { sampleRate: 48000, channels: [0, 1].map((c) => song[0]!.channels[c]!.map((_, i) => song.reduce((s, a) => s + a.channels[c]![i]!, 0))) };
    const found = index.match(fp(cut(mixed, 5, 20)));
    // Every match is a stem of this song at the right place; the louder stems are all found.
    expect(found.every((m) => m.id.startsWith('emb-go') && Math.abs(m.offsetSec - 5) < 0.1)).toBe(true);
    expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['emb-go-drums', 'emb-go-keys', 'emb-go-vocals']));
  });

  it('finds nothing in genuine takes: another song from the same soundfont, a cover of the vocal line, noise', () => {
    for (const id of ['kd-cs-drums', 'kd-cs-bass', 'kd-cs-pad', 'kd-cs-arp', 'kd-cs-vocals']) {
      expect(index.match(fp(decode(stemFile(id), ['-ss', '8', '-t', '25']))), id).toEqual([]);
    }
    const ferry = demoPackages.find((d) => d.song.title === 'Night Ferry')!.song;
    const beat = 60 / ferry.bpm;
    const line = ferry.stems
      .find((s) => s.kind === 'vocals')!
      .part.notes.map((n) => ({ start: n.beat * beat, seconds: n.beats * beat, midi: n.pitch }))
      .filter((n) => n.start < 30);
    expect(index.match(fp(singLine(line, 9, { jitterSec: 0, detuneCents: 0, vibratoCents: 15 })))).toEqual([]);
    let seed = 1;
    const noise = Float32Array.from({ length: 44100 * 10 }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.3);
    expect(index.match(fp({ sampleRate: 44100, channels: [noise] }))).toEqual([]);
    expect(index.match(fp({ sampleRate: 44100, channels: [new Float32Array(44100 * 10)] }))).toEqual([]);
  });

  it('forgets a removed stem and finds it again when re-added', () => {
    const query = fp(cut(audio.get('emb-go-guitar')!, 20, 12));
    expect(index.match(query)[0]?.id).toBe('emb-go-guitar');
    expect(index.remove('emb-go-guitar')).toBe(true);
    expect(index.match(query).map((m) => m.id)).not.toContain('emb-go-guitar');
    index.add('emb-go-guitar', fp(audio.get('emb-go-guitar')!));
    expect(index.match(query)[0]).toMatchObject({ id: 'emb-go-guitar', offsetSec: expect.closeTo(20, 1) });
    expect(index.size).toBe(INDEXED.length);
  });
});

function writeWav(file: string, a: Audio): string {
  const frames = a.channels[0]!.length;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + frames * 4, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(3, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(a.sampleRate, 24);
  header.writeUInt32LE(a.sampleRate * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(32, 34);
  header.write('data', 36);
  header.writeUInt32LE(frames * 4, 40);
  fs.writeFileSync(file, Buffer.concat([header, Buffer.from(a.channels[0]!.buffer, a.channels[0]!.byteOffset, frames * 4)]));
  return file;
}
