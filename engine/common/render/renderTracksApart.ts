import type { Effect, ProjectDocument, Track } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import type { ClipPlacement } from '../graph/clipPlacement';
import { createEffect } from '../graph/effects/createEffect';
import { pairwiseSum } from '../graph/pairwiseSum';
import type { PreparedAudio } from '../graph/PreparedAudio';
import { clipSegments } from '../graph/clipSegments';
import { scheduleClip } from '../graph/scheduleClip';
import { addBufferSource, gainScale } from '../dsp/BufferSourceDsp';
import { dbToGain } from '../graph/effects/EffectNode';
import { scheduleVolumeAutomation } from '../graph/scheduleVolumeAutomation';
import { TrackChain } from '../graph/TrackChain';
import { mixerStages, planTrack, type TrackPlan } from './planTrack';
import type { RunTrackStages } from './trackStages';

export interface TracksApartRender {
  readonly document: ProjectDocument;
  readonly placements: readonly ClipPlacement[];
  readonly prepared: PreparedAudio;
  readonly frames: number;
  readonly sampleRate: number;
  readonly createContext: (channels: number, frames: number, sampleRate: number) => OfflineAudioContext;
  readonly runStages: RunTrackStages;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Web Audio's most channels in one context (and one ChannelMergerNode). */
const MAX_CHANNELS = 32;

interface TrackWork {
  readonly track: Track;
  readonly clips: readonly ClipPlacement[];
  readonly plan: Exclude<TrackPlan, { mode: 'silent' }>;
  /** Its clips play as block DSP (addBufferSource), not in the graph. */
  readonly clipsAsDsp: boolean;
}

/** What the clip pass rendered for a track: its signal (unless its clips play as block DSP), and its volume envelope when automated. */
interface ClipPassOutput {
  readonly signal: Float32Array[] | null;
  readonly envelope: Float32Array | null;
}

/**
 * Renders every track on its own, each as its post-panner stereo output
 * (null for a silent track), in document order. Clips without fades play
 * as block DSP (addBufferSource, on this thread); the graph renders what
 * block DSP does not reproduce — clips with fades, volume automation as an
 * envelope, whole tracks of mixed channel counts, compressors and delays —
 * in a few wide contexts (one channel per track channel, through a
 * ChannelMergerNode; at least two contexts, which render in parallel). The
 * rest of each track (EQs, filters, reverbs, fader, pan) runs as block DSP
 * through `runStages` (worker threads in Node). A track moves on as soon
 * as its clips are there.
 *
 * @example
 * const outputs = await renderTracksApart({ document, placements, prepared, frames, sampleRate, createContext, runStages });
 * const mix = sumTracks(outputs, frames, dbToGain(document.master.gainDb));
 */
export async function renderTracksApart(render: TracksApartRender): Promise<(Float32Array[] | null)[]> {
  const { document, placements, prepared, sampleRate } = render;
  const audible = audibleTracks(document.tracks);
  const work: TrackWork[] = [];
  for (const track of document.tracks) {
    const clips = placements.filter((p) => p.clip.trackId === track.id && prepared.channels(p.preparation));
    const plan = planTrack(
      track,
      audible.has(track.id),
      clips.map((p) => prepared.channels(p.preparation)!.length),
      sampleRate,
    );
    if (plan.mode !== 'silent') work.push({ track, clips, plan, clipsAsDsp: plan.mode === 'stages' && clipsPlayAsDsp(clips) });
  }
  // The graph's contexts start first (they render on threads of their own), then each track goes on as soon as its clips are there.
  const passes = new Map<TrackWork, Promise<ClipPassOutput>>();
  for (const group of contextGroups(work.filter((item) => widthOf(item) > 0))) {
    const rendered = renderClipPass(render, group);
    group.forEach((item, i) =>
      passes.set(
        item,
        rendered.then((outputs) => outputs[i]!),
      ),
    );
  }
  const outputs = new Map<string, Float32Array[]>();
  let finished = 0;
  render.onProgress?.(0, work.length);
  await Promise.all(
    work.map(async (item) => {
      const signal = item.clipsAsDsp ? playClips(render, item) : null;
      const pass = passes.get(item);
      const { signal: rendered, envelope } = pass ? await pass : { signal: null, envelope: null };
      const clips = { signal: signal ?? rendered!, envelope };
      outputs.set(item.track.id, item.plan.mode === 'graph' ? clips.signal : await runSegments(render, item, clips));
      render.onProgress?.(++finished, work.length);
    }),
  );
  return document.tracks.map((track) => outputs.get(track.id) ?? null);
}

/** Channels a track takes in the clip pass: its signal (stereo for a whole track) unless its clips play as block DSP, plus one for a volume envelope. */
function widthOf({ plan, track, clipsAsDsp }: TrackWork): number {
  if (plan.mode === 'graph') return 2;
  return (clipsAsDsp ? 0 : plan.channels) + (track.volumeAutomation.length > 0 ? 1 : 0);
}

/**
 * Whether a track's clips play as block DSP: no fades (a clip's gain is
 * then constant: its automation is a curve only the graph computes), and
 * never more than two clips sounding at once — two sum in float32 in any
 * order alike, three would have to follow the graph's pairwise tree.
 */
function clipsPlayAsDsp(clips: readonly ClipPlacement[]): boolean {
  if (clips.some((p) => p.fadeIn > 0 || p.fadeOut > 0)) return false;
  // A margin of a few samples either side: touching clips may share a sample of interpolation.
  const edges = clips
    .flatMap((p) => [
      { at: p.start - 1e-3, step: 1 },
      { at: p.end + 1e-3, step: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.step - b.step);
  let sounding = 0;
  for (const edge of edges) if ((sounding += edge.step) > 2) return false;
  return true;
}

/**
 * A track's clips as block DSP: each buffer-source start of each clip,
 * through its clip gain, into the track's signal. A looping clip's starts
 * (which may share a sample where one repetition hands over to the next)
 * are summed first and then scaled, as its gain node sums its sources
 * before the gain.
 */
function playClips(render: TracksApartRender, { clips, plan }: TrackWork): Float32Array[] {
  const channels = Array.from({ length: plan.mode === 'stages' ? plan.channels : 2 }, () => new Float32Array(render.frames));
  for (const placement of clips) {
    const source = render.prepared.channels(placement.preparation)!;
    // Offline, timeline seconds are context seconds: each segment is start(when = its start, offset = its buffer start, duration).
    const segments = clipSegments(placement, 0).map((s) => ({ when: Math.max(0, s.start), offset: s.bufferStart, duration: s.end - s.start }));
    const gain = dbToGain(placement.clip.gainDb);
    if (segments.length === 1) {
      addBufferSource(channels, source, render.sampleRate, segments[0]!, gain);
      continue;
    }
    const sum = channels.map(() => new Float32Array(render.frames));
    for (const start of segments) addBufferSource(sum, source, render.sampleRate, start, 1);
    const scale = gainScale(gain);
    if (scale === 0) continue;
    channels.forEach((channel, c) => {
      const summed = sum[c]!;
      for (let k = 0; k < channel.length; k++) if (summed[k] !== 0) channel[k] = channel[k]! + (scale === 1 ? summed[k]! : Math.fround(summed[k]! * scale));
    });
  }
  return channels;
}

/** Tracks in document order, split into contexts of at most MAX_CHANNELS channels — at least two when there are two tracks. */
function contextGroups(work: readonly TrackWork[]): TrackWork[][] {
  const total = work.reduce((sum, item) => sum + widthOf(item), 0);
  const count = Math.max(Math.ceil(total / MAX_CHANNELS), Math.min(2, work.length));
  const target = total / count;
  const groups: TrackWork[][] = [];
  let width = Infinity;
  for (const item of work) {
    const w = widthOf(item);
    if (width + w > MAX_CHANNELS || (width >= target && groups.length < count)) {
      groups.push([]);
      width = 0;
    }
    groups.at(-1)!.push(item);
    width += w;
  }
  return groups;
}

async function renderClipPass(render: TracksApartRender, group: readonly TrackWork[]): Promise<ClipPassOutput[]> {
  const { document, prepared, frames, sampleRate } = render;
  const width = group.reduce((sum, item) => sum + widthOf(item), 0);
  const context = render.createContext(width, frames, sampleRate);
  const merger = context.createChannelMerger(width);
  merger.connect(context.destination);
  let at = 0;
  // Mono goes straight into a merger input; stereo through a splitter, one merger input per channel.
  const route = (node: AudioNode, channels: number): number[] => {
    const first = at;
    at += channels;
    if (channels === 1) node.connect(merger, 0, first);
    else {
      const splitter = context.createChannelSplitter(channels);
      node.connect(splitter);
      for (let c = 0; c < channels; c++) splitter.connect(merger, c, first + c);
    }
    return Array.from({ length: channels }, (_, c) => first + c);
  };
  const slots = group.map(({ track, clips, plan, clipsAsDsp }) => {
    if (plan.mode === 'graph') {
      const chain = new TrackChain(context, track, document.bpm);
      for (const p of clips) scheduleClip(context, p, prepared.buffer(p.preparation)!, chain.clipInput(), 0, 0);
      chain.seal();
      chain.scheduleAutomation(document.bpm, 0, 0);
      return { signal: route(chain.output, 2), envelope: null };
    }
    // The clips summed as TrackChain sums them (its effect input after the sum is a unity gain: nothing to do).
    const inputs = clipsAsDsp
      ? []
      : clips.map((p) => {
          const input = context.createGain();
          scheduleClip(context, p, prepared.buffer(p.preparation)!, input, 0, 0);
          return input;
        });
    const signal = clipsAsDsp ? null : route(pairwiseSum(context, inputs), plan.channels);
    if (track.volumeAutomation.length === 0) return { signal, envelope: null };
    // The fader's automation as a signal: a constant 1 through a gain node following it.
    const one = context.createConstantSource();
    const fader = context.createGain();
    scheduleVolumeAutomation(fader.gain, track.volumeAutomation, document.bpm, 0, 0);
    one.connect(fader);
    one.start(0);
    return { signal, envelope: route(fader, 1)[0]! };
  });
  const rendered = await context.startRendering();
  throwIfAborted(render.signal);
  return slots.map(({ signal, envelope }) => ({
    signal: signal && signal.map((c) => rendered.getChannelData(c).slice()),
    envelope: envelope === null ? null : rendered.getChannelData(envelope).slice(),
  }));
}

/** A track's segments after its clips: block DSP where it can, a pass of its own for the graph-only effects. */
async function runSegments(
  render: TracksApartRender,
  { track, plan }: TrackWork,
  clipPass: { signal: Float32Array[]; envelope: Float32Array | null },
): Promise<Float32Array[]> {
  if (plan.mode !== 'stages') throw new Error('not a staged track');
  const segments = [...plan.segments];
  const mixer = mixerStages(track, clipPass.envelope);
  const last = segments.at(-1);
  if (last && 'stages' in last) segments[segments.length - 1] = { stages: [...last.stages, ...mixer] };
  else segments.push({ stages: mixer });
  let channels = clipPass.signal;
  for (const segment of segments) {
    throwIfAborted(render.signal);
    channels =
      'stages' in segment
        ? await render.runStages({ channels, sampleRate: render.sampleRate, stages: segment.stages })
        : await renderEffectsPass(render, channels, segment.effects);
  }
  return channels;
}

/** Graph-only effects over a whole signal, in a context of its channel count (a mono track stays mono, as in the graph). */
async function renderEffectsPass(render: TracksApartRender, channels: readonly Float32Array[], effects: readonly Effect[]): Promise<Float32Array[]> {
  const context = render.createContext(channels.length, render.frames, render.sampleRate);
  const buffer = context.createBuffer(channels.length, render.frames, render.sampleRate);
  channels.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.start(0);
  let node: AudioNode = source;
  for (const effect of effects) {
    const built = createEffect(context, effect, render.document.bpm);
    node.connect(built.input);
    node = built.output;
  }
  node.connect(context.destination);
  const rendered = await context.startRendering();
  throwIfAborted(render.signal);
  return channels.map((_, c) => rendered.getChannelData(c).slice());
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Render cancelled', 'AbortError');
}
