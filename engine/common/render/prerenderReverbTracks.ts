import type { Effect, ProjectDocument, Track } from '../../../shared/project/documentSchema';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import { seedOf } from '../dsp/seededRandom';
import { createEffect } from '../graph/effects/createEffect';
import type { ClipPlacement } from '../graph/clipPlacement';
import type { PreparedAudio } from '../graph/PreparedAudio';
import { pairwiseSum } from '../graph/pairwiseSum';
import { scheduleClip } from '../graph/scheduleClip';
import { applyReverb, type CreateConvolver } from './applyReverb';

/** A track whose reverbs were applied outside the graph: its signal after the last reverb, and the effects still to come. */
export interface PrerenderedTrack {
  readonly channels: Float32Array[];
  readonly effectsAfter: Effect[];
}

export interface PrerenderContext {
  readonly document: ProjectDocument;
  readonly placements: readonly ClipPlacement[];
  readonly prepared: PreparedAudio;
  readonly frames: number;
  readonly sampleRate: number;
  readonly createContext: (channels: number, frames: number, sampleRate: number) => OfflineAudioContext;
  readonly createConvolver: CreateConvolver;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Offline, a track's reverbs run as partitioned FFT convolution instead of
 * ConvolverNodes (the slowest node by far): the track is rendered in passes
 * split at its reverbs — its clips through the effects before the first
 * reverb in a context of its own, the reverb over that whole signal, the
 * effects up to the next reverb in another pass, and so on. What follows
 * the last reverb stays in the mixer. Every pass is the graph's own
 * arithmetic, so the track differs from a one-graph render only by the
 * convolution's rounding (null-tested against the ConvolverNode).
 * Inaudible tracks are left out: their output is silence either way.
 */
export async function prerenderReverbTracks(context: PrerenderContext): Promise<Map<string, PrerenderedTrack>> {
  const { document, placements } = context;
  const audible = audibleTracks(document.tracks);
  const withReverb = document.tracks.filter(
    (track) => audible.has(track.id) && track.effects.some((e) => e.enabled && e.params.type === 'reverb') && placements.some((p) => p.clip.trackId === track.id),
  );
  const done = new Map<string, PrerenderedTrack>();
  let finished = 0;
  context.onProgress?.(0, withReverb.length);
  // The first passes of all tracks render at once (each context on its own thread); convolutions follow as they arrive.
  await Promise.all(
    withReverb.map(async (track) => {
      done.set(track.id, await prerenderTrack(track, context));
      context.onProgress?.(++finished, withReverb.length);
    }),
  );
  return done;
}

async function prerenderTrack(track: Track, context: PrerenderContext): Promise<PrerenderedTrack> {
  const enabled = track.effects.filter((e) => e.enabled);
  const reverbAt = enabled.flatMap((e, i) => (e.params.type === 'reverb' ? [i] : []));
  // Pass 1: the clips (gains, fades) through the effects before the first reverb.
  let channels = await renderPass(context, enabled.slice(0, reverbAt[0]), (audio, input) => {
    for (const placement of context.placements) {
      if (placement.clip.trackId !== track.id) continue;
      const buffer = context.prepared.buffer(placement.preparation);
      if (!buffer) continue;
      const clipInput = audio.createGain();
      scheduleClip(audio, placement, buffer, clipInput, 0, 0);
      input.push(clipInput);
    }
  });
  for (const [n, at] of reverbAt.entries()) {
    throwIfAborted(context.signal);
    const reverb = enabled[at]!;
    channels = applyReverb(channels, reverb.params as Extract<Effect['params'], { type: 'reverb' }>, seedOf(reverb.id), context.sampleRate, context.createConvolver);
    const next = reverbAt[n + 1];
    if (next === undefined) break;
    // Between two reverbs: the effects in between, over the signal so far.
    const signal = channels;
    channels = await renderPass(context, enabled.slice(at + 1, next), (audio, input) => input.push(playBuffer(audio, signal)));
  }
  return { channels, effectsAfter: enabled.slice(reverbAt.at(-1)! + 1) };
}

/** Renders sources (added by `connect`) summed pairwise through `effects` into a stereo context. */
async function renderPass(context: PrerenderContext, effects: readonly Effect[], connect: (audio: OfflineAudioContext, inputs: AudioNode[]) => void): Promise<Float32Array[]> {
  const audio = context.createContext(2, context.frames, context.sampleRate);
  const inputs: AudioNode[] = [];
  connect(audio, inputs);
  let node = pairwiseSum(audio, inputs);
  for (const effect of effects) {
    const built = createEffect(audio, effect, context.document.bpm);
    node.connect(built.input);
    node = built.output;
  }
  node.connect(audio.destination);
  const rendered = await audio.startRendering();
  throwIfAborted(context.signal);
  return [0, 1].map((c) => rendered.getChannelData(c).slice());
}

/** A stereo signal played from time 0 (sample-exact). */
export function playBuffer(audio: BaseAudioContext, channels: readonly Float32Array[]): AudioBufferSourceNode {
  const buffer = audio.createBuffer(channels.length, Math.max(1, channels[0]!.length), audio.sampleRate);
  channels.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
  const source = audio.createBufferSource();
  source.buffer = buffer;
  source.start(0);
  return source;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Render cancelled', 'AbortError');
}
