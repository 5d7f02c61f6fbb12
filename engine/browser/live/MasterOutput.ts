import type { EngineGraph } from './EngineGraph';
import { Meters, type Levels } from './Meters';
import limiterUrl from './limiterProcessor.ts?worker&url';

/**
 * The end of the live signal path: a graph's master bus → the master
 * limiter (an AudioWorklet, loaded once) → the meters, which lead on to the
 * speakers. Should the limiter fail to load, playback goes on without it and
 * `onUnavailable` says so once.
 *
 * @example
 * const output = new MasterOutput(context, (message) => console.warn(message));
 * await output.attach(graph, document.master.limiterCeilingDb);
 * const { master } = output.read();   // peak levels, left and right
 */
export class MasterOutput {
  private readonly meters: Meters;
  private limiter: Promise<AudioWorkletNode | null> | undefined;

  constructor(
    private readonly context: AudioContext,
    private readonly onUnavailable: (message: string) => void,
  ) {
    this.meters = new Meters(context);
  }

  /** Seals a new graph's mix and connects its master here, limited at `ceilingDb`; its tracks get meters. */
  async attach(graph: EngineGraph, ceilingDb: number): Promise<void> {
    graph.mix.seal();
    const limiter = await this.masterLimiter();
    limiter?.port.postMessage({ ceilingDb });
    graph.mix.master.connect(limiter ?? this.meters.masterInput);
    limiter?.connect(this.meters.masterInput);
    this.meters.watch(graph.mix);
  }

  /** Sets the limiter's ceiling: it is the worklet's, not the MixGraph's, so a mix-only change must reach it too (the export limits at the new one). */
  setCeiling(ceilingDb: number): void {
    void this.limiter?.then((limiter) => limiter?.port.postMessage({ ceilingDb }));
  }

  /** What goes to the speakers: the master after the limiter (a tap here hears exactly what plays). */
  get speakerInput(): AudioNode {
    return this.meters.masterInput;
  }

  /** Peak levels now: master and each track of the attached graph. */
  read(): Levels {
    return this.meters.read();
  }

  dispose(): void {
    this.meters.dispose();
  }

  private masterLimiter(): Promise<AudioWorkletNode | null> {
    this.limiter ??= this.context.audioWorklet
      .addModule(limiterUrl)
      .then(() => new AudioWorkletNode(this.context, 'stemroom-limiter', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] }))
      .catch((error: Error) => {
        this.onUnavailable(`The master limiter is unavailable (${error.message}); playback continues without it.`);
        return null;
      });
    return this.limiter;
  }
}
