import createSignalsmithModule from './signalsmithModule.js';
import { seededRandom } from '../dsp/seededRandom';

/** The C exports of Signalsmith Stretch's WASM build (web/emscripten/main.cpp upstream) that Stemroom calls. */
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

/** Every stretcher draws the same "random" bytes: renders stay bit-identical even past 2× stretch, where the library randomises phases. */
const SEED = 0x5751_7e7c;

function seededBytes(): { getRandomValues<T extends ArrayBufferView>(array: T): T } {
  const random = seededRandom(SEED);
  return {
    getRandomValues(array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return array;
    },
  };
}

/**
 * A fresh Signalsmith Stretch (MIT) core — its own WASM instance, memory
 * and stretcher — in a page, a worker or Node alike (the vendored
 * Emscripten factory, see scripts/vendorSignalsmith.mjs). Fresh per
 * stretch on purpose: an instance carries state across calls that
 * `_reset()` does not clear, and a render must not depend on what was
 * stretched before. Every instance is seeded the same.
 *
 * @example
 * const wasm = await createSignalsmith();
 * const [left, right] = stretchChannels(wasm, [l, r], 44100, { timeFactor: 1.08, semitones: 0 });
 */
export async function createSignalsmith(): Promise<SignalsmithWasm> {
  const wasmModule = await (compiled ??= createSignalsmithModule({ randomSource: seededBytes() }).then((first) => first.wasmModule));
  return createSignalsmithModule({ randomSource: seededBytes(), wasmModule });
}

/** The WASM code, compiled once per thread (instances share it; each has its own memory and stretcher). */
let compiled: Promise<WebAssembly.Module> | undefined;
