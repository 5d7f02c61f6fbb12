import type { RenderEnvironment } from '../../engine/common/render/renderProject';
import { createSignalsmith } from '../../engine/common/stretch/loadSignalsmith';
import { stretchChannels } from '../../engine/common/stretch/stretchChannels';
import { loadWebAudio } from '../../engine/node/webAudio';
import { residualDb } from '../../shared/dsp/residualDb';

/** A Node render environment over in-memory sources (sha256 → channels at 48 kHz). */
export async function testRenderEnvironment(sources: ReadonlyMap<string, Float32Array[]>): Promise<RenderEnvironment & { loads: string[] }> {
  const webAudio = await loadWebAudio();
  const loads: string[] = [];
  return {
    loads,
    createContext: (channels, frames, sampleRate) => new webAudio.OfflineAudioContext(channels, frames, sampleRate),
    load: async (sha256) => {
      loads.push(sha256);
      const channels = sources.get(sha256);
      if (!channels) throw new Error(`no source ${sha256}`);
      return channels.map((c) => c.slice());
    },
    stretch: async (channels, sampleRate, options) => stretchChannels(await createSignalsmith(), channels, sampleRate, options),
  };
}

/** Root-mean-square level of channels, in dBFS (−Infinity for silence). */
export function rmsDb(channels: readonly Float32Array[], from = 0, to = channels[0]?.length ?? 0): number {
  let sum = 0;
  let n = 0;
  for (const channel of channels) {
    for (let i = from; i < to; i++) sum += channel[i]! * channel[i]!;
    n += to - from;
  }
  return n === 0 || sum === 0 ? -Infinity : 10 * Math.log10(sum / n);
}

/** The largest sample difference between two renders, in dBFS (residualDb's peak over both lengths). */
export const maxDifferenceDb = (a: readonly Float32Array[], b: readonly Float32Array[]): number => residualDb(a, b);

/** Bit-for-bit equality of rendered channels (fast, unlike a generic deep equal over millions of samples). */
export function identicalSamples(a: readonly Float32Array[], b: readonly Float32Array[]): boolean {
  return (
    a.length === b.length &&
    a.every((channel, c) =>
      Buffer.from(channel.buffer, channel.byteOffset, channel.byteLength).equals(Buffer.from(b[c]!.buffer, b[c]!.byteOffset, b[c]!.byteLength)),
    )
  );
}
