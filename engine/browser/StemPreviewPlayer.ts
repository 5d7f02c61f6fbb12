import { Store } from './Store';
import { AudioBufferCache } from './AudioBufferCache';

export interface PreviewStem {
  readonly id: string;
  readonly sha256: string;
}

export interface PreviewState {
  readonly status: 'idle' | 'loading' | 'ready' | 'playing' | 'error';
  readonly position: number;
  readonly duration: number;
  readonly muted: readonly string[];
  readonly soloed: readonly string[];
  readonly error: string | null;
}

/**
 * Plays a recording's stems in sync for auditioning in the catalog, with
 * per-stem mute and solo. Components read `state` and call the methods;
 * the player owns every audio node.
 *
 * @example
 * const player = new StemPreviewPlayer(sharedAudioContext());
 * await player.load(detail.stems.map((s) => ({ id: s.id, sha256: s.sha256 })));
 * player.toggleSolo(vocals.id);
 * await player.play();
 */
export class StemPreviewPlayer {
  readonly state = new Store<PreviewState>({ status: 'idle', position: 0, duration: 0, muted: [], soloed: [], error: null });
  private readonly cache: AudioBufferCache;
  private buffers = new Map<string, AudioBuffer>();
  private gains = new Map<string, GainNode>();
  private sources: AudioBufferSourceNode[] = [];
  private startedAt = 0;
  private offset = 0;
  private timer: number | undefined;
  private loadToken = 0;

  constructor(private readonly context: AudioContext) {
    this.cache = new AudioBufferCache(context);
  }

  async load(stems: readonly PreviewStem[]): Promise<void> {
    this.stop();
    const token = ++this.loadToken;
    this.state.set({ status: 'loading', error: null, position: 0 });
    try {
      const decoded = await Promise.all(stems.map(async (s) => [s.id, await this.cache.load(s.sha256)] as const));
      if (token !== this.loadToken) return;
      this.buffers = new Map(decoded);
      this.gains = new Map(stems.map((s) => [s.id, this.context.createGain()]));
      for (const gain of this.gains.values()) gain.connect(this.context.destination);
      this.applyGains();
      this.offset = 0;
      this.state.set({ status: 'ready', duration: Math.max(0, ...decoded.map(([, b]) => b.duration)) });
    } catch (error) {
      if (token === this.loadToken) this.state.set({ status: 'error', error: `The stems could not be loaded: ${(error as Error).message}` });
    }
  }

  async play(): Promise<void> {
    const { status, duration } = this.state.get();
    if (status !== 'ready') return;
    await this.context.resume();
    if (this.offset >= duration) this.offset = 0;
    this.startedAt = this.context.currentTime + 0.05;
    for (const [id, buffer] of this.buffers) {
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.gains.get(id)!);
      source.start(this.startedAt, this.offset);
      this.sources.push(source);
    }
    this.state.set({ status: 'playing' });
    this.timer = window.setInterval(() => this.tick(), 50);
  }

  pause(): void {
    if (this.state.get().status !== 'playing') return;
    this.offset = Math.max(0, this.context.currentTime - this.startedAt + this.offset);
    this.silence();
    this.state.set({ status: 'ready', position: this.offset });
  }

  stop(): void {
    this.silence();
    this.offset = 0;
    if (this.state.get().status === 'playing') this.state.set({ status: 'ready' });
    this.state.set({ position: 0 });
  }

  seek(seconds: number): void {
    const playing = this.state.get().status === 'playing';
    if (playing) this.silence();
    this.offset = Math.max(0, Math.min(seconds, this.state.get().duration));
    this.state.set({ position: this.offset, status: playing ? 'ready' : this.state.get().status });
    if (playing) void this.play();
  }

  toggleMute(id: string): void {
    const muted = this.state.get().muted;
    this.state.set({ muted: muted.includes(id) ? muted.filter((m) => m !== id) : [...muted, id] });
    this.applyGains();
  }

  toggleSolo(id: string): void {
    const soloed = this.state.get().soloed;
    this.state.set({ soloed: soloed.includes(id) ? soloed.filter((s) => s !== id) : [...soloed, id] });
    this.applyGains();
  }

  /** Back to nothing loaded, nothing muted or soloed (another recording is shown). */
  reset(): void {
    this.dispose();
    this.buffers.clear();
    this.offset = 0;
    this.state.set({ status: 'idle', position: 0, duration: 0, muted: [], soloed: [], error: null });
  }

  dispose(): void {
    this.loadToken++;
    this.silence();
    for (const gain of this.gains.values()) gain.disconnect();
    this.gains.clear();
  }

  private applyGains(): void {
    const { muted, soloed } = this.state.get();
    for (const [id, gain] of this.gains) {
      const audible = soloed.length ? soloed.includes(id) : !muted.includes(id);
      gain.gain.setTargetAtTime(audible ? 1 : 0, this.context.currentTime, 0.01);
    }
  }

  private tick(): void {
    const position = this.context.currentTime - this.startedAt + this.offset;
    if (position >= this.state.get().duration) {
      this.stop();
      return;
    }
    this.state.set({ position: Math.max(0, position) });
  }

  private silence(): void {
    window.clearInterval(this.timer);
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // never started
      }
      source.disconnect();
    }
    this.sources = [];
  }
}
