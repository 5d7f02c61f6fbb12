import fs from 'node:fs';
import { createRequire } from 'node:module';
import createPffft, { type PffftModule } from '@echogarden/pffft-wasm/simd';

let loaded: Promise<PffftModule> | undefined;

/**
 * PFFFT (BSD, WASM with SIMD) for offline convolution, instantiated once
 * per thread from the package's .wasm file (read here, so a bundle need
 * not know where the package keeps it).
 */
export function loadPffft(): Promise<PffftModule> {
  loaded ??= (async () => {
    const glue = createRequire(import.meta.url).resolve('@echogarden/pffft-wasm/simd');
    return createPffft({ wasmBinary: fs.readFileSync(glue.replace(/\.js$/, '.wasm')) });
  })();
  return loaded;
}
