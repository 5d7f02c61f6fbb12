import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ProcessOwner } from './ProcessOwner';

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('ProcessOwner', () => {
  it('identifies this process by pid, start time and boot, and finds it alive', () => {
    const me = ProcessOwner.current();
    expect(me.token).toMatch(new RegExp(`^${process.pid}-\\d+-[0-9a-f]{8}$`));
    expect(ProcessOwner.parse(me.token)!.isAlive()).toBe(true);
  });

  it('finds a process that has exited gone', () => {
    const me = ProcessOwner.current();
    expect(ProcessOwner.parse(`${deadPid()}-${me.start}-${me.boot}`)!.isAlive()).toBe(false);
  });

  it('finds a reused pid gone (same pid, another start time) and an owner from another boot gone', () => {
    const me = ProcessOwner.current();
    expect(ProcessOwner.parse(`${me.pid}-${Number(me.start) + 1}-${me.boot}`)!.isAlive()).toBe(false);
    expect(ProcessOwner.parse(`${me.pid}-${me.start}-00000000`)!.isAlive()).toBe(me.boot === '00000000');
  });

  it('judges by pid alone when the token has no start time (platforms without /proc)', () => {
    expect(ProcessOwner.parse(`${process.pid}-x-x`)!.isAlive()).toBe(true);
    expect(ProcessOwner.parse(`${deadPid()}-x-x`)!.isAlive()).toBe(false);
  });

  it('refuses tokens that are not owners', () => {
    for (const token of ['', '12', '12-x', 'a-b-c', '1-2-3-4', '../1-2-abcdef01', `${'9'.repeat(11)}-1-abcdef01`])
      expect(ProcessOwner.parse(token), token).toBeNull();
  });
});
