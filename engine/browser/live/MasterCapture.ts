import captureUrl from '../record/captureProcessor.ts?worker&url';
import { joinChunks, type CapturedAudio } from '../record/CapturedAudio';

/** What a master capture holds: the samples from context frame `startFrame` on, and the stalls in between. */
export interface MasterCaptureResult extends CapturedAudio {
  /** Places where the tap's stamps skipped frames (the audio thread stalled; filled with silence in `channels`). */
  readonly gaps: number;
}

/**
 * A sample-exact tap on what the engine sends to the speakers (the
 * master after the limiter): the recording tap's worklet, stamping each
 * chunk with the context frame of its first sample, so a capture can be
 * lined up with the timeline to the frame (a live-vs-export null test).
 *
 * @example
 * const capture = await MasterCapture.start(engine.context, engine.masterOutput);
 * await engine.playAt(0, 0, { loop: false });
 * const { startFrame, channels } = await capture.stop();
 */
export class MasterCapture {
  private readonly chunks: { frame: number; channels: Float32Array[] }[] = [];
  private flushed: (() => void) | undefined;

  private constructor(
    private readonly context: AudioContext,
    private readonly source: AudioNode,
    private readonly node: AudioWorkletNode,
    private readonly mute: GainNode,
  ) {
    node.port.onmessage = (event: MessageEvent<{ frame?: number; channels?: Float32Array[]; flushed?: number }>) => {
      if (event.data.channels && event.data.frame !== undefined) this.chunks.push({ frame: event.data.frame, channels: event.data.channels });
      if (event.data.flushed !== undefined) this.flushed?.();
    };
  }

  /** Starts keeping every frame `source` outputs from the next render quantum on. */
  static async start(context: AudioContext, source: AudioNode): Promise<MasterCapture> {
    await context.audioWorklet.addModule(captureUrl);
    const node = new AudioWorkletNode(context, 'stemroom-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 2,
      channelCountMode: 'explicit',
    });
    // The tap's (silent) output must reach the destination for the worklet to be pulled.
    const mute = context.createGain();
    mute.gain.value = 0;
    node.connect(mute).connect(context.destination);
    source.connect(node);
    node.port.postMessage({ capture: true });
    return new MasterCapture(context, source, node, mute);
  }

  /** Stops, disconnects the tap, and returns the capture (contiguous; gaps counted and filled with silence). */
  async stop(): Promise<MasterCaptureResult> {
    this.node.port.postMessage({ capture: false });
    await new Promise<void>((resolve) => {
      this.flushed = resolve;
      this.node.port.postMessage({ flush: 1 });
      setTimeout(resolve, 1000); // a closed context never answers; keep what arrived
    });
    this.source.disconnect(this.node);
    this.node.disconnect();
    this.mute.disconnect();
    let gaps = 0;
    for (let i = 1; i < this.chunks.length; i++) {
      const previous = this.chunks[i - 1]!;
      if (this.chunks[i]!.frame !== previous.frame + previous.channels[0]!.length) gaps++;
    }
    return { ...joinChunks(this.chunks, this.context.sampleRate), gaps };
  }
}
