/**
 * The master limiter as an AudioWorklet processor: the same LimiterDsp the
 * offline render runs over its buffer, so live playback and export match.
 */
import { LimiterDsp } from '../../common/dsp/LimiterDsp';

declare const sampleRate: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

class LimiterProcessor extends AudioWorkletProcessor {
  private dsp = new LimiterDsp(2, sampleRate, -1);

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ ceilingDb: number }>) => this.dsp.setCeilingDb(event.data.ceilingDb);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0] ?? [];
    const output = outputs[0]!;
    const frames = output[0]?.length ?? 128;
    for (let c = 0; c < output.length; c++) output[c]!.set(input[c] ?? input[0] ?? new Float32Array(frames));
    this.dsp.process(output, frames);
    return true;
  }
}

registerProcessor('stemroom-limiter', LimiterProcessor);
