import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { beatsToSeconds, secondsPerBeat } from '../../../shared/project/timing';
import type { ClipPlacement } from '../../common/graph/clipPlacement';
import type { Store } from '../Store';
import type { EngineGraph } from './EngineGraph';
import type { EngineState } from './EngineState';
import type { Metronome } from './Metronome';
import type { TransportClock } from './TransportClock';
import type { LiveStreams } from './streaming/LiveStreams';
import { StreamPass } from './streaming/StreamPass';
import { SwitchLead } from '../../common/streaming/SwitchLead';

/** Lead from "now" to where playback starts, a seek lands, or a tempo or key change is heard. */
const START_LEAD = 0.06;
const SWITCH_LEAD = 0.12;
/** A switch needs its audio ready this long before its time; aiming further ahead stops here. */
const SWITCH_MARGIN = 0.02;
const MAX_SWITCH_LEAD = 2;
/** Longest wait for the audio around the playhead before playing regardless (the gap is counted as underruns). */
const START_WAIT_MS = 3000;
const SEEK_WAIT_MS = 300;
/** How often playback makes the runs it approaches and follows its loop. */
const DRIVE_MS = 200;

/**
 * What the engine has loaded. The scheduler reads it at each use: a new
 * version may arrive while a start waits for its audio.
 */
export interface LiveScene {
  document: ProjectDocument | undefined;
  graph: EngineGraph | undefined;
  placements: readonly ClipPlacement[];
  /** Counts document versions: a start still waiting for its audio waits for the newer audio instead. */
  generation: number;
}

/** What the scheduler drives and reports to. */
export interface PassSchedulerParts {
  readonly context: AudioContext;
  readonly streams: LiveStreams;
  readonly clock: TransportClock;
  readonly metronome: Metronome;
  /** `playing`, `buffering`, `heardAt` and `changeHeardAfter` are set here. */
  readonly state: Store<EngineState>;
  readonly scene: LiveScene;
  /** Playback's first frame is scheduled (true) or playback stopped (false): the position readout follows. */
  readonly onPlaying: (playing: boolean) => void;
}

/**
 * When which stream pass plays: the pass cued while stopped, the one
 * playing, and a loop's next pass chained at the current one's end. Every
 * start, seek and change while playing makes a new pass and waits for its
 * audio before it takes over on a sample frame the transport, the runs and
 * the automation share; a later request supersedes an earlier one still
 * waiting.
 *
 * @example
 * const playback = new PassScheduler({ context, streams, clock, metronome, state, scene, onPlaying });
 * playback.cue(0);                                        // stopped: the audio at beat 0 loads
 * const startTime = await playback.start(0, 0, true);     // plays once it is in
 * playback.halt(context.currentTime);
 */
export class PassScheduler {
  private readonly context: AudioContext;
  private readonly streams: LiveStreams;
  private readonly clock: TransportClock;
  private readonly metronome: Metronome;
  private readonly state: Store<EngineState>;
  private readonly scene: LiveScene;
  private readonly onPlaying: (playing: boolean) => void;
  /** Ready to play from the stopped playhead. */
  private cued: StreamPass | null = null;
  /** Playing now, and the loop's next pass (started at the current one's end). */
  private current: StreamPass | null = null;
  private next: StreamPass | null = null;
  /** Passes cut at the gate of a change not yet heard (a pause meanwhile must cut them too). */
  private leaving: StreamPass[] = [];
  private readonly switchLead = new SwitchLead(SWITCH_LEAD);
  private request = 0;
  private driver: ReturnType<typeof setInterval> | undefined;

  constructor(parts: PassSchedulerParts) {
    this.context = parts.context;
    this.streams = parts.streams;
    this.clock = parts.clock;
    this.metronome = parts.metronome;
    this.state = parts.state;
    this.scene = parts.scene;
    this.onPlaying = parts.onPlaying;
  }

  /**
   * Starts the transport from `fromBeat` once the audio there is in, with
   * `countInBeats` metronome clicks before it; resolves with the context
   * time it plays at (or at once, with the current time, if superseded).
   */
  async start(fromBeat: number, countInBeats: number, loop: boolean): Promise<number> {
    const request = ++this.request;
    this.state.set({ playing: true, buffering: true });
    await this.context.resume();
    const cued = this.cued;
    this.cued = null;
    let pass = cued && cued.from === this.secondsOf(fromBeat) && (cued.until !== null) === loop ? cued : this.newPass(fromBeat, loop);
    if (pass !== cued) cued?.discard();
    // Wait for the audio around the playhead; an edit meanwhile means other audio, so wait for that instead.
    for (;;) {
      const generation = this.scene.generation;
      await within(pass.ready, START_WAIT_MS);
      if (request !== this.request) {
        pass.discard();
        return this.context.currentTime;
      }
      if (generation === this.scene.generation) break;
      pass.discard();
      pass = this.newPass(fromBeat, loop);
    }
    const document = this.scene.document!;
    const spb = secondsPerBeat(document.bpm);
    const startTime = this.frameTime(this.context.currentTime + START_LEAD + (countInBeats > 0 ? 0.1 + countInBeats * spb : 0));
    const beatsPerBar = document.timeSignature[0];
    for (let k = 0; k < countInBeats; k++) this.metronome.click(startTime - (countInBeats - k) * spb, k % beatsPerBar === 0);
    this.clock.start(startTime, fromBeat, countInBeats > 0);
    this.begin(pass, startTime);
    this.state.set({ buffering: false, heardAt: this.performanceTimeOf(startTime) });
    this.onPlaying(true);
    clearInterval(this.driver);
    this.driver = setInterval(() => this.drive(), DRIVE_MS);
    return startTime;
  }

  /** While playing: playback continues from `beat` as soon as the audio there is in (a few ms). */
  seek(beat: number): void {
    const request = ++this.request;
    const from = this.loopedBeat(beat);
    const pass = this.newPass(from, this.clock.looping);
    void within(pass.ready, SEEK_WAIT_MS).then(() => {
      if (request !== this.request || !this.state.get().playing) return pass.discard();
      const time = this.frameTime(this.context.currentTime + START_LEAD);
      this.clock.jump(from, time);
      this.begin(pass, time);
      this.state.set({ heardAt: this.performanceTimeOf(time) });
    });
  }

  /**
   * An arrangement, tempo or key change while playing (asked for at context
   * time `requested`): the new audio takes over from a beat a moment ahead,
   * once its first quarter second is rendered — at exactly the time the
   * transport reaches that beat, so the change is seamless. If it is not
   * ready in time (a slow machine), it aims further ahead and tries again;
   * the old audio plays meanwhile.
   */
  switchWhenReady(requested: number, lead = SWITCH_LEAD, gated = this.streams.sharedMemory): void {
    if (gated) return this.switchAtGate(requested);
    const request = ++this.request;
    const time = this.frameTime(this.context.currentTime + lead);
    const beat = this.clock.beatAt(time);
    const from = this.loopedBeat(beat);
    const pass = this.newPass(from, this.clock.looping);
    void within(pass.ready, 2 * lead * 1000).then(() => {
      if (request !== this.request || !this.state.get().playing) return pass.discard();
      if (time - this.context.currentTime < SWITCH_MARGIN && lead < MAX_SWITCH_LEAD) {
        pass.discard();
        return this.switchWhenReady(requested, lead * 2, false);
      }
      this.clock.changeTempo(this.scene.document!.bpm, time);
      if (from !== beat) this.clock.jump(from, time);
      this.begin(pass, time);
      this.state.set({ changeHeardAfter: time - requested, heardAt: this.performanceTimeOf(time) });
    });
  }

  /**
   * The same with shared memory, decided on the audio thread: the new pass
   * starts at once, aimed a learned lead ahead; it takes over at the first
   * render quantum at or after that at which its audio is ready (a
   * SwitchGate), crossfading — a page busy showing the change delays
   * nothing. A late gate plays the new audio from where the transport is
   * (a few ms of the new version skipped). Never open after
   * MAX_SWITCH_LEAD (a stream failed): the plain switch takes over.
   */
  private switchAtGate(requested: number): void {
    ++this.request;
    const made = this.context.currentTime;
    const time = this.frameTime(made + this.switchLead.seconds);
    const beat = this.clock.beatAt(time);
    const from = this.loopedBeat(beat);
    const pass = this.newPass(from, this.clock.looping, true);
    if (!pass.gated) return this.switchWhenReady(requested, SWITCH_LEAD, false);
    this.clock.changeTempo(this.scene.document!.bpm, time);
    if (from !== beat) this.clock.jump(from, time);
    this.begin(pass, time);
    const watch = () => {
      if (this.current !== pass || !this.state.get().playing) return;
      const at = pass.switchedAt;
      if (at === null)
        return this.context.currentTime - made < MAX_SWITCH_LEAD ? void setTimeout(watch, 5) : this.switchWhenReady(requested, SWITCH_LEAD, false);
      this.leaving = [];
      this.switchLead.observe((pass.readyAt ?? at) / this.context.sampleRate - made);
      this.state.set({ changeHeardAfter: at / this.context.sampleRate - requested, heardAt: this.performanceTimeOf(at / this.context.sampleRate) });
    };
    watch();
  }

  /** Stops at context time `at`: the transport pauses, every pass is cut, any waiting request is dropped. */
  halt(at: number): void {
    this.request++;
    const frame = Math.round(at * this.context.sampleRate);
    this.clock.pause(at);
    for (const pass of [...this.leaving, this.current, this.next]) pass?.cut(frame);
    this.current = this.next = null;
    this.leaving = [];
    clearInterval(this.driver);
    this.state.set({ playing: false, buffering: false });
    this.onPlaying(false);
  }

  /** While stopped: the runs around `beat` made ahead, so play starts at once. */
  cue(beat: number): void {
    this.cued?.discard();
    const { document, graph } = this.scene;
    this.cued = document && graph ? this.newPass(this.loopedBeat(beat), document.loop.enabled) : null;
  }

  /** Forgets the cued pass (its graph is going away). */
  uncue(): void {
    this.cued?.discard();
    this.cued = null;
  }

  /** Where playback starts from `beat`: past a loop's end, the transport wraps to its start. */
  loopedBeat(beat: number): number {
    const loop = this.scene.document?.loop;
    return loop && loop.enabled && loop.end > loop.start && beat >= loop.end ? loop.start : beat;
  }

  dispose(): void {
    this.halt(this.context.currentTime);
    this.uncue();
  }

  /** Makes `pass` the one playing from context time `time` (a gated pass: from where its gate opens): what played before ends there. */
  private begin(pass: StreamPass, time: number): void {
    const frame = Math.round(time * this.context.sampleRate);
    const before = [...this.leaving, this.current, this.next].filter((p) => p !== null);
    this.leaving = pass.gated ? before : [];
    for (const old of before) {
      if (pass.gated) old.cutAtGate(pass);
      else old.cut(frame);
    }
    for (const chain of this.scene.graph?.mix.tracks.values() ?? []) chain.scheduleAutomation(this.scene.document!.bpm, pass.from, time);
    pass.start(frame);
    this.current = pass;
    this.next = null;
    this.chainLoop();
  }

  /** While looping, the next pass (from the loop's start) starts where the current one ends. */
  private chainLoop(): void {
    const end = this.current?.endFrame;
    if (end === null || end === undefined || this.next) return;
    const document = this.scene.document!;
    const next = this.newPass(document.loop.start, true);
    next.start(end);
    for (const chain of this.scene.graph?.mix.tracks.values() ?? []) chain.scheduleAutomation(document.bpm, next.from, end / this.context.sampleRate);
    this.next = next;
  }

  private drive(): void {
    const now = Math.round(this.context.currentTime * this.context.sampleRate);
    if (this.next && this.next.anchor !== null && now >= this.next.anchor) {
      this.current = this.next;
      this.next = null;
      this.chainLoop();
    }
    this.current?.advance(now);
    this.next?.advance(now);
  }

  private newPass(beat: number, loop: boolean, gated = false): StreamPass {
    const { start, end } = this.scene.document!.loop;
    const until = loop && end > start && beat < end ? this.secondsOf(end) : null;
    return new StreamPass(this.streams, this.context, this.scene.placements, this.scene.graph!.outputs, this.secondsOf(beat), until, gated);
  }

  private secondsOf(beat: number): number {
    return beatsToSeconds(beat, this.scene.document!.bpm);
  }

  /** A context time on a sample frame, so runs, the transport and automation agree to the sample. */
  private frameTime(time: number): number {
    return Math.ceil(time * this.context.sampleRate) / this.context.sampleRate;
  }

  /** performance.now() at which audio scheduled at context time `time` reaches the speakers. */
  private performanceTimeOf(time: number): number {
    return performance.now() + (time - this.context.currentTime + (this.context.outputLatency || this.context.baseLatency || 0)) * 1000;
  }
}

/** Resolves when `promise` does, or after `ms` — whichever comes first. */
function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([promise.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}
