import type { Menu as MenuClass, MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  /**
   * Developer items (reload, DevTools). Off in packaged builds: DevTools on
   * the studio page would let anyone at the keyboard call the contract
   * outside the UI's checks and read the page's state.
   */
  readonly developerTools: boolean;
}

/**
 * The native menu keeps the standard roles (copy/paste, zoom, full screen,
 * quit); editing shortcuts such as Space, S and Ctrl+Z belong to the studio
 * page, so the menu does not claim them.
 *
 * @example
 * Menu.setApplicationMenu(buildAppMenu(Menu, app.name, { developerTools: !app.isPackaged }));
 */
export function buildAppMenu(Menu: typeof MenuClass, appName: string, options: AppMenuOptions): MenuClass {
  const view: MenuItemConstructorOptions[] = [
    ...(options.developerTools
      ? [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ label: appName, role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
