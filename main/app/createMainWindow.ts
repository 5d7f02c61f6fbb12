import type { BrowserWindow as BrowserWindowClass } from 'electron';
import { APP_ENTRY_URL } from './appOrigin';

type BrowserWindowConstructor = typeof BrowserWindowClass;

/**
 * The studio window: isolated, sandboxed, no Node in the page, only the
 * preload bridge. `devTools` is false in packaged builds, so DevTools cannot
 * be opened at all (not by menu, shortcut or webContents.openDevTools).
 */
export function createMainWindow(BrowserWindow: BrowserWindowConstructor, preloadPath: string, devTools: boolean): BrowserWindowClass {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Stemroom',
    backgroundColor: '#101217',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
