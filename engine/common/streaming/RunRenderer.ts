import type { SignalsmithWasm } from '../stretch/loadSignalsmith';
import { inputFramesFor, StretchVoice, type ReadFrames } from '../stretch/StretchVoice';
import type { RunPlan, RunSegment } from './planRun';

/** Source frames [from, to) some rendering will read. */
export interface FrameSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * Renders a run's frames in order, in pieces of any size: copies of the
 * source where it plays untouched, a StretchVoice per stretched segment
 * (a fresh Signalsmith core each, from `takeCore`, so the samples equal
 * the offline render's for a segment heard from its start).
 *
 * @example
 * const renderer = new RunRenderer(plan, 2, 44100, readSource, () => pool.take());
 * const made = renderer.render([left, right], 0, 4096);
 */
export class RunRenderer {
  private index = 0;
  private within = 0;
  private voice: StretchVoice | null = null;
  private rendered = 0;

  constructor(
    readonly plan: RunPlan,
    private readonly channels: number,
    private readonly sampleRate: number,
    private readonly read: ReadFrames,
    private readonly takeCore: () => SignalsmithWasm | undefined,
  ) {}

  /** Frames rendered so far. */
  get position(): number {
    return this.rendered;
  }

  get done(): boolean {
    return this.rendered >= this.plan.frames;
  }

  /** The source frames rendering the next `count` frames reads (to fetch them first). */
  inputNeeded(count: number): FrameSpan {
    let from = Infinity;
    let to = -Infinity;
    let left = Math.min(count, this.plan.frames - this.rendered);
    for (let i = this.index, within = this.within; left > 0 && i < this.plan.segments.length; i++, within = 0) {
      const segment = this.plan.segments[i]!;
      const n = Math.min(left, segment.frames - within);
      const span = this.spanOf(segment, i === this.index ? this.voice : null, within, n);
      [from, to] = [Math.min(from, span.from), Math.max(to, span.to)];
      left -= n;
    }
    return from < to ? { from, to } : { from: 0, to: 0 };
  }

  /**
   * Carries on from run frame `frame` (later than `position`): a renderer
   * that fell behind the audio thread skips what can no longer be heard. A
   * stretched segment restarts its stretcher there.
   */
  skipTo(frame: number): void {
    let left = Math.min(frame, this.plan.frames);
    let index = 0;
    while (index < this.plan.segments.length && left >= this.plan.segments[index]!.frames) left -= this.plan.segments[index++]!.frames;
    this.index = index;
    this.within = left;
    this.voice = null;
    this.rendered = Math.min(frame, this.plan.frames);
  }

  /** Renders up to `count` frames into `out[c][offset…]`; returns how many (fewer when a stretcher core is not ready yet). */
  render(out: readonly Float32Array[], offset: number, count: number): number {
    let made = 0;
    while (made < count && this.index < this.plan.segments.length) {
      const segment = this.plan.segments[this.index]!;
      const n = Math.min(count - made, segment.frames - this.within);
      if (stretched(segment)) {
        if (!this.voice) {
          const core = this.takeCore();
          if (!core) break;
          this.voice = new StretchVoice(core, this.channels, this.sampleRate, segment, voiceStart(segment, this.within), this.read);
        }
        this.voice.render(out, offset + made, n);
      } else {
        this.read(
          segment.sourceFrame + this.within,
          n,
          out.map((c) => c.subarray(offset + made, offset + made + n)),
        );
      }
      made += n;
      this.within += n;
      if (this.within >= segment.frames) {
        this.index++;
        this.within = 0;
        this.voice = null;
      }
    }
    this.rendered += made;
    return made;
  }

  private spanOf(segment: RunSegment, voice: StretchVoice | null, within: number, frames: number): FrameSpan {
    if (!stretched(segment)) return { from: segment.sourceFrame + within, to: segment.sourceFrame + within + frames };
    if (voice) return voice.inputNeeded(frames);
    const start = voiceStart(segment, within);
    return { from: start, to: start + inputFramesFor(frames, segment, this.sampleRate) };
  }
}

/** The source frame a stretcher started `within` frames into a segment reads first. */
function voiceStart(segment: RunSegment, within: number): number {
  return segment.sourceFrame + Math.round(within / segment.timeFactor);
}

function stretched(segment: RunSegment): boolean {
  return segment.timeFactor !== 1 || segment.semitones !== 0;
}
