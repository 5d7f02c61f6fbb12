import fs from 'node:fs';
import path from 'node:path';
import type { ContentStore } from './ContentStore';
import type { PcmCache } from './PcmCache';
import { sniffAudioFormat } from './sniffAudioFormat';

const SHA256 = /^[0-9a-f]{64}$/;

/** What a backfill did: blobs that had a valid cache, were (re)built, or could not be (left to the lazy path, with why). */
export interface PcmBackfill {
  readonly valid: number;
  readonly built: number;
  readonly failed: { sha256: string; reason: string }[];
}

/**
 * Builds the PCM cache of every audio blob in the store that lacks a valid
 * one — a library from before the cache existed, or a file deleted or
 * damaged since — reporting progress per blob. One blob that cannot be
 * decoded is noted and skipped (rendering it later says why); nothing here
 * throws except cancellation through `signal`.
 */
export async function buildMissingPcm(
  store: ContentStore,
  pcm: PcmCache,
  onProgress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<PcmBackfill> {
  const missing: string[] = [];
  let valid = 0;
  for (const sha256 of audioBlobs(store)) {
    if (pcm.header(sha256)) valid++;
    else missing.push(sha256);
  }
  const failed: PcmBackfill['failed'] = [];
  let built = 0;
  onProgress(0, missing.length);
  for (const [i, sha256] of missing.entries()) {
    if (signal?.aborted) break;
    try {
      await pcm.ensure(sha256);
      built++;
    } catch (error) {
      failed.push({ sha256, reason: error instanceof Error ? error.message : String(error) });
    }
    onProgress(i + 1, missing.length);
  }
  return { valid, built, failed };
}

/** Every blob in the store whose first bytes are audio (store/ab/<sha256>). */
function* audioBlobs(store: ContentStore): Generator<string> {
  let shards: string[];
  try {
    shards = fs.readdirSync(store.root).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return;
  }
  for (const shard of shards.sort()) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(store.root, shard));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!SHA256.test(name) || !name.startsWith(shard) || !isAudio(path.join(store.root, shard, name))) continue;
      yield name;
    }
  }
}

function isAudio(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(12);
      const read = fs.readSync(fd, head, 0, 12, 0);
      return sniffAudioFormat(head.subarray(0, read)) !== null;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
