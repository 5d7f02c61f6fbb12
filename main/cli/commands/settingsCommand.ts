import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom settings [--territory CC] [--creator NAME]`: shows the settings, or changes them first.
 *
 * @example
 * $ stemroom settings --territory GB --creator "Mara Quinn"
 * Territory GB
 * Artist name Mara Quinn
 */
export const settingsCommand: Command = {
  name: 'settings',
  summary: 'Show or change library settings: your territory and the artist name exports credit',
  usage: '[--territory CC] [--creator NAME]',
  options: { territory: { type: 'string' }, creator: { type: 'string' } },
  async run({ values, services, out }) {
    const changes = {
      ...(typeof values.territory === 'string' ? { territory: values.territory.toUpperCase() } : {}),
      ...(typeof values.creator === 'string' ? { creatorName: values.creator } : {}),
    };
    if (values.territory === '' || values.creator === '') throw new UsageError('values may not be empty');
    const library = await services();
    const settings = Object.keys(changes).length ? await callContract(library, 'settings.update', changes) : await callContract(library, 'settings.get', {});
    out.result(settings, () => [`Territory ${settings.territory}`, `Artist name ${settings.creatorName ?? '(not set)'}`]);
  },
};
