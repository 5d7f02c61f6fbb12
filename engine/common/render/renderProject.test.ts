import { beforeAll, describe, expect, it } from 'vitest';
import { renderProject, type RenderEnvironment } from './renderProject';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { sampleDocument, sampleRecording } from '../../../tests/fixtures/sampleDocument';
import { identicalSamples, maxDifferenceDb, rmsDb, testRenderEnvironment } from '../../../tests/helpers/testRenderEnvironment';
import { LimiterDsp } from '../dsp/LimiterDsp';
import { MixGraph } from '../graph/MixGraph';
import { placeClips } from '../graph/clipPlacement';
import { PreparedAudio } from '../graph/PreparedAudio';
import { scheduleClip } from '../graph/scheduleClip';
import { PartitionedConvolver } from '../dsp/PartitionedConvolver';
import { loadPffft } from '../../node/loadPffft';
import { runTrackStages } from './trackStages';

/** The whole mixer in one context, master gain node included: what the live graph is, rendered without splitting. */
async function renderInOneContext(document: ProjectDocument, environment: RenderEnvironment): Promise<Float32Array[]> {
  const placements = placeClips(document);
  const frames = Math.ceil(Math.max(...placements.map((p) => p.end)) * sr);
  const context = environment.createContext(2, frames, sr);
  const prepared = new PreparedAudio(context, environment.load, environment.stretch);
  await prepared.prepareAll(placements.map((p) => p.preparation));
  const graph = new MixGraph(context, document);
  for (const placement of placements)
    scheduleClip(context, placement, prepared.buffer(placement.preparation)!, graph.tracks.get(placement.clip.trackId)!.clipInput(), 0, 0);
  for (const chain of graph.tracks.values()) chain.scheduleAutomation(document.bpm, 0, 0);
  graph.seal();
  graph.master.connect(context.destination);
  const rendered = await context.startRendering();
  const channels = [0, 1].map((c) => rendered.getChannelData(c).slice());
  LimiterDsp.limitBuffer(channels, sr, document.master.limiterCeilingDb);
  return channels;
}

const sr = 48000;
/** Each sample stem: a different steady tone (drums: noise-free pulse train so it has transients). */
function stemAudio(index: number, seconds: number): Float32Array[] {
  const frames = Math.round(seconds * sr);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const frequency = [110, 220, 330, 440][index]!;
  for (let i = 0; i < frames; i++) {
    const tone = 0.12 * Math.sin((2 * Math.PI * frequency * i) / sr);
    left[i] = index === 0 ? (i % 24000 < 480 ? 0.3 : 0) : tone;
    right[i] = index === 0 ? left[i]! : tone * 0.8;
  }
  return [left, right];
}

let environment: RenderEnvironment;
let sources: Map<string, Float32Array[]>;
beforeAll(async () => {
  sources = new Map(sampleRecording.stems.map((s, i) => [s.sha256, stemAudio(i, s.durationSec)]));
  environment = await testRenderEnvironment(sources);
});

const edit = (doc: ProjectDocument, ...commands: Command[]) => commands.reduce((d, c) => applyCommand(d, c).document, doc);
const render = (doc: ProjectDocument, includeTail = false) => renderProject(doc, environment, { includeTail });

describe('renderProject (offline, node-web-audio-api)', () => {
  it('renders the default arrangement as the exact sum of its stems', async () => {
    const mix = await render(sampleDocument());
    expect(mix.contentSeconds).toBeCloseTo(38.4, 6);
    const expected = [0, 1].map((c) => {
      const sum = new Float32Array(mix.channels[0]!.length);
      for (const stem of sources.values()) stem[c]!.forEach((v, i) => (sum[i]! += v));
      return sum;
    });
    expect(maxDifferenceDb(mix.channels, expected)).toBeLessThan(-120);
  });

  it('a muted track contributes nothing: null against a render without its clip', async () => {
    const muted = await render(edit(sampleDocument(), { type: 'updateTrack', trackId: 'trk-bass', changes: { mute: true } }));
    const without = await render(edit(sampleDocument(), { type: 'removeClip', clipId: 'clip-bass' }));
    expect(maxDifferenceDb(muted.channels, without.channels)).toBe(-Infinity);
  });

  it('solo plays only the soloed tracks', async () => {
    const soloed = await render(edit(sampleDocument(), { type: 'updateTrack', trackId: 'trk-keys', changes: { solo: true } }));
    const keysOnly = await render(
      edit(sampleDocument(), ...['clip-drums', 'clip-bass', 'clip-vocals'].map((clipId) => ({ type: 'removeClip', clipId }) as Command)),
    );
    expect(maxDifferenceDb(soloed.channels, keysOnly.channels)).toBe(-Infinity);
  });

  it('renders bit-identical audio every time, reverb and delay included', async () => {
    const doc = edit(
      sampleDocument(),
      { type: 'addEffect', trackId: 'trk-drums', effect: { id: 'fx-rev', enabled: true, params: { type: 'reverb', decaySec: 1.5, preDelayMs: 20, mix: 0.4 } } },
      { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-dly', enabled: true, params: { type: 'delay', beats: 0.75, feedback: 0.4, mix: 0.3 } } },
      { type: 'setTempo', bpm: 108 },
    );
    const first = await render(doc, true);
    const second = await render(doc, true);
    expect(identicalSamples(first.channels, second.channels)).toBe(true);
    expect(rmsDb(first.channels)).toBeGreaterThan(-40);
  });

  it('rendering the two halves of the mixer in parallel gives the same samples as one context with the whole mixer', async () => {
    const busy = edit(
      sampleDocument(),
      { type: 'updateMaster', changes: { gainDb: -3.7 } },
      { type: 'updateTrack', trackId: 'trk-bass', changes: { pan: -0.6, gainDb: 2.5 } },
      { type: 'addEffect', trackId: 'trk-drums', effect: { id: 'fx-rv', enabled: true, params: { type: 'reverb', decaySec: 1.2, preDelayMs: 10, mix: 0.4 } } },
      {
        type: 'addEffect',
        trackId: 'trk-keys',
        effect: { id: 'fx-eq', enabled: true, params: { type: 'eq3', lowDb: 3, midDb: -2, highDb: 4, lowHz: 200, highHz: 5000 } },
      },
    );
    expect(busy.tracks.filter((t) => t.effects.length > 0).map((t) => t.id)).toEqual(['trk-drums', 'trk-keys']);
    for (const doc of [sampleDocument(), busy]) {
      const split = await render(doc);
      expect(identicalSamples(split.channels, await renderInOneContext(doc, environment))).toBe(true);
    }
  });

  it('a tempo change of +8 BPM shortens the render by 100/108, time-stretched not resampled', async () => {
    const base = await render(sampleDocument());
    const faster = await render(edit(sampleDocument(), { type: 'setTempo', bpm: 108 }));
    expect(faster.contentSeconds / base.contentSeconds).toBeCloseTo(100 / 108, 9);
    expect(faster.channels[0]!.length / base.channels[0]!.length).toBeCloseTo(100 / 108, 4);
    // Still 440 Hz (vocals track alone): pitch kept while the tempo changed.
    const vocalsOnly = await render(
      edit(sampleDocument(), { type: 'setTempo', bpm: 108 }, { type: 'updateTrack', trackId: 'trk-vocals', changes: { solo: true } }),
    );
    expect(zeroCrossingHz(vocalsOnly.channels[1]!, sr * 2, sr * 6)).toBeCloseTo(440, 0);
  });

  it('a key change shifts pitched stems and leaves drums alone', async () => {
    const up = edit(sampleDocument(), { type: 'setKey', key: 'B minor' }, { type: 'updateTrack', trackId: 'trk-vocals', changes: { solo: true } });
    const vocals = await render(up);
    expect(zeroCrossingHz(vocals.channels[1]!, sr * 2, sr * 6)).toBeCloseTo(440 * 2 ** (2 / 12), 0);
    const drums = await render(
      edit(sampleDocument(), { type: 'setKey', key: 'B minor' }, { type: 'updateTrack', trackId: 'trk-drums', changes: { solo: true } }),
    );
    const originalDrums = await render(edit(sampleDocument(), { type: 'updateTrack', trackId: 'trk-drums', changes: { solo: true } }));
    expect(maxDifferenceDb(drums.channels, originalDrums.channels)).toBe(-Infinity);
  });

  it('pans, fades and follows volume automation', async () => {
    const panned = await render(edit(sampleDocument(), { type: 'updateTrack', trackId: 'trk-keys', changes: { solo: true, pan: -1 } }));
    expect(rmsDb([panned.channels[1]!])).toBeLessThan(-100);
    const faded = await render(
      edit(
        sampleDocument(),
        { type: 'updateTrack', trackId: 'trk-keys', changes: { solo: true } },
        { type: 'updateClip', clipId: 'clip-keys', changes: { fadeIn: { beats: 8, curve: 'linear' } } },
      ),
    );
    // 8 beats at 100 BPM = 4.8 s: quiet at the start, full after.
    expect(rmsDb(faded.channels, 0, sr / 10)).toBeLessThan(rmsDb(faded.channels, sr * 6, sr * 7) - 25);
    const automated = await render(
      edit(sampleDocument(), {
        type: 'updateTrack',
        trackId: 'trk-keys',
        changes: {
          solo: true,
          volumeAutomation: [
            { beat: 0, gainDb: 0 },
            { beat: 16, gainDb: -60 },
          ],
        },
      }),
    );
    // The ramp ends at beat 16 (9.6 s) at −60 dB, and holds.
    expect(rmsDb(automated.channels, sr * 10, sr * 10.5)).toBeLessThan(rmsDb(automated.channels, 0, sr / 2) - 55);
  });

  it('reverbs as partitioned FFT convolution null against ConvolverNodes (below −100 dB), and stay bit-identical run to run', async () => {
    const pffft = await loadPffft();
    const fast: RenderEnvironment = {
      ...environment,
      runTrackStages: async (job) => runTrackStages(job, (impulse) => new PartitionedConvolver(pffft, impulse)),
    };
    const doc = edit(
      sampleDocument(),
      // Reverb after an EQ, two reverbs with a delay between them, a reverb followed by a filter, and a muted reverb track.
      {
        type: 'addEffect',
        trackId: 'trk-drums',
        effect: { id: 'fx-eq', enabled: true, params: { type: 'eq3', lowDb: 3, midDb: -2, highDb: 4, lowHz: 200, highHz: 5000 } },
      },
      { type: 'addEffect', trackId: 'trk-drums', effect: { id: 'fx-rv1', enabled: true, params: { type: 'reverb', decaySec: 2.5, preDelayMs: 0, mix: 0.35 } } },
      { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-rv2', enabled: true, params: { type: 'reverb', decaySec: 1.2, preDelayMs: 20, mix: 0.5 } } },
      { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-dl', enabled: true, params: { type: 'delay', beats: 0.5, feedback: 0.3, mix: 0.3 } } },
      { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-rv3', enabled: true, params: { type: 'reverb', decaySec: 0.8, preDelayMs: 5, mix: 0.2 } } },
      { type: 'addEffect', trackId: 'trk-bass', effect: { id: 'fx-rv4', enabled: true, params: { type: 'reverb', decaySec: 3, preDelayMs: 0, mix: 0.6 } } },
      {
        type: 'addEffect',
        trackId: 'trk-bass',
        effect: { id: 'fx-lp', enabled: true, params: { type: 'filter', mode: 'lowpass', frequencyHz: 2000, q: 0.7 } },
      },
      { type: 'addEffect', trackId: 'trk-vocals', effect: { id: 'fx-rv5', enabled: true, params: { type: 'reverb', decaySec: 2, preDelayMs: 0, mix: 0.5 } } },
      { type: 'updateTrack', trackId: 'trk-vocals', changes: { mute: true } },
      // 8 s of each stem is plenty (and keeps the test to seconds).
      ...['clip-drums', 'clip-bass', 'clip-keys', 'clip-vocals'].map((clipId) => ({ type: 'updateClip', clipId, changes: { length: 14 } }) as Command),
    );
    const withNodes = await render(doc, true);
    const first = await renderProject(doc, fast, { includeTail: true });
    const second = await renderProject(doc, fast, { includeTail: true });
    expect(identicalSamples(first.channels, second.channels)).toBe(true);
    expect(first.channels[0]!.length).toBe(withNodes.channels[0]!.length);
    const difference = first.channels.map((c, i) => c.map((v, n) => v - withNodes.channels[i]![n]!));
    expect(rmsDb(withNodes.channels)).toBeGreaterThan(-30);
    expect(rmsDb(difference)).toBeLessThan(-100);
  }, 90_000); // three renders, one with ConvolverNodes

  it('a source at another rate than the mix is brought to it by the band-limited resampler, and the render says so', async () => {
    // The vocals stem delivered at 44.1 kHz in a 48 kHz project: its 440 Hz stays 440 Hz and keeps its level.
    const vocals = sampleRecording.stems[3]!;
    const at44k = [0, 1].map((c) => {
      const out = new Float32Array(Math.round(vocals.durationSec * 44100));
      for (let i = 0; i < out.length; i++) out[i] = 0.12 * (c === 0 ? 1 : 0.8) * Math.sin((2 * Math.PI * 440 * i) / 44100);
      return out;
    });
    const base = await testRenderEnvironment(sources);
    const mixedRates: RenderEnvironment = {
      ...base,
      load: async (sha) =>
        sha === vocals.sha256
          ? Object.assign(
              at44k.map((c) => c.slice()),
              { sampleRate: 44100 },
            )
          : base.load(sha),
    };
    const doc = edit(sampleDocument(), { type: 'updateTrack', trackId: 'trk-vocals', changes: { solo: true } });
    const mix = await renderProject(doc, mixedRates);
    expect(mix.resampling).toMatchObject([{ stage: 'sources', fromRate: 44100, toRate: 48000 }]);
    expect(mix.channels[0]!.length).toBe(Math.ceil(38.4 * sr));
    expect(zeroCrossingHz(mix.channels[1]!, sr * 2, sr * 6)).toBeCloseTo(440, 1);
    expect(rmsDb([mix.channels[0]!], sr, sr * 30)).toBeCloseTo(20 * Math.log10(0.12 / Math.SQRT2), 2);
    // Same rate throughout: nothing resampled.
    expect((await render(sampleDocument())).resampling).toEqual([]);
  });

  it("an output rate other than the mix's resamples the master bus once, after mixing and before the limiter", async () => {
    const mix = await renderProject(sampleDocument(), environment, { outputRate: 44100 });
    expect(mix.sampleRate).toBe(44100);
    expect(mix.resampling).toMatchObject([{ stage: 'master', fromRate: 48000, toRate: 44100 }]);
    expect(mix.channels[0]!.length).toBe(Math.ceil(38.4 * 44100));
    expect(mix.seconds).toBeCloseTo(38.4, 4);
  });

  it('keeps the master under the limiter ceiling when the mix is too hot', async () => {
    const hot = await render(
      edit(
        sampleDocument(),
        ...['trk-drums', 'trk-bass', 'trk-keys', 'trk-vocals'].map((trackId) => ({ type: 'updateTrack', trackId, changes: { gainDb: 12 } }) as Command),
      ),
    );
    const peak = Math.max(...hot.channels.map((c) => c.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
    expect(peak).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
    expect(peak).toBeGreaterThan(0.8);
  });
});

function zeroCrossingHz(x: Float32Array, from: number, to: number): number {
  let first = -1,
    last = -1,
    count = 0;
  for (let i = from + 1; i < to; i++) {
    if (x[i - 1]! < 0 && x[i]! >= 0) {
      const t = i - 1 + -x[i - 1]! / (x[i]! - x[i - 1]!);
      if (first < 0) first = t;
      else count++;
      last = t;
    }
  }
  return (count * sr) / (last - first);
}
