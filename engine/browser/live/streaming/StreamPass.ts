import type { ClipPlacement } from '../../../common/graph/clipPlacement';
import { scheduleClipGain } from '../../../common/graph/scheduleClip';
import { planRun, type RunPlan } from '../../../common/streaming/planRun';
import { SwitchGate } from '../../../common/streaming/SwitchGate';
import type { LiveStreams, StreamNode, StreamRun } from './LiveStreams';

/** Where a clip plays: its track's stream node output, and the clip's gain node after it. */
export interface ClipOutput {
  readonly node: StreamNode;
  readonly output: number;
  readonly channels: number;
  readonly input: GainNode;
}

/** Runs are made this far ahead of the frame they start at (the rest as playback approaches them). */
const HORIZON_SECONDS = 8;

/**
 * One pass of playback: every clip heard from timeline second `from`, up
 * to `until` (a loop's end) or the clips' ends, as runs of the stream
 * worker. Made before it is anchored (so the blocks around the playhead
 * load, and stretched audio renders, before play starts); anchored at the
 * context frame where `from` plays; cut where playback leaves it. Runs far
 * ahead are made only as playback approaches them, so memory stays seconds
 * of audio whatever the arrangement's length.
 *
 * A pass made `gated` (shared memory only) takes over from the pass
 * playing where its SwitchGate opens: started at once, it plays from the
 * first render quantum at which all its runs are rendered far enough
 * ahead, and the pass cut `atGate` fades out there.
 *
 * @example
 * const pass = new StreamPass(streams, context, placements, graph.outputs, 180, null);
 * await pass.ready;
 * pass.start(frame);   // timeline second 180 plays at context frame `frame`
 */
export class StreamPass {
  /** Resolves once every run starting near `from` has its first quarter second rendered. */
  readonly ready: Promise<void>;
  private readonly plans: { readonly placement: ClipPlacement; readonly plan: RunPlan; readonly output: ClipOutput }[] = [];
  private readonly runs: StreamRun[] = [];
  private launched = 0;
  private anchorFrame: number | null = null;
  private cutFrame: number | null = null;
  private readonly sampleRate: number;
  /** The gate this pass takes over at; null for a pass that starts at its anchor. */
  private readonly switchGate: SwitchGate | null = null;
  private readonly gateBuffer: SharedArrayBuffer | null = null;

  constructor(
    private readonly streams: LiveStreams,
    private readonly context: BaseAudioContext,
    placements: readonly ClipPlacement[],
    outputs: ReadonlyMap<string, ClipOutput>,
    readonly from: number,
    /** Timeline second the pass ends at (a loop's end), or null to play to the end. */
    readonly until: number | null,
    gated = false,
  ) {
    this.sampleRate = context.sampleRate;
    const end = until === null ? Infinity : Math.round((until - from) * this.sampleRate);
    for (const placement of placements) {
      const output = outputs.get(placement.clip.id);
      const plan = output ? planRun(placement, from, this.sampleRate) : null;
      if (plan && output && plan.offset < end) this.plans.push({ placement, plan, output });
    }
    this.plans.sort((a, b) => a.plan.offset - b.plan.offset);
    const horizon = Math.round(HORIZON_SECONDS * this.sampleRate);
    const first = this.plans.filter((p) => p.plan.offset < horizon).map((p) => p.plan);
    if (gated && streams.sharedMemory && first.length > 0) {
      this.gateBuffer = SwitchGate.create(first);
      this.switchGate = new SwitchGate(this.gateBuffer);
    }
    this.launchUntil(horizon);
    this.ready = Promise.all(this.runs.map((r) => r.ready)).then(() => undefined);
  }

  /** The frame the pass ends at once anchored (its loop's end), or null. */
  get endFrame(): number | null {
    return this.anchorFrame === null || this.until === null ? null : this.anchorFrame + Math.round((this.until - this.from) * this.sampleRate);
  }

  get anchor(): number | null {
    return this.anchorFrame;
  }

  /** Whether the pass takes over at a gate (see the class comment). */
  get gated(): boolean {
    return this.switchGate !== null;
  }

  /** The context frame a gated pass took over at, once its gate has opened; null before. */
  get switchedAt(): number | null {
    const at = this.switchGate?.switchFrame ?? null;
    return at === null || this.anchorFrame === null ? null : this.anchorFrame + at;
  }

  /** The context frame at which a gated pass was first found ready to take over at its anchor (earlier or later than it); null before. */
  get readyAt(): number | null {
    const at = this.switchGate?.readyFrame ?? null;
    return at === null || this.anchorFrame === null ? null : this.anchorFrame + at;
  }

  /** Starts the pass: timeline second `from` plays at context frame `frame`; clip gains and fades are scheduled from there. */
  start(frame: number): void {
    this.anchorFrame = frame;
    const when = frame / this.sampleRate;
    for (const { placement, output } of this.plans) scheduleClipGain(this.context, placement, output.input.gain, this.from, when);
    for (const run of this.runs) this.place(run);
  }

  /** Makes (and places) the runs that start within the horizon of context frame `now`. */
  advance(now: number): void {
    if (this.anchorFrame === null) return;
    this.launchUntil(now - this.anchorFrame + Math.round(HORIZON_SECONDS * this.sampleRate));
  }

  /** Ends the pass at context frame `at` (a seek, a pause, a tempo change); a pass never started is dropped. */
  cut(at: number): void {
    if (this.anchorFrame === null) return this.discard();
    this.cutFrame = Math.min(this.cutFrame ?? Infinity, at);
    for (const run of this.runs) this.streams.cut(run, this.cutFrame);
    this.launched = this.plans.length;
  }

  /** Ends the pass where `successor`'s gate opens (the successor started and gated), fading out across the switch. */
  cutAtGate(successor: StreamPass): void {
    if (this.anchorFrame === null) return this.discard();
    if (!successor.gateBuffer || successor.anchorFrame === null) return this.cut(successor.anchorFrame ?? this.anchorFrame);
    // Nothing more is launched: the successor plays from the switch, seconds ahead of any run still to come.
    this.launched = this.plans.length;
    for (const run of this.runs) this.streams.cutAtGate(run, successor.gateBuffer, successor.anchorFrame);
  }

  /** Forgets a pass that never started. */
  discard(): void {
    if (this.anchorFrame !== null) return;
    this.streams.drop(this.runs);
    this.runs.length = 0;
    this.launched = this.plans.length;
  }

  private launchUntil(offset: number): void {
    while (this.launched < this.plans.length && this.plans[this.launched]!.plan.offset < offset) {
      const slot = this.launched;
      const { plan, output } = this.plans[this.launched++]!;
      if (this.cutFrame !== null && this.anchorFrame !== null && this.anchorFrame + plan.offset >= this.cutFrame) continue;
      const gate = this.gateBuffer && slot < this.switchGate!.count ? { buffer: this.gateBuffer, slot } : undefined;
      const run = this.streams.make(plan, output.node, output.output, output.channels, gate);
      this.runs.push(run);
      if (this.anchorFrame !== null) this.place(run);
    }
  }

  private place(run: StreamRun): void {
    this.streams.anchor(run, this.anchorFrame!);
    const end = this.endFrame;
    if (end !== null) this.streams.cut(run, end);
    if (this.cutFrame !== null) this.streams.cut(run, this.cutFrame);
  }
}
