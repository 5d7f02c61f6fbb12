/** One channel for the measuring worker: its samples and, for WAV, where its PCM lane goes (shared memory). */
export interface ChannelJob {
  readonly id: number;
  readonly channel: SharedArrayBuffer;
  readonly sampleRate: number;
  readonly index: number;
  readonly channelCount: number;
  readonly pcm: SharedArrayBuffer | null;
  readonly bitDepth: 16 | 24 | null;
  readonly seed: number;
}

export type ChannelJobResult =
  | { readonly id: number; readonly truePeakDb: number; readonly energies: Float64Array; readonly peaks: Int16Array }
  | { readonly id: number; readonly error: string };
