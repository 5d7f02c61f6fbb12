import path from 'node:path';
import type * as ElectronModule from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/contract';
import { StemroomServices, type ServicesOptions } from '../services/StemroomServices';
import { appSchemePrivileges, registerAppProtocol } from './registerAppProtocol';
import { registerIpcHandlers } from './registerIpcHandlers';
import { hardenWebContents } from './hardenWebContents';
import { createMainWindow } from './createMainWindow';
import { buildAppMenu } from './buildAppMenu';

export interface DesktopAppOptions {
  /** dist/main: where preload.cjs lives and dist/renderer is found beside. */
  readonly distMainDir: string;
  /** --data-dir / STEMROOM_DATA_DIR; Electron's userData folder otherwise. */
  readonly dataDir?: string;
  readonly services?: ServicesOptions;
}

/**
 * Wires the desktop app: privileged scheme before ready; then the library,
 * the protocol, IPC, hardening, menu and the window. Kept thin: every
 * decision lives in a function tested with a mocked `electron`.
 */
export function startDesktopApp(electron: typeof ElectronModule, options: DesktopAppOptions): Promise<StemroomServices> {
  const { app, protocol, ipcMain, BrowserWindow, session, Menu, dialog } = electron;
  app.setName('Stemroom');
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.reject(new Error('Stemroom is already running.'));
  }
  return app.whenReady().then(async () => {
    let services: StemroomServices;
    try {
      services = await StemroomServices.open(options.dataDir ?? app.getPath('userData'), options.services);
    } catch (error) {
      dialog.showErrorBox('Stemroom cannot open its library', error instanceof Error ? error.message : String(error));
      app.quit();
      throw error;
    }
    registerAppProtocol(protocol, path.join(options.distMainDir, '..', 'renderer'), (urlPath) => (urlPath.startsWith('/pcm/') ? services.pcmBody(urlPath) : services.media(urlPath)), services.uploads);
    registerIpcHandlers(ipcMain, services.dispatcher);
    hardenWebContents(app, session.defaultSession);
    // Developer tools only when running from a checkout (npm start), never in an installed app.
    const developerTools = !app.isPackaged;
    const openWindow = () => createMainWindow(BrowserWindow, path.join(options.distMainDir, 'preload.cjs'), developerTools);
    Menu.setApplicationMenu(buildAppMenu(Menu, app.name, { developerTools }));
    services.events.subscribe((event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    });
    openWindow();
    void services.startBackgroundWork({ largeDemo: true });
    app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('will-quit', () => services.close());
    return services;
  });
}
