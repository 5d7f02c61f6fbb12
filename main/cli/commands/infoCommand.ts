import type { Command } from '../Command';
import { callContract } from '../callContract';

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
