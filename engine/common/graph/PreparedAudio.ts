import { inputFramesFor, type StretchOptions } from '../stretch/StretchVoice';
import { Resampler, type ResamplerDesign } from '../dsp/Resampler';
import { preparationKey, type Preparation } from './clipPlacement';

/**
 * Decoded audio of a blob, one array per channel, at `sampleRate` (when the
 * loader says; otherwise at the engine's rate) — and, when the loader
 * decoded into one, the AudioBuffer those arrays view, so it can be played
 * without another copy.
 *
 * @example
 * const channels: DecodedChannels = await engine.sourceAudio(source.sha256);
 * channels.length;          // channel count
 * channels.sampleRate;      // the rate they were decoded at, when the loader says
 */
export type DecodedChannels = Float32Array[] & { audioBuffer?: AudioBuffer; sampleRate?: number };
/**
 * Decoded audio of a blob by its SHA-256: each host's loader (PCM cache on disk, or over HTTP in the page).
 *
 * @example
 * const load: LoadAudio = contentStoreAudio(PcmCache.of(store));
 * const channels = await load(stem.sha256);
 */
export type LoadAudio = (sha256: string) => Promise<DecodedChannels>;
/** Time-stretch / pitch-shift (a worker in the page, the WASM directly in Node). */
export type Stretch = (channels: readonly Float32Array[], sampleRate: number, options: StretchOptions) => Promise<Float32Array[]>;

/**
 * Audio ready to schedule offline: each source decoded once and, per clip
 * span, tempo and key, stretched and shifted once, then kept as an
 * AudioBuffer. A stretched span starts its stretcher at the clip's first
 * source frame, as the live stream does, so a render and live playback of
 * a clip are the same samples.
 * With `lazyBuffers` (offline renders, which play many clips as block DSP)
 * the channels are kept as they came, and an AudioBuffer is made — a copy —
 * only for a clip the graph plays.
 *
 * @example
 * const audio = new PreparedAudio(context, pcmAudioLoader(), workerStretch);
 * const vocals = await audio.source(sha256);   // decoded once, shared by every clip of that source
 * audio.clear();
 */
export class PreparedAudio {
  private readonly decoded = new Map<string, Promise<DecodedChannels>>();
  private readonly prepared = new Map<string, Promise<DecodedChannels>>();
  private readonly ready = new Map<string, DecodedChannels>();
  private readonly buffers = new Map<string, AudioBuffer>();
  private readonly resamplers = new Map<number, Resampler>();
  private released = false;

  constructor(
    private readonly context: BaseAudioContext,
    private readonly load: LoadAudio,
    private readonly stretch: Stretch,
    private readonly options: { readonly lazyBuffers?: boolean } = {},
  ) {}

  /** Prepares everything in `preparations`; reports progress as preparations complete. */
  async prepareAll(preparations: readonly Preparation[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const unique = new Map(preparations.map((p) => [preparationKey(p), p]));
    let done = 0;
    onProgress?.(0, unique.size);
    await Promise.all(
      [...unique.values()].map(async (p) => {
        await this.prepareOne(p);
        onProgress?.(++done, unique.size);
      }),
    );
  }

  /** The prepared buffer (after `prepareAll`), or undefined if it is not ready. */
  buffer(preparation: Preparation): AudioBuffer | undefined {
    const key = preparationKey(preparation);
    const existing = this.buffers.get(key);
    if (existing) return existing;
    const channels = this.ready.get(key);
    if (!channels) return undefined;
    const buffer = this.bufferOf(channels);
    if (!this.released) this.buffers.set(key, buffer);
    return buffer;
  }

  /** The prepared audio as channels at the context's rate (after `prepareAll`, with `lazyBuffers`), or undefined if it is not ready. */
  channels(preparation: Preparation): readonly Float32Array[] | undefined {
    const key = preparationKey(preparation);
    const buffer = this.buffers.get(key);
    return this.ready.get(key) ?? (buffer && Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)));
  }

  /** The sources this instance brought to the context's rate (a mastering-grade resampler, once per source). */
  resamplings(): ResamplerDesign[] {
    return [...this.resamplers.values()].map((r) => r.design);
  }

  /** The decoded source at its own tempo and pitch, at the context's rate (waveforms at sample level, recording alignment). */
  source(sha256: string): Promise<DecodedChannels> {
    let pending = this.decoded.get(sha256);
    if (!pending) {
      pending = this.load(sha256).then((channels) => this.atContextRate(channels));
      pending.catch(() => this.decoded.delete(sha256));
      if (!this.released) this.decoded.set(sha256, pending);
    }
    return pending;
  }

  /**
   * Lets go of every decoded and prepared buffer (the project closed): a
   * 16-stem project holds over a gigabyte, which must not wait for the last
   * stray reference to the engine to disappear. Loads still in flight are
   * dropped when they finish.
   */
  clear(): void {
    this.released = true;
    this.decoded.clear();
    this.prepared.clear();
    this.ready.clear();
    this.buffers.clear();
  }

  /** Forgets prepared variants no current preparation uses (after tempo or key changes). */
  keepOnly(preparations: readonly Preparation[]): void {
    const keep = new Set(preparations.map(preparationKey));
    for (const key of [...this.prepared.keys()]) {
      if (!keep.has(key)) {
        this.prepared.delete(key);
        this.ready.delete(key);
        this.buffers.delete(key);
      }
    }
  }

  private prepareOne(p: Preparation): Promise<DecodedChannels> {
    const key = preparationKey(p);
    let pending = this.prepared.get(key);
    if (!pending) {
      pending = (async () => {
        const channels = await this.source(p.sha256);
        const untouched = p.timeFactor === 1 && p.semitones === 0;
        const audio: DecodedChannels = untouched ? channels : await this.stretch(spanOf(channels, p, this.context.sampleRate), this.context.sampleRate, p);
        // Eager, the channels are let go once copied (the buffer is what plays); lazy, they are kept until a clip needs the buffer.
        if (!this.released) {
          if (this.options.lazyBuffers) this.ready.set(key, audio);
          else this.buffers.set(key, this.bufferOf(audio));
        }
        return audio;
      })();
      pending.catch(() => this.prepared.delete(key));
      if (!this.released) this.prepared.set(key, pending);
    }
    return pending;
  }

  /** An AudioBuffer of the channels: the decoder's own when they view one (16 stems × 4 min is 1.4 GB: never copy it twice), else a copy. */
  private bufferOf(audio: DecodedChannels): AudioBuffer {
    if (audio.audioBuffer?.sampleRate === this.context.sampleRate) return audio.audioBuffer;
    const buffer = this.context.createBuffer(audio.length, Math.max(1, audio[0]!.length), this.context.sampleRate);
    audio.forEach((data, c) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c));
    return buffer;
  }

  /** A source recorded at another rate, brought to the context's by the band-limited resampler (never the decoder's). */
  private atContextRate(channels: DecodedChannels): DecodedChannels {
    const from = channels.sampleRate ?? this.context.sampleRate;
    const to = this.context.sampleRate;
    if (from === to) return channels;
    let resampler = this.resamplers.get(from);
    if (!resampler) this.resamplers.set(from, (resampler = new Resampler(from, to)));
    return Object.assign(resampler.process(channels), { sampleRate: to });
  }
}

/** The part of a source a stretched preparation reads: from its span's first frame, as far as its stretch may look. */
function spanOf(channels: DecodedChannels, p: Preparation, sampleRate: number): Float32Array[] {
  const span = p.span ?? { start: 0, seconds: channels[0]!.length / sampleRate };
  const start = Math.min(channels[0]!.length, Math.round(span.start * sampleRate));
  const end = Math.min(channels[0]!.length, start + inputFramesFor(Math.ceil(span.seconds * p.timeFactor * sampleRate), p, sampleRate));
  return channels.map((c) => c.subarray(start, end));
}
