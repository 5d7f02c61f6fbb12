import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { tempDir } from '../../../tests/helpers/tempDir';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { ExportFileStates } from './ExportFileStates';
import { sha256Hex } from './ledgerHash';

afterEach(() => vi.restoreAllMocks());

it('hashes a file once while it stays the same, and again when it changes, even with its mtime put back', () => {
  const file = path.join(tempDir(), 'remix.wav');
  const original = wavBytes(tone(440, 1), 48000);
  fs.writeFileSync(file, original);
  const audioSha256 = sha256Hex(readEmbeddedRecord(original).audioData);
  const states = new ExportFileStates();
  const reads = vi.spyOn(fs, 'readFileSync');

  expect(states.of(file, audioSha256)).toBe('ok');
  for (let i = 0; i < 5; i++) expect(states.of(file, audioSha256)).toBe('ok');
  expect(reads).toHaveBeenCalledTimes(1);

  // Same size, other audio, mtime restored: ctime still moves, so it is read again.
  const { atime, mtime } = fs.statSync(file);
  fs.writeFileSync(file, wavBytes(tone(445, 1), 48000));
  fs.utimesSync(file, atime, mtime);
  expect(states.of(file, audioSha256)).toBe('modified');
  expect(reads).toHaveBeenCalledTimes(2);
});

it('says missing for a deleted file and modified, without blocking, for a FIFO in its place', () => {
  const file = path.join(tempDir(), 'remix.wav');
  const states = new ExportFileStates();
  expect(states.of(file, 'a'.repeat(64))).toBe('missing');
  execFileSync('mkfifo', [file]);
  expect(states.of(file, 'a'.repeat(64))).toBe('modified');
});
