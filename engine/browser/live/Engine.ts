import * as Tone from 'tone';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { beatsToSeconds, secondsPerBeat } from '../../../shared/project/timing';
import { Store } from '../Store';
import { placeClips, type ClipPlacement } from '../../common/graph/clipPlacement';
import { PreparedAudio, type DecodedChannels } from '../../common/graph/PreparedAudio';
import { renderProject, type RenderedMix } from '../../common/render/renderProject';
import { workerStretch } from '../stretch/workerStretch';
import { browserRenderEnvironment } from './browserRenderEnvironment';
import { pcmAudioLoader } from './pcmAudioLoader';
import { EngineGraph, graphShape } from './EngineGraph';
import { Meters, type Levels } from './Meters';
import { Metronome } from './Metronome';
import { TransportClock } from './TransportClock';
import { LiveStreams, type StreamStats } from './streaming/LiveStreams';
import { StreamPass } from './streaming/StreamPass';
import { SwitchLead } from '../../common/streaming/SwitchLead';
import limiterUrl from './limiterProcessor.ts?worker&url';

/** What changes seldom: components re-render on it freely. */
export interface EngineState {
  readonly status: 'empty' | 'loading' | 'ready' | 'error';
  readonly playing: boolean;
  /** Play was pressed; the audio around the playhead is still arriving. */
  readonly buffering: boolean;
  readonly loop: boolean;
  readonly metronome: boolean;
  /** Render quanta in which a clip's audio had not arrived in time (played as silence). */
  readonly underruns: number;
  /** Seconds from the last change while playing (tempo, key, arrangement) until its audio played; null before any. */
  readonly changeHeardAfter: number | null;
  /**
   * When the last start, seek or change while playing is heard: its first frame at
   * the speakers (output latency included), on the page's performance.now()
   * clock, so a caller can time it from its own click or key press; null
   * before any.
   */
  readonly heardAt: number | null;
  readonly error: string | null;
}

/** What changes every frame while playing: read it through selectors (see useStore). */
export interface EnginePosition {
  readonly positionBeats: number;
  readonly positionSeconds: number;
  readonly levels: Levels;
}

const silent: Levels = { master: [0, 0], tracks: {} };
/** Lead from "now" to where playback starts, a seek lands, or a tempo or key change is heard. */
const START_LEAD = 0.06;
const SWITCH_LEAD = 0.12;
/** A switch needs its audio ready this long before its time; aiming further ahead stops here. */
const SWITCH_MARGIN = 0.02;
const MAX_SWITCH_LEAD = 2;
/** Longest wait for the audio around the playhead before playing regardless (the gap is counted as underruns). */
const START_WAIT_MS = 3000;
const SEEK_WAIT_MS = 300;
/** Longest delay of an underrun count on its way to `state` (the readout). */
const STATS_MS = 250;
/** How often playback makes the runs it approaches and follows its loop. */
const DRIVE_MS = 200;

/**
 * Live playback of a project, streamed: each clip is a run of the stream
 * worker (PCM cache → stretcher → shared ring) played by its track's
 * stream node into the same MixGraph the offline render builds. Opening a
 * document decodes nothing; play starts once the blocks around the
 * playhead are in; tempo, key and arrangement changes are heard while
 * playing. Tone's Transport is the clock (position, loop, metronome).
 * Components read `state` (seldom changes) and `position` (every frame),
 * and call methods; they never touch an audio node.
 *
 * @example
 * const engine = new Engine(sharedAudioContext(document.sampleRate));
 * await engine.setDocument(document);
 * engine.seek(128);
 * await engine.play();
 */
export class Engine {
  readonly state = new Store<EngineState>({ status: 'empty', playing: false, buffering: false, loop: false, metronome: false, underruns: 0, changeHeardAfter: null, heardAt: null, error: null });
  readonly position = new Store<EnginePosition>({ positionBeats: 0, positionSeconds: 0, levels: silent });
  private readonly streams: LiveStreams;
  private readonly clock: TransportClock;
  private readonly metronome: Metronome;
  private readonly meters: Meters;
  private document: ProjectDocument | undefined;
  private graph: EngineGraph | undefined;
  private shape = '';
  private placements: ClipPlacement[] = [];
  private limiter: Promise<AudioWorkletNode | null> | undefined;
  /** Ready to play from `beat` while stopped. */
  private cued: StreamPass | null = null;
  /** Playing now, and the loop's next pass (started at the current one's end). */
  private current: StreamPass | null = null;
  private next: StreamPass | null = null;
  /** Passes cut at the gate of a change not yet heard (a pause meanwhile must cut them too). */
  private leaving: StreamPass[] = [];
  private readonly switchLead = new SwitchLead(SWITCH_LEAD);
  /** Where the transport stands while stopped. */
  private beat = 0;
  private offline: PreparedAudio | undefined;
  private generation = 0;
  private playRequest = 0;
  private frame = 0;
  private driver: ReturnType<typeof setInterval> | undefined;

  constructor(readonly context: AudioContext) {
    Tone.setContext(context);
    const transport = Tone.getTransport();
    this.clock = new TransportClock(transport);
    this.metronome = new Metronome(context, transport);
    this.meters = new Meters(context);
    this.streams = new LiveStreams(context);
    // Every stream node reports ~20 times a second; while audio is missing each report is a new count, and
    // `state` re-renders the toolbar. The count reaches it at most every STATS_MS (an error at once).
    let pending: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      pending = undefined;
      const { underruns, error } = this.streams.stats.get();
      this.state.set({ underruns, ...(error ? { error } : {}) });
    };
    this.streams.stats.subscribe(() => {
      if (this.streams.stats.get().error && this.streams.stats.get().error !== this.state.get().error) publish();
      else pending ??= setTimeout(publish, STATS_MS);
    });
    this.tick = this.tick.bind(this);
  }

  /**
   * Shows a new version of the document. A mix change (fader, pan, mute,
   * solo, effect parameter) glides in at once; an arrangement, tempo or
   * key change is heard from a moment later while playing (or cued from
   * the playhead while stopped); a change of tracks, clips or effects
   * rebuilds the graph. Never moves the playhead.
   */
  async setDocument(document: ProjectDocument): Promise<void> {
    const previous = this.document;
    this.document = document;
    if (previous && this.graph && sameSchedule(previous, document) && this.graph.mix.applyMix(document)) return;
    const generation = ++this.generation;
    try {
      const shape = graphShape(document);
      let resume = false;
      if (!this.graph || shape !== this.shape) {
        if (!this.graph) this.state.set({ status: 'loading' });
        const channels = await this.sourceChannels(document);
        if (generation !== this.generation) return;
        const graph = await EngineGraph.build(this.context, this.streams, document, (sha) => channels.get(sha) ?? 2);
        if (generation !== this.generation) return graph.dispose();
        resume = await this.install(graph, document);
        this.shape = shape;
      } else this.graph.mix.applyMix(document);
      if (generation !== this.generation) return;
      this.placements = placeClips(document);
      this.clock.follow(document);
      this.state.set({ status: 'ready', loop: document.loop.enabled });
      const { playing, buffering } = this.state.get();
      if (playing && !buffering) this.switchWhenReady(this.context.currentTime);
      else if (!playing) this.cue();
      this.showPosition(this.beat);
      if (resume) void this.play();
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    }
  }

  async play(): Promise<void> {
    if (this.state.get().status !== 'ready' || this.state.get().playing || !this.document) return;
    await this.startAt(this.loopedBeat(this.beat), 0, true);
  }

  /**
   * Starts the transport from `fromBeat` exactly at context time
   * `startTime` (recording needs the instant), optionally with
   * `countInBeats` metronome clicks before it and the loop off for this
   * pass. Resolves with that time and the timeline second it plays.
   */
  async playAt(fromBeat: number, countInBeats: number, options: { loop: boolean }): Promise<{ startTime: number; startSeconds: number }> {
    if (!this.document) throw new Error('No project is loaded.');
    if (this.state.get().playing) this.pause();
    if (!options.loop) this.clock.looping = false;
    const startTime = await this.startAt(Math.max(0, fromBeat), countInBeats, options.loop);
    return { startTime, startSeconds: beatsToSeconds(Math.max(0, fromBeat), this.document.bpm) };
  }

  /** Puts the document's loop setting back after a pass that turned it off. */
  restoreLoop(): void {
    if (this.document) this.clock.follow(this.document);
  }

  pause(): void {
    if (!this.state.get().playing) return;
    const now = this.context.currentTime;
    const beat = this.clock.beatAt(now);
    this.halt(now);
    this.beat = Math.max(0, beat);
    this.showPosition(this.beat);
    this.cue();
  }

  togglePlay(): Promise<void> | void {
    return this.state.get().playing ? this.pause() : this.play();
  }

  /** Stops and returns to the start. */
  stop(): void {
    if (this.state.get().playing) this.halt(this.context.currentTime);
    this.beat = 0;
    this.showPosition(0);
    this.cue();
  }

  /** Moves the playhead; while playing, playback continues from there as soon as the audio there is in (a few ms). */
  seek(beats: number): void {
    if (!this.document) return;
    const target = Math.max(0, beats);
    this.showPosition(target);
    if (!this.state.get().playing) {
      this.beat = target;
      this.cue();
      return;
    }
    const request = ++this.playRequest;
    const beat = this.loopedBeat(target);
    const pass = this.newPass(beat, this.clock.looping);
    void within(pass.ready, SEEK_WAIT_MS).then(() => {
      if (request !== this.playRequest || !this.state.get().playing) return pass.discard();
      const time = this.frameTime(this.context.currentTime + START_LEAD);
      this.clock.jump(beat, time);
      this.begin(pass, time);
      this.state.set({ heardAt: this.performanceTimeOf(time) });
    });
  }

  /** How the stream is doing: underruns, missing frames, shared memory or not, the busiest worker's load. */
  get streamStats(): StreamStats {
    return this.streams.stats.get();
  }

  setMetronome(on: boolean): void {
    this.metronome.enabled = on;
    this.state.set({ metronome: on });
  }

  /** A source's audio at this context's rate (from the PCM cache, whole: for offline work in the page). */
  sourceAudio(sha256: string): Promise<DecodedChannels> {
    return this.offlineAudio().source(sha256);
  }

  /** Renders the document offline in this page at the page's rate (what an export renders), from the PCM cache. */
  renderOffline(document: ProjectDocument, includeTail = true): Promise<RenderedMix> {
    return renderProject(document, browserRenderEnvironment((sha) => this.offlineAudio().source(sha)), { includeTail, sampleRate: this.context.sampleRate });
  }

  dispose(): void {
    this.generation++;
    this.playRequest++;
    this.halt(this.context.currentTime);
    this.clock.transport.cancel();
    this.cued?.discard();
    this.graph?.dispose();
    this.metronome.dispose();
    this.meters.dispose();
    this.streams.dispose();
    this.offline?.clear();
  }

  private async startAt(fromBeat: number, countInBeats: number, loop: boolean): Promise<number> {
    const request = ++this.playRequest;
    this.state.set({ playing: true, buffering: true });
    await this.context.resume();
    const cued = this.cued;
    this.cued = null;
    let pass = cued && cued.from === this.secondsOf(fromBeat) && (cued.until !== null) === loop ? cued : this.newPass(fromBeat, loop);
    if (pass !== cued) cued?.discard();
    // Wait for the audio around the playhead; an edit meanwhile means other audio, so wait for that instead.
    for (;;) {
      const generation = this.generation;
      await within(pass.ready, START_WAIT_MS);
      if (request !== this.playRequest) {
        pass.discard();
        return this.context.currentTime;
      }
      if (generation === this.generation) break;
      pass.discard();
      pass = this.newPass(fromBeat, loop);
    }
    const spb = secondsPerBeat(this.document!.bpm);
    const startTime = this.frameTime(this.context.currentTime + START_LEAD + (countInBeats > 0 ? 0.1 + countInBeats * spb : 0));
    const beatsPerBar = this.document!.timeSignature[0];
    for (let k = 0; k < countInBeats; k++) this.metronome.click(startTime - (countInBeats - k) * spb, k % beatsPerBar === 0);
    this.clock.start(startTime, fromBeat, countInBeats > 0);
    this.begin(pass, startTime);
    this.state.set({ buffering: false, heardAt: this.performanceTimeOf(startTime) });
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(this.tick);
    clearInterval(this.driver);
    this.driver = setInterval(() => this.drive(), DRIVE_MS);
    return startTime;
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
    for (const chain of this.graph?.mix.tracks.values() ?? []) chain.scheduleAutomation(this.document!.bpm, pass.from, time);
    pass.start(frame);
    this.current = pass;
    this.next = null;
    this.chainLoop();
  }

  /**
   * An arrangement, tempo or key change while playing: the new audio takes
   * over from a beat a moment ahead, once its first quarter second is
   * rendered — at exactly the time the transport reaches that beat, so the
   * change is seamless. If it is not ready in time (a slow machine), it
   * aims further ahead and tries again; the old audio plays meanwhile.
   */
  private switchWhenReady(requested: number, lead = SWITCH_LEAD, gated = this.streams.sharedMemory): void {
    if (gated) return this.switchAtGate(requested);
    const request = ++this.playRequest;
    const time = this.frameTime(this.context.currentTime + lead);
    const beat = this.clock.beatAt(time);
    const from = this.loopedBeat(beat);
    const pass = this.newPass(from, this.clock.looping);
    void within(pass.ready, 2 * lead * 1000).then(() => {
      if (request !== this.playRequest || !this.state.get().playing) return pass.discard();
      if (time - this.context.currentTime < SWITCH_MARGIN && lead < MAX_SWITCH_LEAD) {
        pass.discard();
        return this.switchWhenReady(requested, lead * 2, false);
      }
      this.clock.changeTempo(this.document!.bpm, time);
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
    ++this.playRequest;
    const made = this.context.currentTime;
    const time = this.frameTime(made + this.switchLead.seconds);
    const beat = this.clock.beatAt(time);
    const from = this.loopedBeat(beat);
    const pass = this.newPass(from, this.clock.looping, true);
    if (!pass.gated) return this.switchWhenReady(requested, SWITCH_LEAD, false);
    this.clock.changeTempo(this.document!.bpm, time);
    if (from !== beat) this.clock.jump(from, time);
    this.begin(pass, time);
    const watch = () => {
      if (this.current !== pass || !this.state.get().playing) return;
      const at = pass.switchedAt;
      if (at === null) return this.context.currentTime - made < MAX_SWITCH_LEAD ? void setTimeout(watch, 5) : this.switchWhenReady(requested, SWITCH_LEAD, false);
      this.leaving = [];
      this.switchLead.observe((pass.readyAt ?? at) / this.context.sampleRate - made);
      this.state.set({ changeHeardAfter: at / this.context.sampleRate - requested, heardAt: this.performanceTimeOf(at / this.context.sampleRate) });
    };
    watch();
  }

  /** While looping, the next pass (from the loop's start) starts where the current one ends. */
  private chainLoop(): void {
    const end = this.current?.endFrame;
    if (end === null || end === undefined || this.next) return;
    const next = this.newPass(this.document!.loop.start, true);
    next.start(end);
    for (const chain of this.graph?.mix.tracks.values() ?? []) chain.scheduleAutomation(this.document!.bpm, next.from, end / this.context.sampleRate);
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

  /** Stops at context time `at`: the transport pauses, every pass is cut. */
  private halt(at: number): void {
    this.playRequest++;
    const frame = Math.round(at * this.context.sampleRate);
    this.clock.pause(at);
    for (const pass of [...this.leaving, this.current, this.next]) pass?.cut(frame);
    this.current = this.next = null;
    this.leaving = [];
    clearInterval(this.driver);
    cancelAnimationFrame(this.frame);
    this.state.set({ playing: false, buffering: false });
    this.position.set({ levels: silent });
  }

  /** While stopped: the runs around the playhead made ahead, so play starts at once. */
  private cue(): void {
    this.cued?.discard();
    this.cued = this.document && this.graph ? this.newPass(this.loopedBeat(this.beat), this.document.loop.enabled) : null;
  }

  private newPass(beat: number, loop: boolean, gated = false): StreamPass {
    const document = this.document!;
    const { start, end } = document.loop;
    const until = loop && end > start && beat < end ? this.secondsOf(end) : null;
    return new StreamPass(this.streams, this.context, this.placements, this.graph!.outputs, this.secondsOf(beat), until, gated);
  }

  /** Puts a new graph in place of the old; returns whether playback was stopped for it (and should resume). */
  private async install(graph: EngineGraph, document: ProjectDocument): Promise<boolean> {
    const playing = this.state.get().playing && !this.state.get().buffering;
    if (playing) this.pause();
    this.cued?.discard();
    this.cued = null;
    this.graph?.dispose();
    graph.mix.seal();
    const limiter = await this.masterLimiter();
    limiter?.port.postMessage({ ceilingDb: document.master.limiterCeilingDb });
    graph.mix.master.connect(limiter ?? this.meters.masterInput);
    limiter?.connect(this.meters.masterInput);
    this.meters.watch(graph.mix);
    this.graph = graph;
    return playing;
  }

  private async sourceChannels(document: ProjectDocument): Promise<Map<string, number>> {
    const shas = [...new Set(document.sources.map((s) => s.sha256))];
    const headers = await Promise.all(shas.map((sha) => this.streams.header(sha).then((h) => h.channels, () => 2)));
    return new Map(shas.map((sha, i) => [sha, headers[i]!]));
  }

  private masterLimiter(): Promise<AudioWorkletNode | null> {
    this.limiter ??= this.context.audioWorklet
      .addModule(limiterUrl)
      .then(() => new AudioWorkletNode(this.context, 'stemroom-limiter', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] }))
      .catch((error: Error) => {
        this.state.set({ error: `The master limiter is unavailable (${error.message}); playback continues without it.` });
        return null;
      });
    return this.limiter;
  }

  private offlineAudio(): PreparedAudio {
    this.offline ??= new PreparedAudio(this.context, pcmAudioLoader(), workerStretch);
    return this.offline;
  }

  /** Where playback starts from `beat`: past a loop's end, the transport wraps to its start. */
  private loopedBeat(beat: number): number {
    const loop = this.document?.loop;
    return loop && loop.enabled && loop.end > loop.start && beat >= loop.end ? loop.start : beat;
  }

  private tick(): void {
    if (!this.state.get().playing || !this.document) return;
    const beat = this.clock.beatAt(this.context.currentTime);
    this.position.set({ positionBeats: beat, positionSeconds: beatsToSeconds(beat, this.document.bpm), levels: this.meters.read() });
    this.frame = requestAnimationFrame(this.tick);
  }

  private showPosition(beat: number): void {
    const bpm = this.document?.bpm ?? 120;
    this.position.set({ positionBeats: beat, positionSeconds: beatsToSeconds(beat, bpm) });
  }

  private secondsOf(beat: number): number {
    return beatsToSeconds(beat, this.document!.bpm);
  }

  /** performance.now() at which audio scheduled at context time `time` reaches the speakers. */
  private performanceTimeOf(time: number): number {
    return performance.now() + (time - this.context.currentTime + (this.context.outputLatency || this.context.baseLatency || 0)) * 1000;
  }

  /** A context time on a sample frame, so runs, the transport and automation agree to the sample. */
  private frameTime(time: number): number {
    return Math.ceil(time * this.context.sampleRate) / this.context.sampleRate;
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state.set({ status: 'error', error: `Playback problem: ${message}` });
  }
}

/** Resolves when `promise` does, or after `ms` — whichever comes first. */
function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([promise.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/** Whether two documents play the same audio at the same times (only the mix differs). */
function sameSchedule(a: ProjectDocument, b: ProjectDocument): boolean {
  if (a.bpm !== b.bpm || a.key !== b.key || a.clips !== b.clips || a.sources !== b.sources || a.loop !== b.loop) return false;
  if (a.tracks.length !== b.tracks.length) return false;
  return a.tracks.every((t, i) => {
    const u = b.tracks[i]!;
    return t.id === u.id && t.volumeAutomation === u.volumeAutomation && t.effects.length === u.effects.length && t.effects.every((e, j) => e.id === u.effects[j]!.id && e.enabled === u.effects[j]!.enabled);
  });
}
