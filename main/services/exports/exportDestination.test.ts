import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDestination } from './exportDestination';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-destination-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('exportDestination', () => {
  it('names the file after the title in the exports folder (made if missing), the first free name', () => {
    const exportsDir = path.join(dir, 'exports');
    expect(exportDestination({ format: 'flac' }, 'Orchard Dub', exportsDir)).toBe(path.join(exportsDir, 'Orchard Dub.flac'));
    fs.writeFileSync(path.join(exportsDir, 'Orchard Dub.flac'), '');
    fs.writeFileSync(path.join(exportsDir, 'Orchard Dub (2).flac'), '');
    expect(exportDestination({ format: 'flac' }, 'Orchard Dub', exportsDir)).toBe(path.join(exportsDir, 'Orchard Dub (3).flac'));
  });

  it('keeps letters of any script and replaces what a file name should not hold', () => {
    expect(path.basename(exportDestination({ format: 'mp3' }, 'Ωδή/../"live"', dir))).toBe('Ωδή_.._live_.mp3');
    expect(path.basename(exportDestination({ format: 'wav' }, '***', dir))).toBe('_.wav');
    expect(path.basename(exportDestination({ format: 'wav' }, '   ', dir))).toBe('export.wav');
  });

  it('takes a chosen path as it is, but never over a file, nor into a folder that is not there', () => {
    expect(exportDestination({ path: path.join(dir, 'mine.wav'), format: 'wav' }, 'ignored', dir)).toBe(path.join(dir, 'mine.wav'));
    fs.writeFileSync(path.join(dir, 'taken.wav'), 'kept');
    expect(() => exportDestination({ path: path.join(dir, 'taken.wav'), format: 'wav' }, 'x', dir)).toThrow(/already exists; choose another file name/);
    expect(() => exportDestination({ path: path.join(dir, 'no', 'such.wav'), format: 'wav' }, 'x', dir)).toThrow(/The folder .*no does not exist/);
    expect(fs.readFileSync(path.join(dir, 'taken.wav'), 'utf8')).toBe('kept');
  });
});
