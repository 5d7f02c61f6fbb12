import { fadeCurve } from '../dsp/fadeCurve';
import { dbToGain } from './effects/EffectNode';
import type { ClipPlacement } from './clipPlacement';
import { clipSegments } from './clipSegments';

const curveCache = new Map<string, Float32Array>();
function curveOf(kind: 'linear' | 'exponential' | 'equal-power', rising: boolean): Float32Array {
  const key = `${kind}|${rising}`;
  let curve = curveCache.get(key);
  if (!curve) curveCache.set(key, (curve = fadeCurve(kind, rising, 1024)));
  return curve;
}

/** Linear interpolation into a fade curve at position 0…1. */
function sampleCurve(curve: Float32Array, x: number): number {
  const position = Math.max(0, Math.min(1, x)) * (curve.length - 1);
  const i = Math.floor(position);
  const j = Math.min(curve.length - 1, i + 1);
  return curve[i]! + (curve[j]! - curve[i]!) * (position - i);
}

/**
 * Schedules one clip offline from timeline second `from` (which plays at
 * context time `when`): its gain and fades on `input`, and one buffer
 * source per loop repetition (or one for the whole clip).
 */
export function scheduleClip(
  context: BaseAudioContext,
  placement: ClipPlacement,
  buffer: AudioBuffer,
  input: GainNode,
  from: number,
  when: number,
): AudioBufferSourceNode[] {
  if (placement.end <= from) return [];
  scheduleClipGain(context, placement, input.gain, from, when);
  return clipSegments(placement, from).map((segment) => {
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(input);
    source.start(Math.max(0, at(segment.start)), segment.bufferStart, segment.end - segment.start);
    return source;
  });

  function at(seconds: number): number {
    return when + (seconds - from);
  }
}

/**
 * A clip's gain and fades from timeline second `from` (at context time
 * `when`) on its input's gain — live and offline alike. Earlier automation
 * (before `when`) is kept: a seek or loop wrap replaces only what follows.
 */
export function scheduleClipGain(context: BaseAudioContext, placement: ClipPlacement, param: AudioParam, from: number, when: number): void {
  const { start, end, clip } = placement;
  if (end <= from) return;
  const at = (seconds: number) => when + (seconds - from);
  const gain = dbToGain(clip.gainDb);
  const fadeInCurve = curveOf(clip.fadeIn.curve, true);
  const fadeOutCurve = curveOf(clip.fadeOut.curve, false);
  const valueAt = (t: number) => {
    let v = gain;
    if (placement.fadeIn > 0 && t < start + placement.fadeIn) v *= sampleCurve(fadeInCurve, (t - start) / placement.fadeIn);
    if (placement.fadeOut > 0 && t > end - placement.fadeOut) v *= sampleCurve(fadeOutCurve, (t - (end - placement.fadeOut)) / placement.fadeOut);
    return v;
  };
  const first = Math.max(from, start);
  param.cancelScheduledValues(Math.max(0, when));
  const curveBetween = (a: number, b: number) => {
    const points = Math.max(2, Math.min(1024, Math.ceil((b - a) * 1000)));
    const values = new Float32Array(points);
    for (let i = 0; i < points; i++) values[i] = valueAt(a + ((b - a) * i) / (points - 1));
    param.setValueCurveAtTime(values, at(a), b - a);
  };
  const fadeInEnd = start + placement.fadeIn;
  const fadeOutStart = end - placement.fadeOut;
  const oneSample = 1 / context.sampleRate;
  if (placement.fadeIn > 0 && first < fadeInEnd) {
    // Adjacent curves may not touch: end the fade-in a sample early when the fade-out starts where it ends.
    curveBetween(first, Math.min(fadeInEnd, placement.fadeOut > 0 ? fadeOutStart - oneSample : fadeInEnd));
  } else {
    param.setValueAtTime(valueAt(first), Math.max(0, at(first)));
  }
  if (placement.fadeOut > 0) {
    const from2 = Math.max(first, fadeOutStart);
    if (from2 < end) {
      if (from2 > first) param.setValueAtTime(valueAt(from2), at(from2) - oneSample);
      curveBetween(from2, end);
    }
  }
}
