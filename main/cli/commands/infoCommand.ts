import type { Command } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom info`: where the library lives, its schema version, when it was created, the app version.
 *
 * @example
 * $ stemroom info
 * Library     /home/mara/.config/Stemroom
 * Database    /home/mara/.config/Stemroom/library.sqlite (schema 8)
 * Created     2026-12-01T23:56:10.300Z
 * Stemroom    0.1.0
 */
export const infoCommand: Command = {
  name: 'info',
  summary: 'Show where the library is and its schema version',
  usage: '',
  async run({ services, out }) {
    const info = await callContract(await services(), 'library.info', {});
    out.result(info, () => [
      `Library     ${info.dataDir}`,
      `Database    ${info.databasePath} (schema ${info.schemaVersion})`,
      `Created     ${info.createdAt}`,
      `Stemroom    ${info.appVersion}`,
    ]);
  },
};
