/**
 * A stand-in for the `electron` module (its binary cannot be downloaded on
 * the CI machines). It records what the app asks of Electron and routes
 * ipcRenderer ↔ ipcMain in-process, so the wiring — window options, IPC
 * sender checks, protocol, hardening, preload — is tested for real.
 * Vitest aliases `electron` to this file.
 */
type Listener = (...args: any[]) => any;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: any[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
    return true;
  }
}

/** A frame as `event.senderFrame` presents it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export const state = {
  senderFrame: { url: 'stemroom://app/index.html', parent: null } as FakeFrame | null,
  exposed: {} as Record<string, unknown>,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  windows: [] as BrowserWindow[],
  sent: [] as { channel: string; args: unknown[] }[],
  permissionRequestHandler: undefined as undefined | Listener,
  permissionCheckHandler: undefined as undefined | Listener,
  applicationMenu: undefined as unknown,
  errorBoxes: [] as { title: string; content: string }[],
};

class IpcMainMock extends Emitter {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new IpcMainMock();

class IpcRendererMock extends Emitter {
  async invoke(channel: string, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Electron structured-clones arguments and results across processes.
    const cloned = structuredClone(args);
    return structuredClone(await handler({ senderFrame: state.senderFrame, sender: {} }, ...cloned));
  }
}
export const ipcRenderer = new IpcRendererMock();

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    state.exposed[key] = api;
  },
};

class WebContentsMock extends Emitter {
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    state.sent.push({ channel, args });
    ipcRenderer.emit(channel, {}, ...structuredClone(args));
  }
}

export class BrowserWindow extends Emitter {
  static getAllWindows() {
    return state.windows;
  }
  readonly webContents = new WebContentsMock();
  loadedUrl: string | undefined;
  focused = false;
  constructor(readonly options: Record<string, any>) {
    super();
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  focus() {
    this.focused = true;
  }
}

class AppMock extends Emitter {
  name = 'Electron';
  readyResolvers: (() => void)[] = [];
  userData = '/tmp/stemroom-electron-mock';
  quitCalled = false;
  /** Test setting: true as in an installed app, false as under `npm start`. */
  isPackaged = false;
  setName(name: string) {
    this.name = name;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise<void>((resolve) => this.readyResolvers.push(resolve));
  }
  /** Test helper: fire 'ready'. */
  becomeReady() {
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`getPath(${name}) not mocked`);
    return this.userData;
  }
  quit() {
    this.quitCalled = true;
  }
}
export const app = new AppMock();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (app.readyResolvers.length === 0 && state.windows.length > 0) throw new Error('registerSchemesAsPrivileged after ready');
    state.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    state.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener) {
      state.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      state.permissionCheckHandler = handler;
    },
  },
};

export const Menu = {
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown) {
    state.applicationMenu = menu;
  },
};

export const dialog = {
  showErrorBox(title: string, content: string) {
    state.errorBoxes.push({ title, content });
  },
};

export const shell = {
  opened: [] as string[],
  showItemInFolder(path: string) {
    this.opened.push(path);
  },
};

/** Test helper: back to a fresh Electron. */
export function resetElectronMock(): void {
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.listeners.clear();
  app.listeners.clear();
  app.readyResolvers = [];
  app.quitCalled = false;
  app.isPackaged = false;
  app.name = 'Electron';
  state.senderFrame = { url: 'stemroom://app/index.html', parent: null };
  state.exposed = {};
  state.privilegedSchemes = [];
  state.protocolHandlers.clear();
  state.windows = [];
  state.sent = [];
  state.permissionRequestHandler = undefined;
  state.permissionCheckHandler = undefined;
  state.applicationMenu = undefined;
  state.errorBoxes = [];
}

export default { app, ipcMain, ipcRenderer, contextBridge, BrowserWindow, protocol, session, Menu, dialog, shell };
