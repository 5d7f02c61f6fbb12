import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom project export-file PROJECT_ID --out FILE.stemroom`: the project as one file to move to another library.
 *
 * @example
 * $ stemroom project export-file 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b --out night-mix.stemroom
 * Wrote /home/mara/music/night-mix.stemroom (1414 bytes, 0 recording(s)).
 */
export const projectExportFileCommand: Command = {
  name: 'project export-file',
  summary: 'Save a project as a portable .stemroom file (catalog stems referenced, your recordings included)',
  usage: 'PROJECT_ID --out FILE.stemroom',
  options: { out: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one project id');
    if (typeof values.out !== 'string') throw new UsageError('--out FILE is required');
    const result = await callContract(await services(), 'projects.exportFile', { projectId: positionals[0]!, path: path.resolve(values.out) });
    out.result(result, () => `Wrote ${result.path} (${result.bytes} bytes, ${result.recordings} recording(s)).`);
  },
};
