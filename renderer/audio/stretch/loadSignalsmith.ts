/** The C exports of Signalsmith Stretch's WASM build that offline stretching uses. */
export interface SignalsmithWasm {
  _presetDefault(channels: number, sampleRate: number): void;
  _configure(channels: number, blockSamples: number, intervalSamples: number, splitComputation: boolean): void;
  _setBuffers(channels: number, length: number): number;
  _setTransposeSemitones(semitones: number, tonalityLimit: number): void;
  _inputLatency(): number;
  _outputLatency(): number;
  _seek(inputSamples: number, playbackRate: number): void;
  _process(inputSamples: number, outputSamples: number): void;
  _reset(): void;
  HEAP8: Int8Array;
}

type ProcessorClass = new (options: object) => { wasmReady?: boolean; wasmModule?: SignalsmithWasm };

let loading: Promise<SignalsmithWasm> | undefined;

/**
 * Loads Signalsmith Stretch (MIT) for offline use, in a page, a worker or
 * Node alike. The npm package only exposes an AudioWorklet node; its WASM
 * core is reached by evaluating the package the way a worklet scope would
 * (with `registerProcessor` defined), taking the processor class, and
 * letting one instance instantiate the module. No eval, no network: the
 * WASM is embedded in the package.
 */
export function loadSignalsmith(): Promise<SignalsmithWasm> {
  loading ??= (async () => {
    const scope = globalThis as Record<string, unknown>;
    const saved = { AudioWorkletProcessor: scope.AudioWorkletProcessor, registerProcessor: scope.registerProcessor, sampleRate: scope.sampleRate };
    let Processor: ProcessorClass | undefined;
    scope.AudioWorkletProcessor = class {
      readonly port = { postMessage: () => undefined, onmessage: null };
    };
    scope.registerProcessor = (_name: string, processor: ProcessorClass) => {
      Processor = processor;
    };
    // The processor configures itself for the worklet's global sample rate; we reconfigure per call.
    scope.sampleRate = 48000;
    try {
      await import('signalsmith-stretch');
      if (!Processor) throw new Error('signalsmith-stretch did not register its processor');
      const instance = new Processor({ numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] });
      const started = Date.now();
      while (!instance.wasmReady) {
        if (Date.now() - started > 10_000) throw new Error('signalsmith-stretch WASM did not start');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return instance.wasmModule!;
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete scope[key];
        else scope[key] = value;
      }
    }
  })();
  return loading;
}
