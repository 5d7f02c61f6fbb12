import os from 'node:os';
import path from 'node:path';

/**
 * The OS user-data folder Electron's `app.getPath('userData')` would use for
 * "Stemroom", computed without Electron so the CLI and the browser host open
 * the same library as the desktop app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.STEMROOM_DATA_DIR) return path.resolve(env.STEMROOM_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Stemroom');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Stemroom');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Stemroom');
}
