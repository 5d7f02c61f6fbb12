import type { Menu as MenuClass, MenuItemConstructorOptions } from 'electron';

/**
 * The native menu keeps the standard roles (copy/paste, zoom, devtools,
 * quit); editing shortcuts such as Space, S and Ctrl+Z belong to the studio
 * page, so the menu does not claim them.
 */
export function buildAppMenu(Menu: typeof MenuClass, appName: string): MenuClass {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ label: appName, role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
