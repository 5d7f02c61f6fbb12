import fs from 'node:fs';
import path from 'node:path';
import type { Workload } from '../Workload';
import { median, round } from '../measure';
import { excerpt, readAudio, writeWav, type Audio } from '../fixtures/audioIo';
import { chromaprintBestBer, chromaprintOf } from '../fixtures/chromaprintPeer';
import { detectionCases, sha256OfFile, soundingStart, type CatalogStem, type DetectionCase } from '../fixtures/fingerprintCases';
import { generateSong, renderSong } from '../fixtures/fingerprintSongs';
import { genuineTakes, type GenuineTake } from '../fixtures/genuineTakes';
import { computeFingerprint, type Fingerprint } from '../../shared/dsp/fingerprint/Fingerprint';
import { decodeFingerprint, encodeFingerprint } from '../../shared/dsp/fingerprint/fingerprintCodec';
import { FingerprintIndex } from '../../shared/dsp/fingerprint/FingerprintIndex';
import { MATCH_THRESHOLDS } from '../../shared/dsp/fingerprint/matchDecision';
import { packPeak, peakBin, peakFrame } from '../../shared/dsp/fingerprint/pickPeaks';
import { MAX_BIN, MIN_BIN } from '../../shared/dsp/fingerprint/fingerprintParams';

const CACHE = path.resolve(process.env.STEMROOM_FINGERPRINT_CACHE ?? 'bench/out/fingerprint-cache');
const DEMO = path.resolve('resources/demo-catalog');
/** Real-size catalog songs (seed, BPM — two share a demo song's tempo) and held-out songs that are never indexed. */
const CATALOG_SONGS = [
  [1, 96],
  [2, 124],
  [3, 100],
  [4, 112],
] as const;
const HELD_OUT_SONGS = [
  [5, 124],
  [6, 84],
  [7, 100],
] as const;
/** Offsets within this of the truth count as found at the right place. */
const OFFSET_TOLERANCE_SEC = 0.1;

interface Tally {
  found: number;
  total: number;
}
const bump = (map: Map<string, Tally>, key: string, ok: boolean) => {
  const t = map.get(key) ?? { found: 0, total: 0 };
  t.total++;
  if (ok) t.found++;
  map.set(key, t);
};
/** CPU time (user + system) of `fn` in ms: on a machine shared with other work, wall time measures the others. */
const cpuMs = (fn: () => void) => {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};

/**
 * Whether the stem sounds the same at `found` as at `expected` (seconds) over `seconds`: loop-based stems repeat
 * (the generated songs every 4 bars), so a copy matches equally well one loop earlier or later.
 */
function sameAudioAt(stem: Audio, expected: number, found: number, seconds: number): boolean {
  const rate = stem.sampleRate;
  const a0 = Math.round(Math.max(0, expected) * rate);
  const b0 = a0 + Math.round((found - expected) * rate);
  const length = Math.round(seconds * rate);
  const ch = stem.channels[0]!;
  if (b0 < 0 || b0 + length > ch.length || a0 + length > ch.length) return false;
  let diff = 0;
  let energy = 0;
  for (let i = 0; i < length; i++) {
    const d = ch[a0 + i]! - ch[b0 + i]!;
    diff += d * d;
    energy += ch[a0 + i]! * ch[a0 + i]!;
  }
  return energy > 0 && Math.sqrt(diff / energy) < 0.5;
}

/** 200 distinct 4-minute fingerprints for the index figures: real stems' constellations moved in frequency (−5…+5 bins) and rotated in time. */
function syntheticCatalog(seeds: readonly Fingerprint[], count: number): Fingerprint[] {
  return Array.from({ length: count }, (_, i) => {
    const fp = seeds[i % seeds.length]!;
    const shiftBins = (Math.floor(i / seeds.length) % 11) - 5;
    const rotate = (i * 977) % fp.frames;
    const peaks = Array.from(fp.peaks, (p) => packPeak((peakFrame(p) + rotate) % fp.frames, Math.min(MAX_BIN, Math.max(MIN_BIN, peakBin(p) + shiftBins))));
    return { version: fp.version, frames: fp.frames, peaks: Uint32Array.from(new Set(peaks)).sort() };
  });
}

/**
 * The fingerprint's two error rates, measured: detection over transformed
 * catalog stems (the 15 demo stems and 20 generated 4-minute 44.1 kHz stems,
 * FluidSynth with the demo's soundfont) and false alarms over genuine takes
 * (espeak-ng speech, sung lines and covers of the catalog's own melodies,
 * other songs rendered with the same soundfont, noise and tones). Peers in
 * the same run: the app's old "same SHA-256" check and Chromaprint
 * (ffmpeg's muxer) with an offset search, at its own zero-false-alarm threshold.
 */
export const fingerprint: Workload = {
  name: 'fingerprint',
  description:
    'landmark fingerprint: detection of transformed catalog stems and false alarms on genuine takes vs SHA-256 and Chromaprint; time per fingerprint (4 min stereo 44.1 kHz), per match (200 stems indexed), index build, storage',
  async run() {
    fs.mkdirSync(CACHE, { recursive: true });
    const log = (line: string) => process.stderr.write(`  fingerprint: ${line}\n`);

    // The catalog: demo stems, and real-size songs rendered at 44.1 kHz.
    const stems: CatalogStem[] = [];
    for (const pkg of fs.readdirSync(DEMO).sort()) {
      for (const f of fs.readdirSync(path.join(DEMO, pkg, 'stems')).sort()) {
        const file = path.join(DEMO, pkg, 'stems', f);
        stems.push({ id: f.replace(/\.\w+$/, ''), song: pkg, file, audio: readAudio(file) });
      }
    }
    log(`rendering ${CATALOG_SONGS.length} catalog songs × 4 min and ${HELD_OUT_SONGS.length} held-out songs (cached in ${CACHE})`);
    const realSize: CatalogStem[] = [];
    for (const [seed, bpm] of CATALOG_SONGS) {
      for (const s of renderSong(generateSong(seed, bpm, 4), 44100, path.join(CACHE, 'songs')))
        realSize.push({ id: s.name, song: `song-${seed}`, file: s.file, audio: readAudio(s.file) });
    }
    stems.push(...realSize);

    const index = new FingerprintIndex();
    const fingerprintMs: number[] = [];
    const storedBytes: number[] = [];
    let storedMinutes = 0;
    const fps = new Map<string, Fingerprint>();
    for (const stem of stems) {
      let fp!: Fingerprint;
      const ms = cpuMs(() => (fp = computeFingerprint(stem.audio.channels, stem.audio.sampleRate)));
      if (stem.audio.channels[0]!.length > 200 * 44100) fingerprintMs.push(ms);
      const blob = encodeFingerprint(fp);
      storedBytes.push(blob.length);
      storedMinutes += stem.audio.channels[0]!.length / stem.audio.sampleRate / 60;
      fps.set(stem.id, fp);
      index.add(stem.id, decodeFingerprint(blob));
    }
    log(`catalog: ${stems.length} stems fingerprinted`);
    const chroma = new Map(stems.map((s) => [s.id, chromaprintOf(s.file)]));
    const catalogSha = new Set(stems.map((s) => sha256OfFile(s.file)));

    // Detection.
    const cases: DetectionCase[] = [
      ...detectionCases(stems.slice(0, stems.length - realSize.length), path.join(CACHE, 'queries'), { full: true }),
      ...detectionCases(realSize, path.join(CACHE, 'queries'), { full: false }),
    ];
    const ours = new Map<string, Tally>();
    const sha = new Map<string, Tally>();
    const chromaBers: { category: string; core: boolean; ber: number; right: boolean }[] = [];
    const strays: string[] = [];
    const missed: string[] = [];
    const matchMs: number[] = [];
    const details: { detection: unknown[]; genuine: unknown[] } = { detection: [], genuine: [] };
    let atRepeat = 0;
    const stemAudio = new Map(stems.map((s) => [s.id, s.audio]));
    let coreFound = 0;
    let coreTotal = 0;
    for (const c of cases) {
      const { file, audio } = c.make();
      const fp = computeFingerprint(audio.channels, audio.sampleRate);
      let matches!: ReturnType<FingerprintIndex['match']>;
      matchMs.push(cpuMs(() => (matches = index.match(fp))));
      const all = index.match(fp, { includeRejected: true });
      for (const e of c.expected) {
        const hit = matches.find((m) => m.id === e.id);
        const exact = !!hit && Math.abs(hit.offsetSec - e.offsetSec) <= OFFSET_TOLERANCE_SEC;
        const repeat =
          !!hit && !exact && sameAudioAt(stemAudio.get(e.id)!, e.offsetSec, hit.offsetSec, Math.min(10, audio.channels[0]!.length / audio.sampleRate));
        if (repeat) atRepeat++;
        const ok = exact || repeat;
        bump(ours, c.category, ok);
        if (c.core) {
          coreTotal++;
          if (ok) coreFound++;
        }
        const candidate = all.find((m) => m.id === e.id);
        details.detection.push({ case: c.name, category: c.category, core: c.core, id: e.id, expectedOffsetSec: round(e.offsetSec, 3), ok, repeat, candidate });
        if (!ok) missed.push(`${c.name} → ${e.id}${hit ? ` at ${hit.offsetSec} s, expected ${round(e.offsetSec, 3)} s` : ' not found'}`);
        bump(sha, c.category, c.expected.length === 1 && catalogSha.has(sha256OfFile(file)));
        const best = chromaprintBestBer(chromaprintOf(file), chroma.get(e.id)!);
        chromaBers.push({ category: c.category, core: c.core, ber: best.ber, right: Math.abs(best.offsetSec - e.offsetSec) <= 0.5 });
      }
      for (const m of matches) if (!c.expected.some((e) => e.id === m.id)) strays.push(`${c.name} → also ${m.id} (${m.coveredSec} s, ${m.score} votes)`);
    }
    log(`detection: ${cases.length} queries`);

    // False alarms: genuine takes, and other songs from the same soundfont (stems and mixes, excerpts).
    const genuine: GenuineTake[] = genuineTakes(path.join(CACHE, 'genuine'));
    for (const [seed, bpm] of HELD_OUT_SONGS) {
      const song = renderSong(generateSong(seed, bpm, 2, { other: true }), 44100, path.join(CACHE, 'songs'));
      const audios = song.map((s) => readAudio(s.file));
      const mixed = {
        sampleRate: 44100,
        channels: audios[0]!.channels.map((c, ch) => c.map((_, i) => audios.reduce((sum, a) => sum + a.channels[ch]![i]!, 0))),
      };
      [...song.map((s, i) => ({ name: s.name, audio: audios[i]! })), { name: `other-${seed} mix`, audio: mixed }].forEach(({ name, audio }, k) => {
        for (const [j, seconds] of [
          [0, 30],
          [1, 20],
          [2, 60],
        ] as const) {
          const start = soundingStart(audio, seconds, seed * 100 + k * 10 + j) ?? 0;
          genuine.push({
            kind: 'noise-tone',
            name: `other song (same soundfont): ${name} ${seconds} s from ${round(start, 1)} s`,
            audio: () => excerpt(audio, start, seconds),
          });
        }
      });
    }
    const alarms: string[] = [];
    const genuineBers: number[] = [];
    const byKind = new Map<string, Tally>();
    let closest = { name: '', coveredSec: 0, score: 0 };
    for (const take of genuine) {
      const audio = take.audio();
      const kind = take.name.startsWith('other song') ? 'other songs, same soundfont' : take.kind;
      const fp = computeFingerprint(audio.channels, audio.sampleRate);
      const matches = index.match(fp);
      const rejected = index.match(fp, { includeRejected: true });
      details.genuine.push({ take: take.name, kind, candidates: rejected.slice(0, 3) });
      const near = rejected[0];
      if (near && near.score > closest.score) closest = { name: `${take.name} ~ ${near.id}`, coveredSec: near.coveredSec, score: near.score };
      bump(byKind, kind, matches.length > 0);
      if (matches.length) alarms.push(`${take.name} → ${matches.map((m) => `${m.id} (${m.coveredSec} s, ${m.score} votes)`).join(', ')}`);
      const tmp = path.join(CACHE, 'genuine-wav', `${take.name.replace(/\W+/g, '-')}.wav`);
      if (!fs.existsSync(tmp)) writeWav(tmp, audio);
      const cp = chromaprintOf(tmp);
      genuineBers.push(Math.min(...[...chroma.values()].map((r) => chromaprintBestBer(cp, r).ber)));
    }
    log(`false alarms: ${genuine.length} genuine takes`);
    fs.writeFileSync(path.join(CACHE, 'details.json'), JSON.stringify(details, null, 1));

    // Chromaprint at its own zero-false-alarm threshold (a little below the closest genuine take).
    const chromaThreshold = Math.min(...genuineBers) - 0.005;
    const chromaCore = chromaBers.filter((b) => b.core);
    const chromaFound = chromaCore.filter((b) => b.ber <= chromaThreshold && b.right).length;
    // Also at a conventional fixed threshold, with the false alarms it costs (silent stretches compare at BER 0).
    const FIXED_BER = 0.3;
    const chromaFixedFound = chromaCore.filter((b) => b.ber <= FIXED_BER && b.right).length;
    const chromaFixedAlarms = genuineBers.filter((b) => b <= FIXED_BER).length;
    const chromaByCategory = new Map<string, Tally>();
    for (const b of chromaBers) bump(chromaByCategory, b.category, b.ber <= chromaThreshold && b.right);

    // Index figures at 200 stems × 4 min, rebuilt from stored bytes as the app does at start.
    const seeds = realSize.map((s) => fps.get(s.id)!);
    const blobs = syntheticCatalog(seeds, 200).map(encodeFingerprint);
    const buildMs: number[] = [];
    let big!: FingerprintIndex;
    for (let r = 0; r < 3; r++) {
      buildMs.push(
        cpuMs(() => {
          big = new FingerprintIndex();
          blobs.forEach((b, i) => big.add(`s${i}`, decodeFingerprint(b)));
          big.build();
        }),
      );
    }
    const takeFile = cases.find((c) => c.name === `${realSize[0]!.id}: MP3 128 kbps`)!.make().audio;
    const takeFp = computeFingerprint(takeFile.channels, takeFile.sampleRate);
    const bigMatchMs: number[] = [];
    for (const seed of realSize.slice(0, 5)) big.add(seed.id, fps.get(seed.id)!);
    for (let r = 0; r < 7; r++) bigMatchMs.push(cpuMs(() => big.match(takeFp)));
    const bigFound = big.match(takeFp)[0]?.id === realSize[0]!.id;

    const falseAlarms = [...byKind.values()].reduce((n, t) => n + t.found, 0);
    const detectionRate = round((100 * coreFound) / coreTotal, 2);
    const shaCore = cases.filter((c) => c.core).length;
    const extra: Record<string, number | string> = {
      coreDetected: `${coreFound}/${coreTotal}`,
      foundOneLoopAway: `${atRepeat} (right stem; the offset differs by whole repeats of identical audio, checked sample by sample)`,
      genuineTakes: genuine.length,
      falseAlarms,
      falseAlarmsByKind: [...byKind].map(([k, t]) => `${k} ${t.found}/${t.total}`).join('; '),
      detectionByCategory: [...ours].map(([k, t]) => `${k} ${t.found}/${t.total}`).join('; '),
      strayIdsInDetectionQueries: strays.length,
      strays: strays.slice(0, 12).join(' | '),
      missed: missed.slice(0, 20).join(' | '),
      closestGenuine: `${closest.name}: ${closest.score} votes, ${closest.coveredSec} s`,
      thresholds: JSON.stringify(MATCH_THRESHOLDS),
      timesAre: 'CPU ms (user + system) of this process',
      fingerprintMsPer4MinStereo44k: median(fingerprintMs),
      matchMsMedianInCatalog: median(matchMs),
      indexBuildMs200x4min: median(buildMs),
      indexMiB200x4min: round(big.stats().bytes / 2 ** 20, 1),
      matchMs4MinTakeVs205Stems: median(bigMatchMs),
      matchFoundIn205: String(bigFound),
      storageBytesPerMinute: Math.round(storedBytes.reduce((a, b) => a + b, 0) / storedMinutes),
      shaDetected: `${[...sha].filter(([k]) => cases.some((c) => c.core && c.category === k)).reduce((n, [, t]) => n + t.found, 0)}/${shaCore}`,
      chromaprintThresholdBer: round(chromaThreshold, 3),
      chromaprintDetectedCore: `${chromaFound}/${chromaCore.length}`,
      chromaprintAtBer030: `detects ${chromaFixedFound}/${chromaCore.length} core, false alarms ${chromaFixedAlarms}/${genuine.length}`,
      chromaprintByCategory: [...chromaByCategory].map(([k, t]) => `${k} ${t.found}/${t.total}`).join('; '),
    };
    if (alarms.length) extra.alarms = alarms.slice(0, 12).join(' | ');
    return {
      unit: '% of transformed catalog stems detected (re-encode, resample, gain, shift, excerpts ≥ 10 s)',
      higherIsBetter: true,
      ours: { median: detectionRate, samples: [detectionRate], extra },
      peerName: `Chromaprint (ffmpeg muxer, offset search) at its zero-false-alarm BER ${round(chromaThreshold, 3)}; SHA-256 finds ${extra.shaDetected}`,
      peer: { median: round((100 * chromaFound) / chromaCore.length, 2), samples: [] },
      goal: {
        description: 'detection ≥ 99 % and 0 false alarms over ≥ 200 genuine takes',
        met: detectionRate >= 99 && falseAlarms === 0 && genuine.length >= 200,
      },
    };
  },
};
