import type { Effect, Track } from '../../../shared/project/documentSchema';
import { biquadCoefficients, type BiquadSettings } from '../dsp/BiquadDsp';
import { seedOf } from '../dsp/seededRandom';
import { dbToGain } from '../graph/effects/EffectNode';
import type { TrackStage } from './trackStages';

/** A stretch of a track's path: block-DSP stages, or effects only the graph has (compressor, delay), rendered as a pass of their own. */
export type TrackSegment = { readonly stages: TrackStage[] } | { readonly effects: Effect[] };

/**
 * How an offline render computes one track:
 * - `silent`: inaudible, or no clips — it adds nothing;
 * - `graph`: the whole TrackChain in the graph (clips of mixed channel
 *   counts: the graph changes a track's channel count block by block, which
 *   block DSP does not follow);
 * - `stages`: clips (gains, fades, sums) in the graph, its effects as
 *   segments, then the fader and panner (mixerStages); the track is mono
 *   or stereo throughout.
 */
export type TrackPlan =
  { readonly mode: 'silent' } | { readonly mode: 'graph' } | { readonly mode: 'stages'; readonly channels: 1 | 2; readonly segments: TrackSegment[] };

/**
 * Plans a track from its clips' channel counts.
 *
 * @example
 * const plan = planTrack(track, audible.has(track.id), [2, 2], 44100);
 */
export function planTrack(track: Track, audible: boolean, clipChannels: readonly number[], sampleRate: number): TrackPlan {
  if (!audible || clipChannels.length === 0) return { mode: 'silent' };
  const channels = clipChannels[0]!;
  if ((channels !== 1 && channels !== 2) || clipChannels.some((c) => c !== channels)) return { mode: 'graph' };
  const segments: TrackSegment[] = [];
  const stages = (): TrackStage[] => {
    const last = segments.at(-1);
    if (last && 'stages' in last) return last.stages;
    const next: TrackStage[] = [];
    segments.push({ stages: next });
    return next;
  };
  for (const effect of track.effects.filter((e) => e.enabled)) {
    const p = effect.params;
    if (p.type === 'eq3' || p.type === 'filter') {
      const list = stages();
      const coefficients = biquadsOf(p).map((settings) => biquadCoefficients(settings, sampleRate));
      const previous = list.at(-1);
      if (previous?.kind === 'biquads') list[list.length - 1] = { kind: 'biquads', coefficients: [...previous.coefficients, ...coefficients] };
      else list.push({ kind: 'biquads', coefficients });
    } else if (p.type === 'reverb') {
      stages().push({ kind: 'reverb', decaySec: p.decaySec, preDelayMs: p.preDelayMs, mix: p.mix, seed: seedOf(effect.id) });
    } else {
      const last = segments.at(-1);
      if (last && 'effects' in last) last.effects.push(effect);
      else segments.push({ effects: [effect] });
    }
  }
  return { mode: 'stages', channels, segments };
}

/**
 * The end of a track's path after its effects: the fader — a constant gain,
 * or, automated, the envelope the graph rendered for it — and the panner.
 * (An audible track's mute/solo gain is 1: nothing to do.)
 */
export function mixerStages(track: Track, envelope: Float32Array | null): TrackStage[] {
  return [envelope ? { kind: 'envelope', envelope } : { kind: 'gain', gain: dbToGain(track.gainDb) }, { kind: 'pan', pan: track.pan }];
}

/** The BiquadFilterNodes createEq3 / createFilter build, as settings. */
function biquadsOf(p: Extract<Effect['params'], { type: 'eq3' | 'filter' }>): BiquadSettings[] {
  if (p.type === 'filter') return [{ type: p.mode, frequency: p.frequencyHz, q: p.q, gain: 0 }];
  return [
    { type: 'lowshelf', frequency: p.lowHz, q: 1, gain: p.lowDb },
    { type: 'peaking', frequency: Math.sqrt(p.lowHz * p.highHz), q: 0.7, gain: p.midDb },
    { type: 'highshelf', frequency: p.highHz, q: 1, gain: p.highDb },
  ];
}
