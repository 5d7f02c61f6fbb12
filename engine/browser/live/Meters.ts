import type { MixGraph } from '../../common/graph/MixGraph';

/** Peak levels 0…1: master left/right and each track (both channels). */
export interface Levels {
  readonly master: readonly [number, number];
  readonly tracks: Readonly<Record<string, number>>;
}

/** The reading while nothing plays. */
export const silentLevels: Levels = { master: [0, 0], tracks: {} };

/**
 * Level meters: analyser taps after each track's audible gain and after the
 * master limiter (the master path also leads to the speakers from here).
 */
export class Meters {
  readonly masterInput: GainNode;
  private readonly splitter: ChannelSplitterNode;
  private readonly masterAnalysers: [AnalyserNode, AnalyserNode];
  private trackAnalysers = new Map<string, AnalyserNode>();
  private readonly scratch = new Float32Array(2048);

  constructor(private readonly context: AudioContext) {
    this.masterInput = context.createGain();
    this.masterInput.connect(context.destination);
    this.splitter = context.createChannelSplitter(2);
    this.masterAnalysers = [this.analyser(), this.analyser()];
    this.masterInput.connect(this.splitter);
    this.splitter.connect(this.masterAnalysers[0], 0);
    this.splitter.connect(this.masterAnalysers[1], 1);
  }

  /** Taps every track of a new graph. */
  watch(graph: MixGraph): void {
    for (const analyser of this.trackAnalysers.values()) analyser.disconnect();
    this.trackAnalysers = new Map(
      [...graph.tracks].map(([id, chain]) => {
        const analyser = this.analyser();
        chain.output.connect(analyser);
        return [id, analyser];
      }),
    );
  }

  read(): Levels {
    const tracks: Record<string, number> = {};
    for (const [id, analyser] of this.trackAnalysers) tracks[id] = this.peak(analyser);
    return { master: [this.peak(this.masterAnalysers[0]), this.peak(this.masterAnalysers[1])], tracks };
  }

  dispose(): void {
    for (const analyser of this.trackAnalysers.values()) analyser.disconnect();
    this.masterInput.disconnect();
    this.splitter.disconnect();
  }

  private analyser(): AnalyserNode {
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 2048;
    return analyser;
  }

  private peak(analyser: AnalyserNode): number {
    analyser.getFloatTimeDomainData(this.scratch);
    let peak = 0;
    for (let i = 0; i < this.scratch.length; i++) peak = Math.max(peak, Math.abs(this.scratch[i]!));
    return peak;
  }
}
