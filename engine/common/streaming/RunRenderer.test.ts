import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { sampleDocument, sampleRecording } from '../../../tests/fixtures/sampleDocument';
import { identicalSamples, rmsDb, testRenderEnvironment } from '../../../tests/helpers/testRenderEnvironment';
import { MixGraph } from '../graph/MixGraph';
import { placeClips } from '../graph/clipPlacement';
import { PreparedAudio } from '../graph/PreparedAudio';
import { scheduleClip, scheduleClipGain } from '../graph/scheduleClip';
import { createSignalsmith, type SignalsmithWasm } from '../stretch/loadSignalsmith';
import { readArrays } from '../stretch/StretchVoice';
import { seededRandom } from '../dsp/seededRandom';
import { planRun } from './planRun';
import { RunRenderer } from './RunRenderer';

const sr = 48000;
const seconds = 20;

function stem(index: number): Float32Array[] {
  const random = seededRandom(index + 1);
  const frames = Math.round(38.4 * sr);
  return [0, 1].map((c) => {
    const x = new Float32Array(frames);
    for (let i = 0; i < frames; i++) x[i] = 0.1 * Math.sin((2 * Math.PI * (110 * (index + 1) + c) * i) / sr) + (i % 12000 < 200 ? 0.2 * (random() - 0.5) : 0);
    return x;
  });
}

const sources = new Map(sampleRecording.stems.map((s, i) => [s.sha256, stem(i)]));
const edit = (doc: ProjectDocument, ...commands: Command[]) => commands.reduce((d, c) => applyCommand(d, c).document, doc);

/** The mixer with every clip played by `play` (offline buffer sources, or the live stream's runs as buffers). */
async function mix(document: ProjectDocument, play: (context: OfflineAudioContext, graph: MixGraph) => Promise<void>): Promise<Float32Array[]> {
  const environment = await testRenderEnvironment(sources);
  const context = environment.createContext(2, seconds * sr, sr);
  const graph = new MixGraph(context, document);
  await play(context, graph);
  graph.seal();
  graph.master.connect(context.destination);
  const rendered = await context.startRendering();
  return [0, 1].map((c) => rendered.getChannelData(c).slice());
}

describe('RunRenderer: the live stream plays what the offline render plays', () => {
  it('stretched, shifted, looped and split clips: the runs from the start, mixed, equal the offline mix bit for bit', async () => {
    const document = edit(
      sampleDocument(),
      { type: 'setTempo', bpm: 120 },
      { type: 'setKey', key: 'B minor' },
      { type: 'updateClip', clipId: 'clip-bass', changes: { loopBeats: 6, length: 20 } },
      { type: 'splitClip', clipId: 'clip-keys', beat: 10, newClipId: 'clip-keys-2' },
      { type: 'updateClip', clipId: 'clip-drums', changes: { fadeIn: { beats: 2, curve: 'equal-power' } } },
    );
    const placements = placeClips(document).filter((p) => p.start < seconds);
    expect(placements.some((p) => p.preparation.semitones !== 0) && placements.some((p) => p.loop !== null)).toBe(true);

    const offline = await mix(document, async (context, graph) => {
      const prepared = new PreparedAudio(context, (sha) => Promise.resolve(sources.get(sha)!), (await testRenderEnvironment(sources)).stretch);
      await prepared.prepareAll(placements.map((p) => p.preparation));
      for (const p of placements) scheduleClip(context, p, prepared.buffer(p.preparation)!, graph.tracks.get(p.clip.trackId)!.clipInput(), 0, 0);
    });

    const streamed = await mix(document, async (context, graph) => {
      const cores: SignalsmithWasm[] = await Promise.all(Array.from({ length: 16 }, () => createSignalsmith()));
      for (const p of placements) {
        const run = planRun(p, 0, sr)!;
        const renderer = new RunRenderer(run, 2, sr, readArrays(sources.get(run.sha256)!), () => cores.shift());
        const out = [new Float32Array(run.frames), new Float32Array(run.frames)];
        // The worker renders in uneven pieces as the ring has room.
        for (let at = 0; at < run.frames;) at += renderer.render(out, at, Math.min(run.frames - at, 3000 + (at % 1777)));
        const buffer = context.createBuffer(2, run.frames, sr);
        out.forEach((c, i) => buffer.copyToChannel(c, i));
        const input = graph.tracks.get(p.clip.trackId)!.clipInput();
        scheduleClipGain(context, p, input.gain, 0, 0);
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(input);
        source.start(run.offset / sr);
      }
    });
    expect(rmsDb(offline)).toBeGreaterThan(-40);
    expect(identicalSamples(streamed, offline)).toBe(true);
  }, 300_000);
});
