import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom project create --recording ID --kind remix|cover`: a new project on a catalog recording, one track per stem.
 *
 * @example
 * $ stemroom project create --recording kd-r-copper-sky --kind remix --name "Copper Sky (night mix)"
 * Created remix "Copper Sky (night mix)" (074c7f37-e9fe-4c69-94ad-6ca2d0c5900b).
 */
export const projectCreateCommand: Command = {
  name: 'project create',
  summary: 'Start a remix or cover of a catalog recording',
  usage: '--recording ID --kind remix|cover [--name NAME]',
  options: { recording: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
  async run({ values, services, out }) {
    const kind = values.kind;
    if (typeof values.recording !== 'string') throw new UsageError('--recording ID is required');
    if (kind !== 'remix' && kind !== 'cover') throw new UsageError('--kind is remix or cover');
    const project = await callContract(await services(), 'projects.create', {
      recordingId: values.recording,
      kind,
      name: typeof values.name === 'string' ? values.name : undefined,
    });
    out.result(project, () => `Created ${project.kind} "${project.name}" (${project.id}).`);
  },
};
