import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeNewFileSynced } from './writeNewFileSynced';
import { readFileHead } from './readFileHead';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-synced-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeNewFileSynced', () => {
  it('writes the chunks in order, with the mode asked for', () => {
    const file = path.join(dir, 'a');
    writeNewFileSynced(file, [Buffer.from('ab'), Buffer.from('cd')], 0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('abcd');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileHead(file, 3).toString()).toBe('abc');
    expect(readFileHead(file, 12).toString()).toBe('abcd');
  });

  it('never replaces a file that exists', () => {
    const file = path.join(dir, 'b');
    fs.writeFileSync(file, 'kept');
    expect(() => writeNewFileSynced(file, Buffer.from('new'))).toThrow(/EEXIST/);
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
  });

  it('removes the partial file when producing a chunk fails', () => {
    const file = path.join(dir, 'c');
    const chunks = function* () {
      yield Buffer.from('half');
      throw new Error('decoder failed');
    };
    expect(() => writeNewFileSynced(file, chunks())).toThrow('decoder failed');
    expect(fs.existsSync(file)).toBe(false);
  });
});
