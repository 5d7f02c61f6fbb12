import type { Command } from '../Command';
import { callContract } from '../callContract';

export const projectListCommand: Command = {
  name: 'project list',
  summary: 'List projects (newest first)',
  usage: '[--trash]',
  options: { trash: { type: 'boolean' } },
  async run({ values, services, out }) {
    const projects = await callContract(await services(), 'projects.list', { trashed: values.trash === true });
    out.result(projects, () =>
      projects.length === 0 ? 'No projects.' : projects.map((p) => `${p.id}  ${p.kind.padEnd(5)}  ${p.name}  (revision ${p.headRevision}, ${p.updatedAt})`),
    );
  },
};
