declare module 'signalsmith-stretch' {
  /** The package's AudioWorklet node factory; we use its WASM core directly (see loadSignalsmith). */
  const SignalsmithStretch: unknown;
  export default SignalsmithStretch;
}
