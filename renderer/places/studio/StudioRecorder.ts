import type { Bridge } from '../../bridge';
import { applyCommand } from '../../../shared/project/applyCommand';
import type { Command } from '../../../shared/project/commandSchema';
import { compTakes } from '../../../shared/project/compTakes';
import type { ProjectDocument, RecordingSource } from '../../../shared/project/documentSchema';
import { beatsToSeconds, secondsToBeats } from '../../../shared/project/timing';
import { Store } from '../../../engine/browser/Store';
import { AudioInput, type InputDeviceInfo } from '../../../engine/browser/record/AudioInput';
import { calibrateLatency, type LatencyCalibration } from '../../../engine/browser/record/calibrateLatency';
import { encodeWav } from '../../../engine/browser/record/encodeWav';
import { placeTake } from '../../../engine/browser/record/placeTake';
import { notifications } from '../../app/Notifications';
import { uploadFile } from '../../media/uploadFile';
import type { Engine } from '../../../engine/browser/live/Engine';

export interface LastTake {
  readonly sourceId: string;
  readonly clipId: string;
  readonly sha256: string;
  readonly timelineStartSeconds: number;
  readonly transportStartTime: number;
  readonly transportStartSeconds: number;
  readonly latencySec: number;
}

export interface RecorderState {
  readonly devices: readonly InputDeviceInfo[];
  readonly input: { readonly deviceId: string; readonly label: string } | null;
  readonly opening: boolean;
  readonly error: string | null;
  readonly armedTrackId: string | null;
  readonly countIn: boolean;
  readonly punch: boolean;
  /** Round-trip latency for the open device (ms), null until measured. */
  readonly latencyMs: number | null;
  readonly calibrating: boolean;
  readonly recording: boolean;
  readonly saving: boolean;
  readonly lastCalibration: LatencyCalibration | null;
  readonly lastTake: LastTake | null;
}

/** What recording needs of the open project (StudioSession, which owns the recorder, is it). */
export interface RecordingSession {
  readonly engine: Engine;
  readonly document: ProjectDocument;
  newId(prefix: string): string;
  edit(commands: Command[], label?: string): boolean;
}

/**
 * Recording for the studio, outside React: opens the input only when the
 * user asks, calibrates and remembers the device's latency, records a take
 * on the armed track (count-in, punch in/out on the loop region), places it
 * where it was played and keeps it — uploaded to the library, added as a
 * take that becomes the one heard where it was recorded.
 */
export class StudioRecorder {
  readonly state = new Store<RecorderState>({
    devices: [],
    input: null,
    opening: false,
    error: null,
    armedTrackId: null,
    countIn: true,
    punch: false,
    latencyMs: null,
    calibrating: false,
    recording: false,
    saving: false,
    lastCalibration: null,
    lastTake: null,
  });
  private input: AudioInput | null = null;
  private unsubscribeInput: (() => void) | null = null;
  private take: { startTime: number; startSeconds: number; keepFrom?: number; keepTo?: number; trackId: string } | null = null;
  private punchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: RecordingSession,
    private readonly bridge: Bridge,
  ) {}

  /** The open input's live state (level, monitoring, errors), or null. */
  get audioInput(): AudioInput | null {
    return this.input;
  }

  /** Opens an input (asking for permission the first time) and reads its remembered latency. */
  async enableInput(deviceId?: string): Promise<void> {
    this.state.set({ opening: true, error: null });
    try {
      const input = await AudioInput.open(this.session.engine.context, deviceId);
      this.closeInput();
      this.input = input;
      this.unsubscribeInput = input.state.subscribe(() => {
        const error = input.state.get().error;
        if (error && error !== this.state.get().error) {
          this.state.set({ error });
          if (this.state.get().recording) void this.stop();
        }
      });
      const settings = await this.bridge.call('settings.get', {});
      this.state.set({
        input: { deviceId: input.deviceId, label: input.label },
        devices: await AudioInput.devices(),
        latencyMs: settings.inputLatencyMs[input.deviceId] ?? null,
        opening: false,
      });
      if (!this.state.get().armedTrackId) this.state.set({ armedTrackId: this.session.document.tracks.find((t) => t.kind === 'record')?.id ?? null });
    } catch (error) {
      this.state.set({ opening: false, error: (error as Error).message });
    }
  }

  arm(trackId: string | null): void {
    this.state.set({ armedTrackId: trackId });
  }

  setOptions(options: Partial<Pick<RecorderState, 'countIn' | 'punch'>>): void {
    this.state.set(options);
  }

  /** Loopback calibration for the open device; the result is kept in the library's settings. */
  async calibrate(): Promise<void> {
    if (!this.input) return;
    this.session.engine.pause();
    this.state.set({ calibrating: true, error: null });
    try {
      // Uneven clicks mean the audio glitched mid-measurement (a busy machine drops a buffer): measure again,
      // up to three times, and keep the most even result.
      let result = await calibrateLatency(this.input);
      for (let attempt = 1; attempt < 3 && result.spreadMs > 5; attempt++) {
        const again = await calibrateLatency(this.input);
        if (again.spreadMs < result.spreadMs) result = again;
      }
      await this.bridge.call('settings.update', { inputLatencyMs: { [this.input.deviceId]: result.latencyMs } });
      this.state.set({ calibrating: false, latencyMs: result.latencyMs, lastCalibration: result });
      if (result.spreadMs > 5)
        notifications.error(`The clicks came back unevenly (±${result.spreadMs.toFixed(1)} ms); check the connection and calibrate again.`);
    } catch (error) {
      this.state.set({ calibrating: false, error: (error as Error).message });
    }
  }

  /** Sets the latency by hand (ms), e.g. from the interface's documentation. */
  async setLatency(ms: number): Promise<void> {
    if (!this.input || !Number.isFinite(ms) || ms < 0 || ms > 2000) return;
    await this.bridge.call('settings.update', { inputLatencyMs: { [this.input.deviceId]: ms } });
    this.state.set({ latencyMs: ms });
  }

  toggle(): Promise<void> {
    return this.state.get().recording ? this.stop() : this.start();
  }

  /** Starts a take on the armed track: count-in, transport from the playhead (or a bar before the punch range). */
  async start(): Promise<void> {
    const { armedTrackId, countIn, punch, recording } = this.state.get();
    if (recording || !this.input) {
      if (!this.input) this.state.set({ error: 'Enable an input first (Record panel).' });
      return;
    }
    const doc = this.session.document;
    const trackId = armedTrackId ?? doc.tracks.find((t) => t.kind === 'record')?.id;
    if (!trackId) {
      this.state.set({ error: 'Arm a recording track first (add one with "New recording track").' });
      return;
    }
    const punchRange =
      punch && doc.loop.end > doc.loop.start ? { from: beatsToSeconds(doc.loop.start, doc.bpm), to: beatsToSeconds(doc.loop.end, doc.bpm) } : null;
    const fromBeat = punchRange ? Math.max(0, doc.loop.start - doc.timeSignature[0]) : this.session.engine.position.get().positionBeats;
    this.input.startCapture();
    const { startTime, startSeconds } = await this.session.engine.playAt(fromBeat, countIn ? doc.timeSignature[0] : 0, { loop: false });
    this.take = { startTime, startSeconds, trackId, ...(punchRange ? { keepFrom: punchRange.from, keepTo: punchRange.to } : {}) };
    this.state.set({ recording: true, error: null, armedTrackId: trackId });
    if (punchRange) {
      const latency = (this.state.get().latencyMs ?? 0) / 1000;
      const stopAt = startTime + (punchRange.to - startSeconds) + latency + 0.1;
      this.punchTimer = setTimeout(() => void this.stop(), Math.max(0, (stopAt - this.session.engine.context.currentTime) * 1000));
    }
  }

  /** Stops, places the take (latency compensated) and keeps it. A take is never dropped for lack of a device. */
  async stop(): Promise<void> {
    const take = this.take;
    if (!take || !this.input) return;
    clearTimeout(this.punchTimer);
    this.take = null;
    const captured = await this.input.stopCapture();
    this.session.engine.pause();
    this.session.engine.restoreLoop();
    const latencySec = (this.state.get().latencyMs ?? 0) / 1000;
    const placed = placeTake(captured, {
      transportStartTime: take.startTime,
      transportStartSeconds: take.startSeconds,
      latencySec,
      keepFromSeconds: take.keepFrom,
      keepToSeconds: take.keepTo,
    });
    this.state.set({ recording: false, saving: true });
    try {
      if (placed.audio.channels[0]!.length < placed.audio.sampleRate * 0.05) throw new Error('Nothing was recorded (the take was shorter than 50 ms).');
      await this.keep(placed.audio.channels, placed.audio.sampleRate, placed.timelineStartSeconds, take, latencySec);
    } catch (error) {
      this.state.set({ error: `The take could not be kept: ${(error as Error).message}` });
    } finally {
      this.state.set({ saving: false });
    }
  }

  dispose(): void {
    clearTimeout(this.punchTimer);
    this.closeInput();
  }

  private async keep(
    channels: Float32Array[],
    sampleRate: number,
    timelineStartSeconds: number,
    take: { startTime: number; startSeconds: number; trackId: string },
    latencySec: number,
  ): Promise<void> {
    const doc = this.session.document;
    const number = doc.sources.filter((s) => s.type === 'recording').length + 1;
    const uploadId = await uploadFile(new Blob([encodeWav(channels, sampleRate)], { type: 'audio/wav' }), () => undefined);
    const stored = await this.bridge.call('recordings.add', { uploadId, name: `Take ${number}` });
    const now = this.session.document;
    const sourceId = this.session.newId('src-take');
    const clipId = this.session.newId('clip-take');
    const source: RecordingSource = {
      id: sourceId,
      type: 'recording',
      sha256: stored.sha256,
      name: stored.name,
      bpm: now.bpm,
      durationSec: stored.durationSec,
      sampleRate: stored.sampleRate,
      recordedAt: new Date().toISOString(),
    };
    // A take starting before 0:00 (count-in, latency) keeps only what falls on the timeline.
    const sourceOffset = Math.max(0, -timelineStartSeconds);
    const start = secondsToBeats(Math.max(0, timelineStartSeconds), now.bpm);
    const length = secondsToBeats(stored.durationSec - sourceOffset, now.bpm);
    const adds: Command[] = [
      { type: 'addSource', source },
      {
        type: 'addClip',
        clip: {
          id: clipId,
          trackId: take.trackId,
          sourceId,
          start,
          length,
          sourceOffset,
          gainDb: 0,
          fadeIn: { beats: 0, curve: 'linear' },
          fadeOut: { beats: 0, curve: 'linear' },
          rate: 1,
          pitch: 0,
          loopBeats: null,
          active: true,
        },
      },
    ];
    const added = applyCommand(now, { type: 'batch', commands: adds }).document;
    // The newest take is the one heard where it was recorded; earlier takes stay for comping.
    const comp = compTakes(added, take.trackId, sourceId, start, start + length, () => this.session.newId('clip'));
    if (!this.session.edit([...adds, ...comp], `Record ${stored.name}`)) throw new Error('the project refused the take');
    this.state.set({
      lastTake: {
        sourceId,
        clipId,
        sha256: stored.sha256,
        timelineStartSeconds,
        transportStartTime: take.startTime,
        transportStartSeconds: take.startSeconds,
        latencySec,
      },
    });
    notifications.info(`${stored.name} kept (${stored.durationSec.toFixed(1)} s).`);
  }

  private closeInput(): void {
    this.unsubscribeInput?.();
    this.unsubscribeInput = null;
    this.input?.close();
    this.input = null;
  }
}
