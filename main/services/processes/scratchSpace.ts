import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ProcessOwner } from './ProcessOwner';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Gives an open library its own scratch folder under `tmp/`, named after
 * its process (`<owner token>.<random>`), after removing the folders of
 * processes that are gone. A folder of a live process — another `stemroom`
 * exporting or importing right now — is never touched. Entries from before
 * scratch folders were owned cannot be attributed: `blob-<pid>-…` and `pcm-<pid>-…` files go
 * when that pid is not running, anything else when older than a day.
 *
 * @example
 * const scratch = openScratch(path.join(dataDir, 'tmp')); // tmp/4242-150264-256abf15.9f3a1c
 */
export function openScratch(tmpRoot: string, owner = ProcessOwner.current()): string {
  fs.mkdirSync(tmpRoot, { recursive: true });
  sweepScratch(tmpRoot);
  const dir = path.join(tmpRoot, `${owner.token}.${crypto.randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir);
  return dir;
}

/** Removes what belongs to processes that are gone; returns the names removed. */
export function sweepScratch(tmpRoot: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(tmpRoot)) {
    const owned = /^(.+)\.[0-9a-f]{6}$/.exec(name);
    const legacyBlob = /^(?:blob|pcm)-(\d+)-[0-9a-f]+$/.exec(name);
    let gone: boolean;
    if (owned && ProcessOwner.parse(owned[1]!)) gone = !ProcessOwner.parse(owned[1]!)!.isAlive();
    else if (legacyBlob) gone = !ProcessOwner.parse(`${legacyBlob[1]}-x-x`)!.isAlive();
    else gone = olderThan(path.join(tmpRoot, name), now - DAY_MS);
    if (!gone) continue;
    fs.rmSync(path.join(tmpRoot, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function olderThan(file: string, cutoff: number): boolean {
  try {
    return fs.lstatSync(file).mtimeMs < cutoff;
  } catch {
    return false;
  }
}
