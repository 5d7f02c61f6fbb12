import { seededRandom } from './seededRandom';

/**
 * A stereo reverb impulse response: decorrelated noise per channel under an
 * exponential decay reaching −60 dB at `decaySec`, after `preDelaySec` of
 * silence, with a gentle high-frequency roll-off over time. Seeded: the same
 * seed gives the same samples.
 */
export function reverbImpulse(sampleRate: number, decaySec: number, preDelaySec: number, seed: number): Float32Array[] {
  const preDelay = Math.round(preDelaySec * sampleRate);
  const length = preDelay + Math.round(decaySec * sampleRate);
  const channels = [new Float32Array(length), new Float32Array(length)];
  channels.forEach((channel, c) => {
    const random = seededRandom(seed + c * 7919);
    let lowpassed = 0;
    for (let i = preDelay; i < length; i++) {
      const t = (i - preDelay) / sampleRate;
      const envelope = Math.pow(10, (-3 * t) / decaySec); // −60 dB at decaySec
      const noise = random() * 2 - 1;
      const smoothing = Math.min(0.9, t / decaySec); // later reflections are darker
      lowpassed = lowpassed * smoothing + noise * (1 - smoothing);
      channel[i] = lowpassed * envelope;
    }
  });
  // Normalise energy so mix = 0.5 sounds about as loud as the dry signal.
  let energy = 0;
  for (const channel of channels) for (let i = 0; i < length; i++) energy += channel[i]! * channel[i]!;
  const scale = energy > 0 ? 1 / Math.sqrt(energy / 2) : 0;
  for (const channel of channels) for (let i = 0; i < length; i++) channel[i]! *= scale;
  return channels;
}
