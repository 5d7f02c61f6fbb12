import { decodePcmHeader, PCM_HEADER_BYTES, type PcmHeader } from '../../../common/pcm/pcmCacheFormat';
import type { BlockBudget } from './BlockBudget';

/** Frames per range read: 0.74 s at 44.1 kHz, 256 KiB of stereo float32. */
export const BLOCK_FRAMES = 1 << 15;

export type FetchRange = (url: string, from: number, to: number) => Promise<ArrayBuffer>;

/** A `Range: bytes=from-(to−1)` GET that must come back whole as 206. */
export const fetchRange: FetchRange = async (url, from, to) => {
  const response = await fetch(url, { headers: { Range: `bytes=${from}-${to - 1}` } });
  if (response.status !== 206) throw new Error(`${response.status} for bytes ${from}–${to - 1}`);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength !== to - from) throw new Error(`${bytes.byteLength} bytes for a range of ${to - from}`);
  return bytes;
};

/**
 * One blob's PCM cache (`stemroom-pcm/1`, docs/pcm-cache.md) read over HTTP
 * ranges a block at a time: nothing is decoded, and only the blocks around
 * what is playing are in memory (a shared budget evicts the least recently
 * used). Frames come out planar; outside the source they are silence.
 *
 * @example
 * const source = await PcmSource.open('./pcm/<sha256>', sha256, budget);
 * if (source.ensure(0, 4410)) source.read(0, 4410, [left, right]);
 */
export class PcmSource {
  private readonly blocks = new Map<number, Float32Array>();
  private readonly loading = new Map<number, Promise<void>>();
  private failure: Error | null = null;

  private constructor(
    private readonly url: string,
    readonly header: PcmHeader,
    private readonly budget: BlockBudget,
    private readonly fetch: FetchRange,
  ) {}

  /** Reads and checks the header (it must name `sha256`). */
  static async open(url: string, sha256: string, budget: BlockBudget, fetch: FetchRange = fetchRange): Promise<PcmSource> {
    const header = decodePcmHeader(new Uint8Array(await fetch(url, 0, PCM_HEADER_BYTES)));
    if (typeof header === 'string') throw new Error(`its PCM cache is unusable (${header})`);
    if (header.sourceSha256 !== sha256) throw new Error('its PCM cache belongs to another blob');
    return new PcmSource(url, header, budget, fetch);
  }

  get frames(): number {
    return this.header.frames;
  }

  /** Whether frames [from, to) are in memory; starts loading the blocks that are not. Throws once a read has failed. */
  ensure(from: number, to: number): boolean {
    if (this.failure) throw this.failure;
    let ready = true;
    for (let b = this.firstBlock(from); b <= this.lastBlock(to); b++) {
      if (this.blocks.has(b)) {
        this.budget.touch(this, b);
        continue;
      }
      ready = false;
      if (!this.loading.has(b)) this.loading.set(b, this.load(b));
    }
    return ready;
  }

  /** Frames [from, from + count) into `into[c][0…count)`; every block in range must be loaded (`ensure`). */
  read(from: number, count: number, into: readonly Float32Array[]): void {
    const channels = this.header.channels;
    for (const target of into) target.fill(0, 0, count);
    const a = Math.max(0, from);
    const b = Math.min(this.header.frames, from + count);
    for (let frame = a; frame < b;) {
      const block = Math.floor(frame / BLOCK_FRAMES);
      const data = this.blocks.get(block);
      if (!data) throw new Error(`block ${block} is not loaded`);
      const end = Math.min(b, (block + 1) * BLOCK_FRAMES);
      for (let c = 0; c < into.length; c++) {
        const target = into[c]!;
        const channel = c % channels;
        for (let f = frame, s = (frame - block * BLOCK_FRAMES) * channels + channel; f < end; f++, s += channels) target[f - from] = data[s]!;
      }
      frame = end;
    }
  }

  /** Lets go of a block (the budget's eviction). */
  evict(block: number): void {
    this.blocks.delete(block);
  }

  private firstBlock(from: number): number {
    return Math.floor(Math.max(0, from) / BLOCK_FRAMES);
  }

  private lastBlock(to: number): number {
    return Math.floor((Math.min(this.header.frames, Math.max(0, to)) - 1) / BLOCK_FRAMES);
  }

  private async load(block: number): Promise<void> {
    const frameBytes = this.header.channels * 4;
    const from = block * BLOCK_FRAMES;
    const to = Math.min(this.header.frames, from + BLOCK_FRAMES);
    try {
      const bytes = await this.fetch(this.url, PCM_HEADER_BYTES + from * frameBytes, PCM_HEADER_BYTES + to * frameBytes);
      // float32 little-endian in the file; every platform that runs the app is little-endian.
      this.blocks.set(block, new Float32Array(bytes));
      this.budget.touch(this, block);
    } catch (error) {
      this.failure = new Error(`reading its PCM cache failed (${(error as Error).message})`);
    } finally {
      this.loading.delete(block);
    }
  }
}
