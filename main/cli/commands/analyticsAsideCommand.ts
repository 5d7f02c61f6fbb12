import type { Command } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom analytics aside`: plays kept aside for tracks no export claims yet, per track key.
 *
 * @example
 * $ stemroom analytics aside
 * ZZ-MQN-26-00002 (isrc): 1 play(s), 2026-11-10 … 2026-11-10
 */
export const analyticsAsideCommand: Command = {
  name: 'analytics aside',
  summary: 'Plays kept aside because no export matched them (matched automatically once the export exists)',
  usage: '',
  async run({ services, out }) {
    const groups = await callContract(await services(), 'analytics.aside', {});
    out.result(groups, () =>
      groups.length
        ? groups.map((g) => `${g.label} (${g.keyKind}): ${g.plays} play(s), ${g.firstPlayedAt.slice(0, 10)} … ${g.lastPlayedAt.slice(0, 10)}`)
        : ['No plays are waiting for an export.'],
    );
  },
};
