import { gainScale } from '../dsp/BufferSourceDsp';

/**
 * The master bus over separately rendered tracks: their outputs summed in
 * float32 through the same pairwise tree as the graph's (a silent track is
 * a silent input: the node passes the other one through), then the master
 * gain. Sums in place into the tracks' own arrays.
 *
 * @example
 * const mix = sumTracks(await renderTracksApart(render), frames, dbToGain(document.master.gainDb));
 */
export function sumTracks(outputs: readonly (Float32Array[] | null)[], frames: number, masterGain: number): Float32Array[] {
  let level = [...outputs];
  while (level.length > 1) {
    const next: (Float32Array[] | null)[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const [a, b] = [level[i] ?? null, i + 1 < level.length ? (level[i + 1] ?? null) : null];
      if (a && b) for (let c = 0; c < 2; c++) for (let k = 0, x = a[c]!, y = b[c]!; k < frames; k++) x[k] = x[k]! + y[k]!;
      next.push(a ?? b);
    }
    level = next;
  }
  const mix = level[0] ?? [new Float32Array(frames), new Float32Array(frames)];
  // The master GainNode's float32 product, with its shortcuts (a copy within 10⁻⁶ of 1, silence within 10⁻⁶ of 0).
  const gain = gainScale(masterGain);
  if (gain === 0) for (const channel of mix) channel.fill(0);
  else if (gain !== 1) for (const channel of mix) for (let k = 0; k < frames; k++) channel[k] = channel[k]! * gain;
  return mix;
}
