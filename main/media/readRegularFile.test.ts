import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { NotARegularFileError, readRegularFile } from './readRegularFile';
import { tempDir } from '../../tests/helpers/tempDir';

it('reads a regular file and refuses, without blocking, a FIFO, a device and a folder', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.wav'), 'RIFF');
  expect(readRegularFile(path.join(dir, 'a.wav'), 100).toString()).toBe('RIFF');
  execFileSync('mkfifo', [path.join(dir, 'pipe.wav')]);
  // Opening a FIFO for reading would wait for a writer forever; this returns at once.
  expect(() => readRegularFile(path.join(dir, 'pipe.wav'), 100)).toThrow(new NotARegularFileError('is a FIFO (named pipe), not a regular file'));
  expect(() => readRegularFile('/dev/zero', 100)).toThrow('is a device, not a regular file');
  expect(() => readRegularFile(dir, 100)).toThrow('is a folder, not a regular file');
  expect(() => readRegularFile(path.join(dir, 'a.wav'), 3)).toThrow('is 4 bytes; at most 3 are read');
});
