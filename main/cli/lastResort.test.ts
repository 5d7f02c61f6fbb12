import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { installLastResort, INTERNAL_ERROR_EXIT, onLastResort } from './lastResort';

function fakeProcess(env: Record<string, string> = {}) {
  const proc = Object.assign(new EventEmitter(), {
    env,
    stderr: {
      text: '',
      write(chunk: string) {
        this.text += chunk;
        return true;
      },
    },
    exitCode: undefined as number | undefined,
    exit(code: number) {
      this.exitCode = code;
    },
  });
  installLastResort(proc as unknown as NodeJS.Process);
  return proc;
}

it('flushes pending work, prints one line without the stack, and exits 70 on an uncaught exception', () => {
  const proc = fakeProcess();
  const flushed: string[] = [];
  const forget = onLastResort(() => flushed.push('edits written'));
  proc.emit('uncaughtException', new Error('socket exploded\n    at frame (x.ts:1:1)'));
  forget();
  expect(flushed).toEqual(['edits written']);
  expect(proc.stderr.text).toBe('stemroom: stopped by an internal error: socket exploded\n');
  expect(proc.exitCode).toBe(INTERNAL_ERROR_EXIT);
});

it('still exits when a flush fails, and prints the stack only with STEMROOM_DEBUG=1', () => {
  const proc = fakeProcess({ STEMROOM_DEBUG: '1' });
  const forget = onLastResort(() => {
    throw new Error('database is locked');
  });
  proc.emit('unhandledRejection', new Error('late'));
  forget();
  expect(proc.stderr.text).toMatch(
    /^stemroom: could not save before stopping: database is locked\nstemroom: stopped by an internal error: late\nError: late\n {4}at /,
  );
  expect(proc.exitCode).toBe(INTERNAL_ERROR_EXIT);
});
