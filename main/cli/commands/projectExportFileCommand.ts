import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

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
