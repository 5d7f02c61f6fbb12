import { Store } from '../Store';
import captureUrl from './captureProcessor.ts?worker&url';
import { joinChunks, type CapturedAudio } from './CapturedAudio';

export interface AudioInputState {
  /** Peak of the input over the last ~25 ms, 0…1. */
  readonly level: number;
  readonly monitoring: boolean;
  /** Set when the device stops (unplugged, permission revoked). */
  readonly error: string | null;
}

/**
 * An audio input the page may open: its device id and a label to show.
 *
 * @example
 * const inputs = await AudioInput.devices();   // [{ id: 'default', label: 'Input 1' }, …]
 */
export interface InputDeviceInfo {
  readonly id: string;
  readonly label: string;
}

/** Words for getUserMedia's failures, with what to do. */
export function inputErrorMessage(error: unknown): string {
  const name = (error as { name?: string }).name;
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Microphone access was denied. Allow it for Stemroom (browser or system settings) and try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone or audio input was found. Plug one in and choose it here.';
  if (name === 'NotReadableError') return 'The audio input is busy or unavailable (another application may be using it).';
  return `The audio input could not be opened: ${(error as Error).message ?? String(error)}`;
}

/**
 * One open audio input (microphone or interface): level metering,
 * optional monitoring to the speakers, and sample-accurate capture through
 * the capture worklet. Raw signal: echo cancellation, noise suppression and
 * gain control are off — this is a performance, not a call.
 *
 * @example
 * const input = await AudioInput.open(engine.context, deviceId);
 * input.setMonitoring(true);
 * input.startCapture();
 * const captured = await input.stopCapture();   // { startFrame, sampleRate, channels }
 * input.close();
 */
export class AudioInput {
  readonly state = new Store<AudioInputState>({ level: 0, monitoring: false, error: null });
  private chunks: { frame: number; channels: Float32Array[] }[] = [];
  private flushes = new Map<number, () => void>();
  private flushId = 0;

  private constructor(
    readonly context: AudioContext,
    readonly deviceId: string,
    readonly label: string,
    private readonly stream: MediaStream,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly capture: AudioWorkletNode,
    private readonly monitor: GainNode,
  ) {
    capture.port.onmessage = (event: MessageEvent<{ level?: number; frame?: number; channels?: Float32Array[]; flushed?: number }>) => {
      const data = event.data;
      if (data.level !== undefined) this.state.set({ level: data.level });
      if (data.frame !== undefined && data.channels) this.chunks.push({ frame: data.frame, channels: data.channels });
      if (data.flushed !== undefined) {
        this.flushes.get(data.flushed)?.();
        this.flushes.delete(data.flushed);
      }
    };
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', () =>
        this.state.set({ error: 'The audio input stopped (unplugged, or access was revoked). What was recorded so far is kept.' }),
      );
    }
  }

  /** Audio inputs the page may use (labels appear once access was granted). */
  static async devices(): Promise<InputDeviceInfo[]> {
    const all = await navigator.mediaDevices.enumerateDevices();
    return all.filter((d) => d.kind === 'audioinput').map((d, i) => ({ id: d.deviceId, label: d.label || `Input ${i + 1}` }));
  }

  /** Asks for the input (the browser may prompt) and opens it; throws a readable message on failure. */
  static async open(context: AudioContext, deviceId?: string): Promise<AudioInput> {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: false, noiseSuppression: false, autoGainControl: false },
        video: false,
      });
    } catch (error) {
      throw new Error(inputErrorMessage(error));
    }
    await context.audioWorklet.addModule(captureUrl);
    const source = context.createMediaStreamSource(stream);
    const capture = new AudioWorkletNode(context, 'stemroom-capture', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
    const monitor = context.createGain();
    monitor.gain.value = 0;
    source.connect(capture);
    source.connect(monitor).connect(context.destination);
    // The capture node's (silent) output must reach the destination for the worklet to be pulled.
    const mute = context.createGain();
    mute.gain.value = 0;
    capture.connect(mute).connect(context.destination);
    const track = stream.getAudioTracks()[0]!;
    return new AudioInput(context, track.getSettings().deviceId ?? deviceId ?? 'default', track.label || 'Audio input', stream, source, capture, monitor);
  }

  setMonitoring(on: boolean): void {
    this.monitor.gain.setTargetAtTime(on ? 1 : 0, this.context.currentTime, 0.01);
    this.state.set({ monitoring: on });
  }

  /** Starts keeping input samples (everything from now until `stopCapture`). */
  startCapture(): void {
    this.chunks = [];
    this.capture.port.postMessage({ capture: true });
  }

  /** Stops capturing and returns what was captured, contiguous, with the context frame of its first sample. */
  async stopCapture(): Promise<CapturedAudio> {
    this.capture.port.postMessage({ capture: false });
    const id = ++this.flushId;
    await new Promise<void>((resolve) => {
      this.flushes.set(id, resolve);
      this.capture.port.postMessage({ flush: id });
      setTimeout(resolve, 500); // a closed context never answers; keep what arrived
    });
    const captured = joinChunks(this.chunks, this.context.sampleRate);
    this.chunks = [];
    return captured;
  }

  close(): void {
    for (const track of this.stream.getTracks()) track.stop();
    this.source.disconnect();
    this.capture.disconnect();
    this.monitor.disconnect();
  }
}
