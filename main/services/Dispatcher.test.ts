import { afterEach, expect, it, vi } from 'vitest';
import { Dispatcher, type Handlers } from './Dispatcher';

afterEach(() => vi.restoreAllMocks());

function dispatcherWithBug() {
  const handlers = new Proxy(
    {},
    {
      get: () => () => {
        throw new TypeError("Cannot read properties of undefined (reading 'path')");
      },
    },
  ) as Handlers;
  return new Dispatcher(handlers);
}

it('turns a handler bug into an internal result; a host logs it once, on one line', async () => {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  const result = await dispatcherWithBug().dispatch('exports.list', {}, { host: 'browser' });
  expect(result).toEqual({ ok: false, error: { code: 'internal', message: "exports.list failed: Cannot read properties of undefined (reading 'path')" } });
  expect(stderr).toEqual(["[stemroom] exports.list failed: Cannot read properties of undefined (reading 'path')\n"]);
});

it('leaves the line to the CLI, which prints the result as its one error line', async () => {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  expect((await dispatcherWithBug().dispatch('exports.list', {}, { host: 'cli' })).ok).toBe(false);
  expect(stderr).toEqual([]);
});
