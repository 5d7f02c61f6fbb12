/**
 * Renders the demo catalog into resources/demo-catalog/: each song's parts
 * become MIDI files, FluidSynth renders them with the FluidR3_GM soundfont
 * (MIT, Debian package fluid-soundfont-gm), sox trims every stem to the
 * song's exact length and applies one common gain so the full mix peaks at
 * −3 dBFS, and oggenc encodes Ogg Vorbis. Manifests carry each stem's SHA-256.
 *
 * Each song renders at its own rate (Song.sampleRate). Name slugs to
 * render only those packages (the others' files stay as they are).
 *
 *   apt-get install fluidsynth fluid-soundfont-gm sox vorbis-tools
 *   npx tsx scripts/demo-catalog/render.ts [package-slug…]
 *   npx tsx scripts/demo-catalog/sign.ts
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { midiFile } from './midiFile';
import { demoPackages } from './catalogs';
import { secondsOf } from './Song';

const SOUNDFONT = process.env.SOUNDFONT ?? '/usr/share/sounds/sf2/FluidR3_GM.sf2';
const DEFAULT_RATE = 48000;
const only = process.argv.slice(2);
const MIX_PEAK_DB = -3;
const outRoot = path.resolve('resources/demo-catalog');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-demo-'));

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function peakDb(file: string): number {
  const out = execFileSync('sh', ['-c', `sox "${file}" -n stat 2>&1`], { encoding: 'utf8' });
  const max = Number(/Maximum amplitude:\s+([\d.]+)/.exec(out)![1]);
  const min = Number(/Minimum amplitude:\s+(-?[\d.]+)/.exec(out)![1]);
  return 20 * Math.log10(Math.max(max, -min));
}

for (const demo of demoPackages.filter((d) => only.length === 0 || only.includes(d.slug))) {
  const { song } = demo;
  const rate = song.sampleRate ?? DEFAULT_RATE;
  const seconds = secondsOf(song);
  const frames = Math.round(seconds * rate);
  const packageDir = path.join(outRoot, demo.slug);
  fs.rmSync(packageDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(packageDir, 'stems'), { recursive: true });
  const trimmed: { id: string; wav: string }[] = [];
  for (const stem of song.stems) {
    const mid = path.join(work, `${stem.id}.mid`);
    const raw = path.join(work, `${stem.id}.raw.wav`);
    const wav = path.join(work, `${stem.id}.wav`);
    fs.writeFileSync(mid, midiFile(stem.part, song.bpm));
    run('fluidsynth', ['-ni', '-q', '-R', '1', '-C', '0', '-g', '0.6', '-r', String(rate), '-O', 'float', '-T', 'wav', '-F', raw, SOUNDFONT, mid]);
    // Exactly the song's length: pad short renders, cut the tail, fade the last 40 ms.
    run('sox', [raw, '-b', '32', '-e', 'floating-point', wav, 'pad', '0', String(seconds), 'trim', '0', `${frames}s`, 'fade', 't', '0', `${frames}s`, '0.04']);
    trimmed.push({ id: stem.id, wav });
  }
  const mix = path.join(work, `${demo.slug}-mix.wav`);
  run('sox', ['-m', ...trimmed.flatMap((t) => ['-v', '1', t.wav]), mix]);
  const gainDb = MIX_PEAK_DB - peakDb(mix);
  const files = new Map<string, { file: string; sha256: string }>();
  for (const { id, wav } of trimmed) {
    const file = `stems/${id}.ogg`;
    const leveled = path.join(work, `${id}.leveled.wav`);
    run('sox', [wav, '-b', '24', leveled, 'gain', gainDb.toFixed(3)]);
    run('oggenc', ['-Q', '-q', '4', '--serial', '1', '-o', path.join(packageDir, file), leveled]);
    const sha256 = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(packageDir, file)))
      .digest('hex');
    files.set(id, { file, sha256 });
  }
  fs.writeFileSync(path.join(packageDir, 'manifest.json'), `${JSON.stringify(demo.manifest(files), null, 2)}\n`);
  const size = fs.readdirSync(path.join(packageDir, 'stems')).reduce((n, f) => n + fs.statSync(path.join(packageDir, 'stems', f)).size, 0);
  console.log(`${demo.slug}: ${song.stems.length} stems × ${seconds.toFixed(1)} s, mix gain ${gainDb.toFixed(1)} dB, ${(size / 2 ** 20).toFixed(2)} MiB`);
}
fs.rmSync(work, { recursive: true, force: true });
