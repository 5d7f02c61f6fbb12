/**
 * The one bridge (bundled to dist/main/preload.cjs, runs sandboxed).
 * Exposes `window.stemroom`: `invoke` for contract channels only and `on`
 * for contract events only — never raw ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { StemroomTransport } from '../shared/contract';
// Names only: the full contract would bundle all of zod into this sandboxed script (main validates requests anyway).
import { IPC_EVENT_CHANNEL, ipcChannelOf, isChannelName, isEventNameOnly } from '../shared/contract/contractNames';

const bridge: StemroomTransport = {
  host: 'electron',
  invoke(channel, request) {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: `Unknown request "${String(channel).slice(0, 80)}".` } });
    }
    return ipcRenderer.invoke(ipcChannelOf(channel), request);
  },
  on(event, listener) {
    if (!isEventNameOnly(event)) throw new Error(`Unknown Stemroom event "${String(event)}".`);
    const forward = (_ipcEvent: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('stemroom', bridge);
