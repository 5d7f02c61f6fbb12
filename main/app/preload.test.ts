import { describe, expect, it } from 'vitest';
import { ipcMain, ipcRenderer, state } from '../../tests/mocks/electron';
import { endpoints, events, IPC_EVENT_CHANNEL, ipcChannelOf } from '../../shared/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/contract/contractNames';
import type { StemroomTransport } from '../../shared/contract';

describe('preload bundle', () => {
  it('carries the contract names, not its schemas: no zod, a few KB', async () => {
    const { build } = await import('esbuild');
    const { outputFiles } = await build({
      entryPoints: ['main/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true,
      external: ['electron'],
      write: false,
    });
    const text = outputFiles[0]!.text;
    expect(text).not.toMatch(/ZodError|zod/i);
    expect(text.length).toBeLessThan(8 * 1024);
  });

  it('names exactly the contract channels and events, once each', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(endpoints).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });
});

describe('preload bridge', async () => {
  await import('../preload');
  const exposed = state.exposed;

  it('exposes only window.stemroom with invoke, on and host', () => {
    expect(Object.keys(exposed)).toEqual(['stemroom']);
    expect(Object.keys(exposed.stemroom as object).sort()).toEqual(['host', 'invoke', 'on']);
    expect((exposed.stemroom as StemroomTransport).host).toBe('electron');
  });

  it('invokes contract channels on their derived IPC channel and nothing else', async () => {
    const bridge = exposed.stemroom as StemroomTransport;
    ipcMain.handle(ipcChannelOf('library.info'), (_event: unknown, payload: unknown) => ({ ok: true, value: { echoed: payload } }));
    expect(await bridge.invoke('library.info', {})).toEqual({ ok: true, value: { echoed: {} } });
    expect(await bridge.invoke('../../etc' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    ipcMain.removeHandler(ipcChannelOf('library.info'));
  });

  it('subscribes to contract events only, and unsubscribes', () => {
    const bridge = exposed.stemroom as StemroomTransport;
    const seen: unknown[] = [];
    const off = bridge.on('library.changed', (payload) => seen.push(payload));
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'library.changed', { area: 'catalog' });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'task.progress', { taskId: 'x' });
    off();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'library.changed', { area: 'exports' });
    expect(seen).toEqual([{ area: 'catalog' }]);
    expect(() => bridge.on('ipc.raw' as never, () => undefined)).toThrow(/Unknown Stemroom event/);
  });
});
