import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

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
