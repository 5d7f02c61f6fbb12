import * as Tone from 'tone';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { beatsToSeconds } from '../../../shared/project/timing';
import { Store } from '../Store';
import { placeClips } from '../../common/graph/clipPlacement';
import { PreparedAudio, type DecodedChannels } from '../../common/graph/PreparedAudio';
import { renderProject, type RenderedMix } from '../../common/render/renderProject';
import { workerStretch } from '../stretch/workerStretch';
import { browserRenderEnvironment } from './browserRenderEnvironment';
import { pcmAudioLoader } from './pcmAudioLoader';
import { EngineGraph, graphShape } from './EngineGraph';
import { followStreamStats } from './followStreamStats';
import type { EnginePosition, EngineState } from './EngineState';
import { MasterOutput } from './MasterOutput';
import { silentLevels } from './Meters';
import { Metronome } from './Metronome';
import { PassScheduler, type LiveScene } from './PassScheduler';
import { sameSchedule } from './sameSchedule';
import { TransportClock } from './TransportClock';
import { LiveStreams, type StreamStats } from './streaming/LiveStreams';

/** Longest delay of an underrun count on its way to `state` (the readout). */
const STATS_MS = 250;

/**
 * Live playback of a project, streamed: each clip is a run of the stream
 * worker (PCM cache → stretcher → shared ring) played by its track's
 * stream node into the same MixGraph the offline render builds. Opening a
 * document decodes nothing; play starts once the blocks around the
 * playhead are in; tempo, key and arrangement changes are heard while
 * playing. Tone's Transport is the clock (position, loop, metronome).
 * Components read `state` (seldom changes) and `position` (every frame),
 * and call methods; they never touch an audio node. The parts: a
 * PassScheduler decides which stream pass plays when, the MasterOutput
 * limits and meters, the TransportClock keeps the beat.
 *
 * @example
 * const engine = new Engine(sharedAudioContext(document.sampleRate));
 * await engine.setDocument(document);
 * engine.seek(128);
 * await engine.play();
 */
export class Engine {
  readonly state = new Store<EngineState>({
    status: 'empty',
    playing: false,
    buffering: false,
    loop: false,
    metronome: false,
    underruns: 0,
    changeHeardAfter: null,
    heardAt: null,
    error: null,
  });
  readonly position = new Store<EnginePosition>({ positionBeats: 0, positionSeconds: 0, levels: silentLevels });
  private readonly streams: LiveStreams;
  private readonly clock: TransportClock;
  private readonly metronome: Metronome;
  private readonly output: MasterOutput;
  private readonly playback: PassScheduler;
  private readonly scene: LiveScene = { document: undefined, graph: undefined, placements: [], generation: 0 };
  private shape = '';
  /** Where the transport stands while stopped. */
  private beat = 0;
  private offline: PreparedAudio | undefined;
  private frame = 0;

  constructor(readonly context: AudioContext) {
    Tone.setContext(context);
    const transport = Tone.getTransport();
    this.clock = new TransportClock(transport);
    this.metronome = new Metronome(context, transport);
    this.output = new MasterOutput(context, (error) => this.state.set({ error }));
    this.streams = new LiveStreams(context);
    this.tick = this.tick.bind(this);
    this.playback = new PassScheduler({
      context,
      streams: this.streams,
      clock: this.clock,
      metronome: this.metronome,
      state: this.state,
      scene: this.scene,
      onPlaying: (playing) => {
        cancelAnimationFrame(this.frame);
        if (playing) this.frame = requestAnimationFrame(this.tick);
        else this.position.set({ levels: silentLevels });
      },
    });
    followStreamStats(this.streams.stats, this.state, STATS_MS);
  }

  /**
   * Shows a new version of the document. A mix change (fader, pan, mute,
   * solo, effect parameter) glides in at once; an arrangement, tempo or
   * key change is heard from a moment later while playing (or cued from
   * the playhead while stopped); a change of tracks, clips or effects
   * rebuilds the graph. Never moves the playhead.
   */
  async setDocument(document: ProjectDocument): Promise<void> {
    const previous = this.scene.document;
    this.scene.document = document;
    if (previous && previous.master.limiterCeilingDb !== document.master.limiterCeilingDb) this.output.setCeiling(document.master.limiterCeilingDb);
    if (previous && this.scene.graph && sameSchedule(previous, document) && this.scene.graph.mix.applyMix(document)) return;
    const generation = ++this.scene.generation;
    try {
      const shape = graphShape(document);
      let resume = false;
      if (!this.scene.graph || shape !== this.shape) {
        if (!this.scene.graph) this.state.set({ status: 'loading' });
        const channels = await this.sourceChannels(document);
        if (generation !== this.scene.generation) return;
        const graph = await EngineGraph.build(this.context, this.streams, document, (sha) => channels.get(sha) ?? 2);
        if (generation !== this.scene.generation) return graph.dispose();
        resume = await this.install(graph, document);
        this.shape = shape;
      } else this.scene.graph.mix.applyMix(document);
      if (generation !== this.scene.generation) return;
      this.scene.placements = placeClips(document);
      this.clock.follow(document);
      this.state.set({ status: 'ready', loop: document.loop.enabled });
      const { playing, buffering } = this.state.get();
      if (playing && !buffering) this.playback.switchWhenReady(this.context.currentTime);
      else if (!playing) this.playback.cue(this.beat);
      this.showPosition(this.beat);
      if (resume) void this.play();
    } catch (error) {
      if (generation === this.scene.generation) this.fail(error);
    }
  }

  /**
   * Plays from the playhead, looping only while the document's loop is on
   * (before, Play always asked for the loop: with the loop off, the first
   * pass still ended at the loop region's end and the audio went back to
   * its start while the transport ran on). Resolves with the context time
   * it plays at, or null when it could not start.
   */
  async play(): Promise<number | null> {
    if (this.state.get().status !== 'ready' || this.state.get().playing || !this.scene.document) return null;
    return this.playback.start(this.playback.loopedBeat(this.beat), 0, this.clock.looping);
  }

  /**
   * Starts the transport from `fromBeat` exactly at context time
   * `startTime` (recording needs the instant), optionally with
   * `countInBeats` metronome clicks before it and the loop off for this
   * pass. Resolves with that time and the timeline second it plays.
   */
  async playAt(fromBeat: number, countInBeats: number, options: { loop: boolean }): Promise<{ startTime: number; startSeconds: number }> {
    if (!this.scene.document) throw new Error('No project is loaded.');
    if (this.state.get().playing) this.pause();
    if (!options.loop) this.clock.looping = false;
    const startTime = await this.playback.start(Math.max(0, fromBeat), countInBeats, options.loop);
    return { startTime, startSeconds: beatsToSeconds(Math.max(0, fromBeat), this.scene.document!.bpm) };
  }

  /** Puts the document's loop setting back after a pass that turned it off. */
  restoreLoop(): void {
    if (this.scene.document) this.clock.follow(this.scene.document);
  }

  pause(): void {
    if (!this.state.get().playing) return;
    const now = this.context.currentTime;
    const beat = this.clock.beatAt(now);
    this.playback.halt(now);
    this.beat = Math.max(0, beat);
    this.showPosition(this.beat);
    this.playback.cue(this.beat);
  }

  togglePlay(): Promise<void> | void {
    return this.state.get().playing ? this.pause() : this.play().then(() => undefined);
  }

  /** Stops and returns to the start. */
  stop(): void {
    if (this.state.get().playing) this.playback.halt(this.context.currentTime);
    this.beat = 0;
    this.showPosition(0);
    this.playback.cue(0);
  }

  /** Moves the playhead; while playing, playback continues from there as soon as the audio there is in (a few ms). */
  seek(beats: number): void {
    if (!this.scene.document) return;
    const target = Math.max(0, beats);
    this.showPosition(target);
    if (this.state.get().playing) return this.playback.seek(target);
    this.beat = target;
    this.playback.cue(target);
  }

  /** What goes to the speakers: the master after the limiter (a tap here hears exactly what plays). */
  get masterOutput(): AudioNode {
    return this.output.speakerInput;
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
    return renderProject(
      document,
      browserRenderEnvironment((sha) => this.offlineAudio().source(sha)),
      { includeTail, sampleRate: this.context.sampleRate },
    );
  }

  dispose(): void {
    this.scene.generation++;
    this.playback.dispose();
    this.clock.transport.cancel();
    this.scene.graph?.dispose();
    this.metronome.dispose();
    this.output.dispose();
    this.streams.dispose();
    this.offline?.clear();
  }

  /** Puts a new graph in place of the old; returns whether playback was stopped for it (and should resume). */
  private async install(graph: EngineGraph, document: ProjectDocument): Promise<boolean> {
    const playing = this.state.get().playing && !this.state.get().buffering;
    if (playing) this.pause();
    this.playback.uncue();
    this.scene.graph?.dispose();
    await this.output.attach(graph, document.master.limiterCeilingDb);
    this.scene.graph = graph;
    return playing;
  }

  private async sourceChannels(document: ProjectDocument): Promise<Map<string, number>> {
    const shas = [...new Set(document.sources.map((s) => s.sha256))];
    const headers = await Promise.all(
      shas.map((sha) =>
        this.streams.header(sha).then(
          (h) => h.channels,
          () => 2,
        ),
      ),
    );
    return new Map(shas.map((sha, i) => [sha, headers[i]!]));
  }

  private offlineAudio(): PreparedAudio {
    this.offline ??= new PreparedAudio(this.context, pcmAudioLoader(), workerStretch);
    return this.offline;
  }

  private tick(): void {
    const document = this.scene.document;
    if (!this.state.get().playing || !document) return;
    const beat = this.clock.beatAt(this.context.currentTime);
    this.position.set({ positionBeats: beat, positionSeconds: beatsToSeconds(beat, document.bpm), levels: this.output.read() });
    this.frame = requestAnimationFrame(this.tick);
  }

  private showPosition(beat: number): void {
    const bpm = this.scene.document?.bpm ?? 120;
    this.position.set({ positionBeats: beat, positionSeconds: beatsToSeconds(beat, bpm) });
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state.set({ status: 'error', error: `Playback problem: ${message}` });
  }
}
