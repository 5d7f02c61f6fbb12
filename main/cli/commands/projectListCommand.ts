import type { Command } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom project list [--trash]`: the projects (or those in the trash), newest change first.
 *
 * @example
 * $ stemroom project list
 * 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b  remix  Copper Sky (night mix)  (revision 1, 2026-12-01T23:56:40.583Z)
 */
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
