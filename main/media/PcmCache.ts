import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodePcmHeader,
  deinterleave,
  encodePcmHeader,
  interleave,
  PCM_HEADER_BYTES,
  pcmFileBytes,
  type PcmHeader,
} from '../../engine/common/pcm/pcmCacheFormat';
import { decodeAudio } from './decodeAudio';
import type { ContentStore } from './ContentStore';
import { writeNewFileSynced } from './writeNewFileSynced';

const SHA256 = /^[0-9a-f]{64}$/;
/** Frames interleaved and written per step: bounds the extra memory a cache write needs (8 MB for stereo). */
const WRITE_FRAMES = 1 << 20;

/** Decoded audio at its own rate (what a cache holds). */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

/** Cache files written for an import that has not committed yet: moved into place, or dropped, together. */
export interface PcmStaging {
  stage(sha256: string, audio: PcmAudio): void;
  /**
   * Moves every staged file into the cache (after the import's transaction
   * committed). Never throws: a file that cannot be moved is dropped and
   * rebuilt from its blob when first needed.
   */
  commit(): void;
  /** Drops every staged file (the import was refused or failed). */
  discard(): void;
}

/**
 * The PCM cache (`stemroom-pcm/1`, docs/pcm-cache.md): every audio blob of
 * the content store decoded once, at import, into `store/pcm/ab/<sha256>.pcm`
 * — so opening, streaming and rendering a project never run a codec. The
 * cache is derived data: a missing, truncated or foreign file is rebuilt
 * from its blob (never trusted, never a crash).
 *
 * @example
 * const cache = PcmCache.of(store);
 * const { sampleRate, channels } = await cache.read(sha256);
 */
export class PcmCache {
  private static readonly ofStores = new WeakMap<ContentStore, PcmCache>();
  private readonly building = new Map<string, Promise<PcmHeader>>();

  /** The cache of a content store (`store/pcm/`), one instance per store so concurrent builds of a blob are shared. */
  static of(store: ContentStore): PcmCache {
    let cache = PcmCache.ofStores.get(store);
    if (!cache) PcmCache.ofStores.set(store, (cache = new PcmCache(path.join(store.root, 'pcm'), store.tmpDir, (sha) => store.pathOf(sha))));
    return cache;
  }

  constructor(
    readonly dir: string,
    private readonly tmpDir: string,
    private readonly blobPath: (sha256: string) => string,
  ) {
    if (os.endianness() !== 'LE') throw new Error('the PCM cache is little-endian float32; this machine is big-endian');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(this.dir, sha256.slice(0, 2), `${sha256}.pcm`);
  }

  /** The header of a valid cache file for `sha256`, or null when there is none (missing, truncated, foreign). */
  header(sha256: string): PcmHeader | null {
    let fd: number;
    try {
      fd = fs.openSync(this.pathOf(sha256), 'r');
    } catch {
      return null;
    }
    try {
      const head = Buffer.alloc(PCM_HEADER_BYTES);
      const read = fs.readSync(fd, head, 0, PCM_HEADER_BYTES, 0);
      const header = decodePcmHeader(head.subarray(0, read), fs.fstatSync(fd).size);
      return typeof header === 'string' || header.sourceSha256 !== sha256 ? null : header;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The cache file's header, building the file from its blob first when it is missing or invalid. */
  ensure(sha256: string): Promise<PcmHeader> {
    const valid = this.header(sha256);
    if (valid) return Promise.resolve(valid);
    let pending = this.building.get(sha256);
    if (!pending) {
      pending = this.build(sha256).finally(() => this.building.delete(sha256));
      this.building.set(sha256, pending);
    }
    return pending;
  }

  /** The decoded audio of a blob, from its cache file (built first if need be). */
  async read(sha256: string): Promise<PcmAudio> {
    const header = await this.ensure(sha256);
    const bytes = new Uint8Array(pcmFileBytes(header));
    const fd = fs.openSync(this.pathOf(sha256), 'r');
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const read = fs.readSync(fd, bytes, offset, bytes.length - offset, offset);
        if (read === 0) break;
        offset += read;
      }
      if (offset !== bytes.length) throw new Error(`the PCM cache of ${sha256.slice(0, 12)}… shrank while it was read`);
    } finally {
      fs.closeSync(fd);
    }
    const samples = new Float32Array(bytes.buffer, PCM_HEADER_BYTES, header.frames * header.channels);
    return { sampleRate: header.sampleRate, channels: header.channels === 1 ? [samples.slice()] : deinterleave(samples, header.channels) };
  }

  /** Writes the cache file for `sha256` from decoded audio (atomically: a reader sees the old file or the whole new one). */
  write(sha256: string, audio: PcmAudio): void {
    const temp = this.writeTemp(sha256, audio);
    this.moveIntoPlace(temp, sha256);
  }

  /** Staged writes for one import (see PcmStaging). */
  staging(): PcmStaging {
    const staged = new Map<string, string>();
    return {
      stage: (sha256, audio) => {
        if (!staged.has(sha256)) staged.set(sha256, this.writeTemp(sha256, audio));
      },
      commit: () => {
        for (const [sha256, temp] of staged) {
          try {
            this.moveIntoPlace(temp, sha256);
          } catch {
            fs.rmSync(temp, { force: true });
          }
        }
        staged.clear();
      },
      discard: () => {
        for (const temp of staged.values()) fs.rmSync(temp, { force: true });
        staged.clear();
      },
    };
  }

  private async build(sha256: string): Promise<PcmHeader> {
    const blob = this.blobPath(sha256);
    if (!fs.existsSync(blob)) throw new Error(`the audio ${sha256.slice(0, 12)}… is not in this library`);
    const decoded = await decodeAudio(fs.readFileSync(blob));
    this.write(sha256, decoded);
    const header = this.header(sha256);
    if (!header) throw new Error(`the PCM cache of ${sha256.slice(0, 12)}… could not be written`);
    return header;
  }

  private writeTemp(sha256: string, audio: PcmAudio): string {
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const temp = path.join(this.tmpDir, `pcm-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
    const frames = audio.channels[0]?.length ?? 0;
    const blocks = function* (): Generator<Uint8Array> {
      yield encodePcmHeader({ sampleRate: audio.sampleRate, channels: audio.channels.length, frames, sourceSha256: sha256 });
      for (let from = 0; from < frames; from += WRITE_FRAMES) {
        const block = interleave(audio.channels, from, Math.min(frames, from + WRITE_FRAMES));
        yield new Uint8Array(block.buffer, block.byteOffset, block.byteLength);
      }
    };
    // A cache file that survives a power cut with the right size but lost data would be trusted: synced before it is named.
    writeNewFileSynced(temp, blocks());
    return temp;
  }

  private moveIntoPlace(temp: string, sha256: string): void {
    const final = this.pathOf(sha256);
    fs.mkdirSync(path.dirname(final), { recursive: true });
    fs.renameSync(temp, final);
  }
}
