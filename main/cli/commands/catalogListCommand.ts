import type { Command } from '../Command';
import { callContract } from '../callContract';
import { numberOption } from '../numberOption';

/**
 * `stemroom catalog list [TEXT]`: searches the library's recordings, each with whether it may be remixed or covered today.
 *
 * @example
 * $ stemroom catalog list orchard --may-remix --territory SE
 * 1 recording(s) (rights as of 2026-12-01 in SE)
 * emb-r-glass-orchard      Glass Orchard — Mira Vale  100 BPM A minor  remix:yes cover:yes
 */
export const catalogListCommand: Command = {
  name: 'catalog list',
  summary: 'List or search recordings in the library',
  usage: '[TEXT] [--may-remix] [--may-cover] [--territory CC] [--limit N]',
  options: {
    'may-remix': { type: 'boolean' },
    'may-cover': { type: 'boolean' },
    territory: { type: 'string' },
    limit: { type: 'string' },
  },
  async run({ positionals, values, services, out }) {
    const limit = numberOption(values, 'limit', { integer: true, min: 1, max: 500, takes: 'a number from 1 to 500' }) ?? 100;
    const result = await callContract(await services(), 'catalog.search', {
      text: positionals.join(' ') || undefined,
      mayRemix: values['may-remix'] === true || undefined,
      mayCover: values['may-cover'] === true || undefined,
      territory: typeof values.territory === 'string' ? values.territory.toUpperCase() : undefined,
      limit,
    });
    out.result(result, () => [
      `${result.total} recording(s) (rights as of ${result.date} in ${result.territory})`,
      ...result.items.map(
        (r) =>
          `${r.id.padEnd(24)} ${r.title} — ${r.displayArtist}  ${r.bpm} BPM ${r.key}  remix:${r.remix.allowed ? 'yes' : 'no'} cover:${r.cover.allowed ? 'yes' : 'no'}`,
      ),
    ]);
  },
};
