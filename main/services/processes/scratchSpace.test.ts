import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openScratch, sweepScratch } from './scratchSpace';
import { ProcessOwner } from './ProcessOwner';
import { tempDir } from '../../../tests/helpers/tempDir';

it('removes scratch of processes that are gone, keeps that of running ones, and ages out what has no owner', () => {
  const tmp = tempDir();
  const me = ProcessOwner.current();
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const day = 24 * 3600 * 1000;
  const make = (name: string, ageMs = 0) => {
    const file = path.join(tmp, name);
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'work.partial'), 'x');
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(file, when, when);
  };
  make(`${me.token}.a1b2c3`, 2 * day); // a live process's folder, however old
  make(`${dead}-${me.start}-${me.boot}.d4e5f6`); // a dead process's folder, however new
  make(`blob-${dead}-abcdef`);
  make(`blob-${process.pid}-abcdef`);
  make('archive-0123456789ab', 2 * day); // from before owners: by age
  make('uploads');
  expect(sweepScratch(tmp).sort()).toEqual([`${dead}-${me.start}-${me.boot}.d4e5f6`, 'archive-0123456789ab', `blob-${dead}-abcdef`].sort());
  expect(fs.readdirSync(tmp).sort()).toEqual([`${me.token}.a1b2c3`, `blob-${process.pid}-abcdef`, 'uploads'].sort());

  const mine = openScratch(tmp);
  expect(path.basename(mine)).toMatch(new RegExp(`^${me.token}\\.[0-9a-f]{6}$`));
  expect(fs.readdirSync(mine)).toEqual([]);
});
