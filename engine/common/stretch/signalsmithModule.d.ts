import type { SignalsmithWasm } from './loadSignalsmith';

/** Options the vendored Emscripten factory reads (see scripts/vendorSignalsmith.mjs). */
export interface SignalsmithModuleOptions {
  /** Where the library's std::random_device draws from (a seeded source makes >2× stretches repeatable). */
  readonly randomSource?: { getRandomValues<T extends ArrayBufferView>(array: T): T };
  /** The code, compiled once: instantiating it skips compiling again. */
  readonly wasmModule?: WebAssembly.Module;
}

/** Instantiates one Signalsmith Stretch WASM core (its own memory and stretcher). */
declare function SignalsmithStretch(options?: SignalsmithModuleOptions): Promise<SignalsmithWasm & { readonly wasmModule: WebAssembly.Module }>;
export default SignalsmithStretch;
