import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { extractZip } from './extractZip';
import { writeZip, zipBuffer } from './writeZip';
import { tempDir } from '../../tests/helpers/tempDir';

/** Name → compression method (0 stored, 8 deflated) and whether ZIP64 extra fields were written. */
function listing(file: string): Promise<Map<string, { method: number; zip64: boolean }>> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const found = new Map<string, { method: number; zip64: boolean }>();
      zip.on('entry', (entry: yauzl.Entry) => {
        found.set(entry.fileName, { method: entry.compressionMethod, zip64: entry.extraFields.some((f) => f.id === 0x0001) });
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.readEntry();
    }),
  );
}

describe('writeZip (yazl, streamed to disk)', () => {
  it('stores audio as is, deflates the rest, streams files from disk; yauzl, unzip and Python read it back byte for byte', async () => {
    const dir = tempDir();
    const audio = path.join(dir, 'mix.wav');
    fs.writeFileSync(audio, Buffer.alloc(3 * 2 ** 20, 7));
    const credits = Buffer.from(JSON.stringify({ title: 'Ölfarbe — 東京' }).repeat(50));
    const zipPath = path.join(dir, 'Delivery ü.zip');
    const size = await writeZip(
      zipPath,
      [
        { name: 'Remix — ü/mix.wav', path: audio },
        { name: 'Remix — ü/credits.json', data: credits },
      ],
      { modified: new Date('2026-11-24T12:00:00Z') },
    );
    expect(size).toBe(fs.statSync(zipPath).size);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const entries = await listing(zipPath);
    expect(entries.get('Remix — ü/mix.wav')!.method).toBe(0);
    expect(entries.get('Remix — ü/credits.json')!.method).toBe(8);
    expect(size).toBeGreaterThan(3 * 2 ** 20); // the audio is not deflated, even though zeros… sevens would shrink

    const out = path.join(tempDir(), 'x');
    await extractZip(zipPath, out);
    expect(fs.readFileSync(path.join(out, 'Remix — ü/mix.wav')).equals(fs.readFileSync(audio))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'Remix — ü/credits.json')).equals(credits)).toBe(true);
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(
      execFileSync(
        '/usr/bin/python3',
        ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.read("Remix — ü/mix.wav")))', zipPath],
        { encoding: 'utf8' },
      ).trim(),
    ).toBe(`None ${3 * 2 ** 20}`);
  });

  it('ZIP64 records (what archives past 4 GiB get) read back with yauzl, unzip and Python', async () => {
    const dir = tempDir();
    const zipPath = path.join(dir, 'big.zip');
    await writeZip(
      zipPath,
      [
        { name: 'a.flac', data: Buffer.from('fLaC-ish') },
        { name: 'b.json', data: Buffer.from('{}') },
      ],
      { forceZip64: true },
    );
    expect([...(await listing(zipPath)).values()].every((e) => e.zip64)).toBe(true);
    await extractZip(zipPath, path.join(dir, 'x'));
    expect(fs.readFileSync(path.join(dir, 'x', 'a.flac'), 'utf8')).toBe('fLaC-ish');
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(
      execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', zipPath], { encoding: 'utf8' }).trim(),
    ).toBe('None');
  });

  it('nothing under the final name when an entry cannot be read (and no temp file left)', async () => {
    const dir = tempDir();
    const zipPath = path.join(dir, 'x.zip');
    await expect(
      writeZip(zipPath, [
        { name: 'a.json', data: Buffer.from('{}') },
        { name: 'gone.wav', path: path.join(dir, 'missing.wav') },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('zipBuffer: the same archive in memory', async () => {
    const bytes = await zipBuffer([{ name: 'project.json', data: Buffer.from('{"a":1}') }]);
    const file = path.join(tempDir(), 'p.zip');
    fs.writeFileSync(file, bytes);
    expect((await listing(file)).get('project.json')!.method).toBe(8);
  });
});
