import { beforeAll, describe, expect, it } from 'vitest';
import { renderProject, type RenderEnvironment } from './renderProject';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { sampleDocument, sampleRecording } from '../../../tests/fixtures/sampleDocument';
import { identicalSamples, maxDifferenceDb, rmsDb, testRenderEnvironment } from '../../../tests/helpers/testRenderEnvironment';
import { PartitionedConvolver } from '../dsp/PartitionedConvolver';
import { loadPffft } from '../../node/loadPffft';
import { runTrackStages } from './trackStages';

const sr = 48000;
/**
 * Stems with content at every frequency the biquads touch: a chirp-like sum
 * of partials with noise bursts (drums), a mono bass (a mono track stays
 * mono through block DSP, as in the graph), a stereo pad, a stereo lead.
 */
function stemAudio(index: number, seconds: number): Float32Array[] {
  const frames = Math.round(seconds * sr);
  let seed = 12345 + index;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const partials = [
    [55, 110, 3520],
    [41, 82, 164],
    [262, 330, 7040],
    [440, 880, 12000],
  ][index]!;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let v = 0;
    for (const f of partials) v += (0.08 / partials.length) * Math.sin((2 * Math.PI * f * i) / sr);
    if (index === 0) v += i % 24000 < 600 ? 0.2 * noise() : 0;
    left[i] = v;
    right[i] = index === 0 ? v : v * 0.7 + 0.01 * noise();
  }
  return index === 1 ? [left] : [left, right];
}

let graph: RenderEnvironment;
let stages: RenderEnvironment;
beforeAll(async () => {
  const sources = new Map(sampleRecording.stems.map((s, i) => [s.sha256, stemAudio(i, s.durationSec)]));
  graph = await testRenderEnvironment(sources);
  const pffft = await loadPffft();
  stages = { ...graph, runTrackStages: async (job) => runTrackStages(job, (impulse) => new PartitionedConvolver(pffft, impulse)) };
});

const edit = (doc: ProjectDocument, ...commands: Command[]) => commands.reduce((d, c) => applyCommand(d, c).document, doc);

/** A mixer that uses everything block DSP computes (and some of what only the graph does), on clips placed between samples. */
function busyMixer(): ProjectDocument {
  return edit(
    sampleDocument(),
    { type: 'setTempo', bpm: 108 },
    { type: 'updateMaster', changes: { gainDb: -3.7 } },
    { type: 'updateTrack', trackId: 'trk-bass', changes: { pan: -0.6, gainDb: 2.5 } },
    { type: 'updateTrack', trackId: 'trk-keys', changes: { pan: 0.7, gainDb: -4.2 } },
    {
      type: 'updateTrack',
      trackId: 'trk-vocals',
      changes: {
        pan: -0.25,
        volumeAutomation: [
          { beat: 2, gainDb: -3 },
          { beat: 9.5, gainDb: -30 },
          { beat: 20, gainDb: 1 },
        ],
      },
    },
    { type: 'updateClip', clipId: 'clip-keys', changes: { start: 1.37, sourceOffset: 0.123, gainDb: -1.3, loopBeats: 7.3, length: 40 } },
    { type: 'updateClip', clipId: 'clip-vocals', changes: { start: 0.51, gainDb: 2.2 } },
    { type: 'updateClip', clipId: 'clip-drums', changes: { fadeIn: { beats: 2, curve: 'equal-power' }, fadeOut: { beats: 3, curve: 'exponential' } } },
    {
      type: 'addEffect',
      trackId: 'trk-drums',
      effect: { id: 'fx-eq', enabled: true, params: { type: 'eq3', lowDb: 3, midDb: -2, highDb: 4, lowHz: 200, highHz: 5000 } },
    },
    { type: 'addEffect', trackId: 'trk-drums', effect: { id: 'fx-hp', enabled: true, params: { type: 'filter', mode: 'highpass', frequencyHz: 90, q: 0.9 } } },
    {
      type: 'addEffect',
      trackId: 'trk-bass',
      effect: { id: 'fx-cmp', enabled: true, params: { type: 'compressor', thresholdDb: -20, ratio: 4, attackMs: 5, releaseMs: 120, makeupDb: 3 } },
    },
    { type: 'addEffect', trackId: 'trk-bass', effect: { id: 'fx-lp', enabled: true, params: { type: 'filter', mode: 'lowpass', frequencyHz: 800, q: 2 } } },
    { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-bp', enabled: true, params: { type: 'filter', mode: 'bandpass', frequencyHz: 1200, q: 0.5 } } },
    { type: 'addEffect', trackId: 'trk-keys', effect: { id: 'fx-dl', enabled: true, params: { type: 'delay', beats: 0.75, feedback: 0.4, mix: 0.3 } } },
    {
      type: 'addEffect',
      trackId: 'trk-keys',
      effect: { id: 'fx-eq2', enabled: true, params: { type: 'eq3', lowDb: -6, midDb: 5, highDb: -3, lowHz: 400, highHz: 9000 } },
    },
    {
      type: 'addEffect',
      trackId: 'trk-vocals',
      effect: { id: 'fx-off', enabled: false, params: { type: 'eq3', lowDb: 12, midDb: 12, highDb: 12, lowHz: 400, highHz: 9000 } },
    },
  );
}

describe('renderProject: tracks apart as block DSP (the Node export path) vs the whole mixer as one graph', () => {
  it('gives the same samples, bit for bit, for EQs, filters, compressor, delay, fades, loops, automation, pans and a mono track at a stretched tempo', async () => {
    const doc = busyMixer();
    const fromGraph = await renderProject(doc, graph, { includeTail: true });
    const fromStages = await renderProject(doc, stages, { includeTail: true });
    expect(rmsDb(fromGraph.channels)).toBeGreaterThan(-40);
    expect(maxDifferenceDb(fromStages.channels, fromGraph.channels)).toBe(-Infinity);
    expect(identicalSamples(fromStages.channels, fromGraph.channels)).toBe(true);
  }, 120_000);

  it('clips without fades (block-DSP buffer sources: two overlapping, a loop), three overlapping takes and a track of mixed channel counts match too', async () => {
    const keys = sampleDocument().clips.find((c) => c.id === 'clip-keys')!;
    const drums = sampleDocument().clips.find((c) => c.id === 'clip-drums')!;
    const doc = edit(
      sampleDocument(),
      // Two keys takes overlapping, each with its gain: block DSP.
      { type: 'updateClip', clipId: 'clip-keys', changes: { start: 0.77, sourceOffset: 1.001, length: 10, gainDb: -1.3 } },
      { type: 'addClip', clip: { ...keys, id: 'clip-keys-2', start: 9.9, sourceOffset: 3.3, length: 12, gainDb: -6 } },
      // Three drum takes sounding at once: their sum follows the graph's pairwise tree, so the graph plays them.
      { type: 'addClip', clip: { ...drums, id: 'clip-drums-2', start: 4.25, sourceOffset: 0.5, length: 6, gainDb: -3 } },
      { type: 'addClip', clip: { ...drums, id: 'clip-drums-3', start: 5.5, sourceOffset: 2.25, length: 4, gainDb: 1.5 } },
      // The bass track gets a stereo clip over its mono one: the graph mixes channel counts, so this track stays in it.
      { type: 'addClip', clip: { ...keys, id: 'clip-on-bass', trackId: 'trk-bass', start: 20.25, length: 6 } },
      { type: 'updateTrack', trackId: 'trk-bass', changes: { pan: 0.4 } },
      // A loop of 2.37 beats from between two samples, under a gain: its repetitions hand over inside render quanta.
      { type: 'updateClip', clipId: 'clip-vocals', changes: { start: 2.003, gainDb: -0.5, loopBeats: 2.37, length: 30 } },
    );
    const fromGraph = await renderProject(doc, graph);
    const fromStages = await renderProject(doc, stages);
    expect(rmsDb(fromGraph.channels)).toBeGreaterThan(-40);
    expect(maxDifferenceDb(fromStages.channels, fromGraph.channels)).toBe(-Infinity);
    expect(identicalSamples(fromStages.channels, fromGraph.channels)).toBe(true);
  }, 120_000);
});
