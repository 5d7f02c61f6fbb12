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

let processorClass: Promise<ProcessorClass> | undefined;

/**
 * The package's worklet processor class. The npm package only exposes an
 * AudioWorklet node; its WASM core is reached by evaluating the package the
 * way a worklet scope would (with `registerProcessor` defined) and keeping
 * the processor class it registers. No eval, no network: the WASM is
 * embedded in the package.
 */
function loadProcessorClass(): Promise<ProcessorClass> {
  processorClass ??= (async () => {
    const scope = globalThis as Record<string, unknown>;
    const saved = { AudioWorkletProcessor: scope.AudioWorkletProcessor, registerProcessor: scope.registerProcessor };
    let Processor: ProcessorClass | undefined;
    scope.AudioWorkletProcessor = class {
      readonly port = { postMessage: () => undefined, onmessage: null };
    };
    scope.registerProcessor = (_name: string, processor: ProcessorClass) => {
      Processor = processor;
    };
    try {
      await import('signalsmith-stretch');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete scope[key];
        else scope[key] = value;
      }
    }
    if (!Processor) throw new Error('signalsmith-stretch did not register its processor');
    return Processor;
  })();
  return processorClass;
}

/**
 * A fresh Signalsmith Stretch (MIT) instance — in a page, a worker or Node
 * alike. Fresh per stretch on purpose: an instance carries phase state
 * across calls that `reset()` does not clear (stretching a stem after
 * another stem changed its output), and renders must not depend on what
 * was stretched before.
 */
export async function createSignalsmith(): Promise<SignalsmithWasm> {
  const Processor = await loadProcessorClass();
  const scope = globalThis as Record<string, unknown>;
  // The processor configures itself for the worklet's global `sampleRate` once its WASM is ready
  // (stretchChannels reconfigures per call). Instances start concurrently, so the global stays.
  if (!('sampleRate' in scope)) scope.sampleRate = 48000;
  const instance = new Processor({ numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] });
  const started = Date.now();
  while (!instance.wasmReady) {
    if (Date.now() - started > 10_000) throw new Error('signalsmith-stretch WASM did not start');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return instance.wasmModule!;
}
