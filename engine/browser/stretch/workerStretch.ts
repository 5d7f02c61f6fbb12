import type { Stretch } from '../../common/graph/PreparedAudio';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (channels: Float32Array[]) => void; reject: (error: Error) => void }>();

/** Stretching in a module worker (same code as Node's direct call), one request at a time per message id. */
export const workerStretch: Stretch = (channels, sampleRate, options) => {
  worker ??= createWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const copies = channels.map((c) => c.slice());
    worker!.postMessage(
      { id, channels: copies, sampleRate, options: { timeFactor: options.timeFactor, semitones: options.semitones } },
      copies.map((c) => c.buffer),
    );
  });
};

function createWorker(): Worker {
  const created = new Worker(new URL('./stretchWorker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<{ id: number; channels?: Float32Array[]; error?: string }>) => {
    const request = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (event.data.error || !event.data.channels) request?.reject(new Error(`Time-stretching failed: ${event.data.error}`));
    else request?.resolve(event.data.channels);
  };
  created.onerror = (event) => {
    for (const request of pending.values()) request.reject(new Error(`Time-stretching failed: ${event.message}`));
    pending.clear();
    worker = undefined;
  };
  return created;
}
