import * as Tone from 'tone';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { beatsToSeconds, secondsToBeats } from '../../../shared/project/timing';
import { Store } from '../Store';
import { MixGraph } from '../../common/graph/MixGraph';
import { placeClips, type ClipPlacement } from '../../common/graph/clipPlacement';
import { PreparedAudio, type DecodedChannels, type LoadAudio, type Stretch } from '../../common/graph/PreparedAudio';
import { scheduleClip } from '../../common/graph/scheduleClip';
import { renderProject, type RenderedMix } from '../../common/render/renderProject';
import { workerStretch } from '../stretch/workerStretch';
import { browserAudioLoader } from './browserAudioLoader';
import { browserRenderEnvironment } from './browserRenderEnvironment';
import { Meters, type Levels } from './Meters';
import { Metronome } from './Metronome';
import limiterUrl from './limiterProcessor.ts?worker&url';

export interface EngineState {
  readonly status: 'empty' | 'preparing' | 'ready' | 'error';
  readonly playing: boolean;
  readonly positionBeats: number;
  readonly positionSeconds: number;
  readonly loop: boolean;
  readonly metronome: boolean;
  readonly preparing: { readonly done: number; readonly total: number } | null;
  readonly levels: Levels;
  readonly error: string | null;
}

/**
 * Live playback of a project. Tone's Transport is the clock (position,
 * tempo, loop, metronome); on every start, loop and seek the engine
 * schedules the document's clips sample-accurately through the same
 * MixGraph and scheduleClip the offline render uses. Components read
 * `state` and call methods; they never touch an audio node. Failures land
 * in `state.error` as a message instead of breaking the page.
 */
export class Engine {
  readonly state = new Store<EngineState>({
    status: 'empty',
    playing: false,
    positionBeats: 0,
    positionSeconds: 0,
    loop: false,
    metronome: false,
    preparing: null,
    levels: { master: [0, 0], tracks: {} },
    error: null,
  });
  private readonly prepared: PreparedAudio;
  private readonly transport: ReturnType<typeof Tone.getTransport>;
  private readonly metronome: Metronome;
  private readonly meters: Meters;
  private document: ProjectDocument | undefined;
  private graph: MixGraph | undefined;
  private placements: ClipPlacement[] = [];
  private inputs = new Map<string, GainNode>();
  private sources: AudioBufferSourceNode[] = [];
  private limiter: Promise<AudioWorkletNode | null> | undefined;
  private generation = 0;
  private frame = 0;

  constructor(
    readonly context: AudioContext,
    private readonly load: LoadAudio = browserAudioLoader(context.sampleRate),
    stretch: Stretch = workerStretch,
  ) {
    Tone.setContext(context);
    this.transport = Tone.getTransport();
    this.prepared = new PreparedAudio(context, (sha) => this.load(sha), stretch);
    this.metronome = new Metronome(context, this.transport);
    this.meters = new Meters(context);
    this.transport.on('start', (time: number, offset: number) => this.guard(() => this.scheduleFrom(offset, time)));
    this.transport.on('loop', (time: number) => this.guard(() => {
      this.silence(time);
      this.scheduleFrom(this.transport.loopStart as number, time);
    }));
    this.transport.on('pause', (time: number) => this.silence(time));
    this.transport.on('stop', (time: number) => this.silence(time));
    this.tick = this.tick.bind(this);
  }

  /**
   * Shows a new version of the document: a mix change (fader, pan, mute,
   * solo, effect parameter) is applied at once; anything else rebuilds the
   * graph, prepares audio (re-stretching after a tempo or key change) and
   * carries on playing from the same beat.
   */
  async setDocument(document: ProjectDocument): Promise<void> {
    const previous = this.document;
    this.document = document;
    this.applyLoop(document);
    this.transport.timeSignature = document.timeSignature[0];
    if (previous && this.graph && sameSchedule(previous, document) && this.graph.applyMix(document)) return;
    const generation = ++this.generation;
    const wasPlaying = this.state.get().playing;
    const beat = this.state.get().positionBeats;
    if (wasPlaying) this.transport.pause();
    const placements = placeClips(document);
    try {
      this.state.set({ status: 'preparing', error: null, preparing: { done: 0, total: placements.length } });
      await this.prepared.prepareAll(
        placements.map((p) => p.preparation),
        (done, total) => generation === this.generation && this.state.set({ preparing: { done, total } }),
      );
      if (generation !== this.generation) return;
      this.prepared.keepOnly(placements.map((p) => p.preparation));
      await this.rebuild(document, placements);
      if (generation !== this.generation) return;
      this.transport.bpm.value = document.bpm;
      this.transport.seconds = beatsToSeconds(beat, document.bpm);
      this.state.set({ status: 'ready', preparing: null });
      if (wasPlaying) this.transport.start();
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    }
  }

  async play(): Promise<void> {
    if (this.state.get().status !== 'ready' || this.state.get().playing) return;
    await this.context.resume();
    this.transport.start('+0.05');
    this.state.set({ playing: true });
    this.frame = requestAnimationFrame(this.tick);
  }

  /**
   * Starts the transport from `fromBeat` exactly at context time `when`
   * (recording needs to know the instant), optionally with `countInBeats`
   * metronome clicks before it and the loop off for this pass. Resolves
   * with the context time the transport starts.
   */
  async playAt(fromBeat: number, countInBeats: number, options: { loop: boolean }): Promise<{ startTime: number; startSeconds: number }> {
    if (!this.document) throw new Error('No project is loaded.');
    if (this.state.get().playing) this.pause();
    await this.context.resume();
    const spb = beatsToSeconds(1, this.document.bpm);
    const startTime = this.context.currentTime + 0.15 + countInBeats * spb;
    const beatsPerBar = this.document.timeSignature[0];
    for (let k = 0; k < countInBeats; k++) this.metronome.click(startTime - (countInBeats - k) * spb, k % beatsPerBar === 0);
    if (!options.loop) this.transport.loop = false;
    const startSeconds = beatsToSeconds(Math.max(0, fromBeat), this.document.bpm);
    this.transport.start(startTime, startSeconds);
    this.state.set({ playing: true });
    this.frame = requestAnimationFrame(this.tick);
    return { startTime, startSeconds };
  }

  /** Puts the document's loop setting back after a pass that turned it off. */
  restoreLoop(): void {
    if (this.document) this.applyLoop(this.document);
  }

  pause(): void {
    if (!this.state.get().playing) return;
    this.transport.pause();
    this.state.set({ playing: false, levels: { master: [0, 0], tracks: {} } });
    cancelAnimationFrame(this.frame);
  }

  togglePlay(): Promise<void> | void {
    return this.state.get().playing ? this.pause() : this.play();
  }

  /** Stops and returns to the start. */
  stop(): void {
    this.transport.stop();
    this.transport.seconds = 0;
    cancelAnimationFrame(this.frame);
    this.state.set({ playing: false, positionBeats: 0, positionSeconds: 0, levels: { master: [0, 0], tracks: {} } });
  }

  seek(beats: number): void {
    if (!this.document) return;
    const target = Math.max(0, beats);
    const playing = this.state.get().playing;
    if (playing) this.transport.pause();
    this.transport.seconds = beatsToSeconds(target, this.document.bpm);
    this.state.set({ positionBeats: target, positionSeconds: beatsToSeconds(target, this.document.bpm) });
    if (playing) this.transport.start('+0.02');
  }

  setMetronome(on: boolean): void {
    this.metronome.enabled = on;
    this.state.set({ metronome: on });
  }

  /** A source's decoded audio (decoded once, shared with playback). */
  sourceAudio(sha256: string): Promise<DecodedChannels> {
    return this.prepared.source(sha256);
  }

  /** Renders the document offline in this page at the page's rate (what an export would render), reusing decoded audio. */
  renderOffline(document: ProjectDocument, includeTail = true): Promise<RenderedMix> {
    return renderProject(document, browserRenderEnvironment((sha) => this.prepared.source(sha)), { includeTail, sampleRate: this.context.sampleRate });
  }

  dispose(): void {
    this.generation++;
    this.transport.stop();
    this.transport.cancel();
    cancelAnimationFrame(this.frame);
    this.silence(0);
    this.graph?.dispose();
    this.metronome.dispose();
    this.meters.dispose();
    this.prepared.clear();
  }

  private async rebuild(document: ProjectDocument, placements: ClipPlacement[]): Promise<void> {
    this.silence(0);
    this.graph?.dispose();
    const graph = new MixGraph(this.context, document);
    this.inputs = new Map(placements.map((p) => [p.clip.id, graph.tracks.get(p.clip.trackId)!.clipInput()]));
    graph.seal();
    const limiter = await this.masterLimiter();
    limiter?.port.postMessage({ ceilingDb: document.master.limiterCeilingDb });
    graph.master.connect(limiter ?? this.meters.masterInput);
    limiter?.connect(this.meters.masterInput);
    this.meters.watch(graph);
    this.graph = graph;
    this.placements = placements;
  }

  private masterLimiter(): Promise<AudioWorkletNode | null> {
    this.limiter ??= this.context.audioWorklet
      .addModule(limiterUrl)
      .then(() => {
        const node = new AudioWorkletNode(this.context, 'stemroom-limiter', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] });
        return node;
      })
      .catch((error: Error) => {
        this.state.set({ error: `The master limiter is unavailable (${error.message}); playback continues without it.` });
        return null;
      });
    return this.limiter;
  }

  private scheduleFrom(fromSeconds: number, when: number): void {
    const document = this.document;
    if (!document || !this.graph) return;
    for (const placement of this.placements) {
      const buffer = this.prepared.buffer(placement.preparation);
      const input = this.inputs.get(placement.clip.id);
      if (!buffer || !input) continue;
      this.sources.push(...scheduleClip(this.context, placement, buffer, input, fromSeconds, when));
    }
    for (const chain of this.graph.tracks.values()) chain.scheduleAutomation(document.bpm, fromSeconds, when);
  }

  private silence(when: number): void {
    for (const source of this.sources) {
      try {
        source.stop(Math.max(when, this.context.currentTime));
      } catch {
        // already stopped
      }
      source.onended = () => source.disconnect();
    }
    this.sources = [];
  }

  private applyLoop(document: ProjectDocument): void {
    const { loop } = document;
    this.transport.loop = loop.enabled;
    if (loop.end > loop.start) this.transport.setLoopPoints(beatsToSeconds(loop.start, document.bpm), beatsToSeconds(loop.end, document.bpm));
    this.state.set({ loop: loop.enabled });
  }

  private tick(): void {
    if (!this.state.get().playing || !this.document) return;
    const seconds = this.transport.seconds;
    this.state.set({ positionSeconds: seconds, positionBeats: secondsToBeats(seconds, this.document.bpm), levels: this.meters.read() });
    this.frame = requestAnimationFrame(this.tick);
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state.set({ status: 'error', error: `Playback problem: ${message}`, preparing: null });
  }
}

/** Whether two documents schedule the same audio (only the mix differs). */
function sameSchedule(a: ProjectDocument, b: ProjectDocument): boolean {
  if (a.bpm !== b.bpm || a.key !== b.key || a.clips !== b.clips || a.sources !== b.sources) return false;
  if (a.tracks.length !== b.tracks.length) return false;
  return a.tracks.every((t, i) => {
    const u = b.tracks[i]!;
    return t.id === u.id && t.volumeAutomation === u.volumeAutomation && t.effects.length === u.effects.length && t.effects.every((e, j) => e.id === u.effects[j]!.id && e.enabled === u.effects[j]!.enabled);
  });
}
