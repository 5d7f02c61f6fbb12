import path from 'node:path';
import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';

/**
 * `stemroom analytics import FILE`: listener plays from a play log (CSV, NDJSON) or a Spotify history, matched to exports.
 *
 * @example
 * $ stemroom analytics import plays.csv
 * Read 2 play(s) (csv) in 0.2 s: 1 added, 0 already there, 0 flagged as artificial, 1 kept aside (no export yet), 0 malformed, 0 ignored.
 *   ZZ-MQN-26-00001 → "Copper Sky (night mix)" (01a2340a-6288-7be4-ac4d-af243b6b270a) by ISRC: 1 play(s)
 *   no export for ZZ-MQN-26-00002 (isrc): 1 play(s) kept aside
 */
export const analyticsImportCommand: Command = {
  name: 'analytics import',
  summary: 'Import listener plays (NDJSON or CSV play log, or a Spotify extended streaming history JSON file)',
  usage:
    "FILE [--listener NAME]   (a Spotify history without usernames is one listener: by default its own, from the file's content; --listener names it, so several files of one account are one listener)",
  options: { listener: { type: 'string' } },
  async run({ positionals, values, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one play file');
    const summary = await callContract(await services(), 'analytics.import', {
      source: { path: path.resolve(positionals[0]!) },
      listener: typeof values.listener === 'string' ? values.listener : undefined,
    });
    out.result(summary, () => [
      `Read ${summary.lines} play(s) (${summary.format}) in ${summary.seconds.toFixed(1)} s: ${summary.added} added, ${summary.duplicates} already there, ${summary.flagged} flagged as artificial, ${summary.aside} kept aside (no export yet), ${summary.malformed} malformed, ${summary.ignored} ignored.`,
      ...(summary.dropped
        ? [`  ${summary.dropped} play(s) of ${summary.droppedTracks} other track(s) — not by you, no ISRC of yours — dropped, not stored.`]
        : []),
      ...(summary.spotifyListener ? [`  listener: ${summary.spotifyListener.label}`] : []),
      ...summary.matches.map((m) => `  ${m.label} → "${m.exportTitle}" (${m.exportId}) by ${m.how}: ${m.plays} play(s)`),
      ...summary.unmatched.map((u) => `  no export for ${u.label} (${u.keyKind}): ${u.plays} play(s) kept aside`),
      ...summary.problems.map((p) => `  line ${p.line}: ${p.reason}`),
      ...(summary.malformed > summary.problems.length ? [`  … and ${summary.malformed - summary.problems.length} more malformed line(s)`] : []),
    ]);
  },
};
