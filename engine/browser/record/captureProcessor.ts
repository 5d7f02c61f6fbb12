/**
 * The recording tap, as an AudioWorklet processor: reports the input level
 * (~40 times a second) and, while capturing, hands the input's samples to
 * the page in 2048-frame chunks stamped with the context frame of their
 * first sample — so a take can be placed on the timeline to the sample.
 */
declare const currentFrame: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

const CHUNK = 2048;
const LEVEL_EVERY = 9; // render quanta between level reports (~24 ms at 48 kHz)

class CaptureProcessor extends AudioWorkletProcessor {
  private capturing = false;
  private chunk: Float32Array[] = [];
  private filled = 0;
  private chunkFrame = 0;
  private peak = 0;
  private quanta = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ capture?: boolean; flush?: number }>) => {
      if (event.data.capture !== undefined) {
        if (!event.data.capture) this.send();
        this.capturing = event.data.capture;
      }
      if (event.data.flush !== undefined) {
        this.send();
        this.port.postMessage({ flushed: event.data.flush });
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const input = inputs[0] ?? [];
    const frames = input[0]?.length ?? 0;
    for (const channel of input) for (let i = 0; i < channel.length; i++) this.peak = Math.max(this.peak, Math.abs(channel[i]!));
    if (++this.quanta >= LEVEL_EVERY) {
      this.port.postMessage({ level: this.peak });
      this.peak = 0;
      this.quanta = 0;
    }
    if (!this.capturing || frames === 0) return true;
    if (this.filled === 0 || this.chunk.length !== input.length) {
      this.send();
      this.chunk = input.map(() => new Float32Array(CHUNK));
      this.chunkFrame = currentFrame;
    }
    // A gap (the input stalled) starts a new chunk, so every chunk's samples are contiguous.
    if (this.chunkFrame + this.filled !== currentFrame) {
      this.send();
      this.chunk = input.map(() => new Float32Array(CHUNK));
      this.chunkFrame = currentFrame;
    }
    input.forEach((channel, c) => this.chunk[c]!.set(channel, this.filled));
    this.filled += frames;
    if (this.filled + frames > CHUNK) this.send();
    return true;
  }

  private send(): void {
    if (this.filled === 0) return;
    const channels = this.chunk.map((c) => c.slice(0, this.filled));
    this.port.postMessage(
      { frame: this.chunkFrame, channels },
      channels.map((c) => c.buffer),
    );
    this.filled = 0;
    this.chunk = [];
  }
}

registerProcessor('stemroom-capture', CaptureProcessor);
