/**
 * Decoded audio by content hash, per audio context (a buffer is decoded at
 * its context's sample rate). Fetches `./media/<sha256>` from whichever host
 * serves the page.
 */
export class AudioBufferCache {
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();

  constructor(
    private readonly context: BaseAudioContext,
    private readonly fetchBytes: (sha256: string) => Promise<ArrayBuffer> = defaultFetch,
  ) {}

  load(sha256: string): Promise<AudioBuffer> {
    let pending = this.buffers.get(sha256);
    if (!pending) {
      pending = this.fetchBytes(sha256).then((bytes) => this.context.decodeAudioData(bytes));
      pending.catch(() => this.buffers.delete(sha256));
      this.buffers.set(sha256, pending);
    }
    return pending;
  }

  /** Already decoded (or decoding) — for a project's "ready to play" check. */
  has(sha256: string): boolean {
    return this.buffers.has(sha256);
  }
}

async function defaultFetch(sha256: string): Promise<ArrayBuffer> {
  const response = await fetch(`./media/${sha256}`);
  if (!response.ok) throw new Error(`Audio ${sha256.slice(0, 12)}… is not in the library (${response.status}).`);
  return response.arrayBuffer();
}
