import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeNewFileSyncedAsync } from './writeNewFileSyncedAsync';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-synced-async-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeNewFileSyncedAsync', () => {
  it('writes one buffer, or the parts in order, with the mode asked for', async () => {
    const parts = [Buffer.from('head'), Buffer.alloc(3 << 20, 7), Buffer.from('tail')];
    await writeNewFileSyncedAsync(path.join(dir, 'a'), parts, 0o600);
    expect(fs.readFileSync(path.join(dir, 'a')).equals(Buffer.concat(parts))).toBe(true);
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o600);
    await writeNewFileSyncedAsync(path.join(dir, 'b'), Buffer.from('credits'));
    expect(fs.readFileSync(path.join(dir, 'b'), 'utf8')).toBe('credits');
  });

  it('never replaces a file that exists', async () => {
    const file = path.join(dir, 'c');
    fs.writeFileSync(file, 'kept');
    await expect(writeNewFileSyncedAsync(file, Buffer.from('new'))).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
  });
});
