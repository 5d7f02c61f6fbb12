declare module '@echogarden/pffft-wasm/simd' {
  /** The Emscripten module of PFFFT (BSD): its exports over one WASM memory. */
  export interface PffftModule {
    readonly HEAPF32: Float32Array;
    _pffft_new_setup(size: number, transform: 0 | 1): number;
    _pffft_destroy_setup(setup: number): void;
    _pffft_transform(setup: number, input: number, output: number, work: number, direction: 0 | 1): void;
    _pffft_zconvolve_accumulate(setup: number, a: number, b: number, ab: number, scaling: number): void;
    _pffft_aligned_malloc(bytes: number): number;
    _pffft_aligned_free(pointer: number): void;
  }
  /** Instantiates the module; pass the .wasm bytes so no file or URL lookup happens. */
  export default function createPffft(options?: { wasmBinary?: Uint8Array }): Promise<PffftModule>;
}
