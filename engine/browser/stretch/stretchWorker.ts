/// <reference lib="webworker" />
/**
 * Time-stretching off the page's main thread: the studio stays responsive
 * while a tempo or key change re-stretches stems.
 */
import { createSignalsmith } from '../../common/stretch/loadSignalsmith';
import { stretchChannels, type StretchOptions } from '../../common/stretch/stretchChannels';

interface StretchRequest {
  readonly id: number;
  readonly channels: Float32Array[];
  readonly sampleRate: number;
  readonly options: StretchOptions;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<StretchRequest>) => {
  const { id, channels, sampleRate, options } = event.data;
  try {
    const wasm = await createSignalsmith();
    const output = stretchChannels(wasm, channels, sampleRate, options);
    scope.postMessage(
      { id, channels: output },
      output.map((c) => c.buffer),
    );
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
