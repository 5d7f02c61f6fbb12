import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channels, ipcChannelOf, type Result } from '../../shared/contract';
import type { Dispatcher } from '../services/Dispatcher';
import { isAppUrl } from './appOrigin';

/**
 * The only place `ipcMain.handle` is called: one handler per contract
 * channel (names derived from the contract), each refusing calls from any
 * frame that is not our app's top-level frame, then validating through the
 * dispatcher.
 */
export function registerIpcHandlers(ipcMain: IpcMain, dispatcher: Dispatcher): () => void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannelOf(channel), (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: `${channel} refused: the request did not come from the Stemroom app.` } };
      }
      return dispatcher.dispatch(channel, payload, { host: 'electron' });
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(ipcChannelOf(channel)));
}

/** Our app page, in the top frame (no iframes, no other origins). */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
