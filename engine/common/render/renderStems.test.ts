import { beforeAll, expect, it } from 'vitest';
import { renderProject, type RenderEnvironment } from './renderProject';
import { renderStems } from './renderStems';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { sampleDocument, sampleRecording } from '../../../tests/fixtures/sampleDocument';
import { maxDifferenceDb, rmsDb, testRenderEnvironment } from '../../../tests/helpers/testRenderEnvironment';
import { normalizeLoudness } from '../dsp/normalizeLoudness';

const sr = 48000;
let environment: RenderEnvironment;

beforeAll(async () => {
  // Loud, different tones per stem: with every track +9 dB the mix runs far into the master limiter.
  const sources = new Map(
    sampleRecording.stems.map((s, i) => {
      const frames = Math.round(8 * sr);
      const channel = new Float32Array(frames);
      for (let n = 0; n < frames; n++) channel[n] = 0.3 * Math.sin((2 * Math.PI * [110, 220, 330, 440][i]! * n) / sr) * (n % 12000 < 6000 ? 1 : 0.4);
      return [s.sha256, [channel, channel.slice()]];
    }),
  );
  environment = await testRenderEnvironment(sources);
});

const hotDocument = (): ProjectDocument => {
  const base = sampleDocument();
  const commands: Command[] = [
    ...base.tracks.map((t) => ({ type: 'updateTrack' as const, trackId: t.id, changes: { gainDb: 9 } })),
    { type: 'updateTrack', trackId: 'trk-bass', changes: { mute: true } },
    { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-r', enabled: true, params: { type: 'reverb', decaySec: 1.2, preDelayMs: 0, mix: 0.5 } } },
    {
      type: 'addEffect',
      trackId: 'trk-vocals',
      effect: { id: 'fx-c', enabled: true, params: { type: 'compressor', thresholdDb: -20, ratio: 4, attackMs: 5, releaseMs: 100, makeupDb: 6 } },
    },
    ...base.clips.map((c) => ({ type: 'updateClip' as const, clipId: c.id, changes: { length: 12 } })),
  ];
  return commands.reduce((d, c) => applyCommand(d, c).document, base);
};

it("renderStems: the mix is renderProject's, bit for bit; the audible tracks' stems (not the muted one) sum to it through the limiter, effects and loudness normalisation", async () => {
  const document = hotDocument();
  const plain = await renderStems(document, environment);
  const reference = await renderProject(document, environment);
  expect(maxDifferenceDb(plain.mix, reference.channels)).toBe(-Infinity);
  expect(plain.stems.map((s) => s.trackId)).toEqual(['trk-drums', 'trk-keys', 'trk-vocals']);

  const withoutLimiter = await renderProject(document, environment, { limit: false });
  const peak = Math.max(...withoutLimiter.channels.map((c) => c.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
  expect(peak).toBeGreaterThan(1.5); // the limiter had real work to do

  const sum = (stems: typeof plain.stems) =>
    [0, 1].map((c) => stems.reduce((acc, s) => (s.channels[c]!.forEach((v, i) => (acc[i]! += v)), acc), new Float32Array(plain.mix[0]!.length)));
  expect(maxDifferenceDb(sum(plain.stems), plain.mix)).toBeLessThan(-120);
  // Each stem carries its track: the keys stem holds the reverb tail after the clips end.
  const keys = plain.stems.find((s) => s.trackId === 'trk-keys')!.channels;
  expect(rmsDb(keys, Math.round(6.2 * sr), Math.round(6.8 * sr))).toBeGreaterThan(-60);

  const normalised = await renderStems(document, environment, { finish: (channels, rate) => void normalizeLoudness(channels, rate, -16) });
  const normalisedReference = (await renderProject(document, environment)).channels;
  normalizeLoudness(normalisedReference, sr, -16);
  expect(maxDifferenceDb(normalised.mix.slice(0, 2), normalisedReference)).toBe(-Infinity);
  expect(maxDifferenceDb(sum(normalised.stems), normalised.mix)).toBeLessThan(-120);
});
