import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { restrictionFlags } from '../../../shared/rights/stemRestrictions';

/**
 * `stemroom project show PROJECT_ID`: a project's tempo, key and tracks, with missing audio and licence flags.
 *
 * @example
 * $ stemroom project show 074c7f37-e9fe-4c69-94ad-6ca2d0c5900b
 * Copper Sky (night mix) — remix of kd-r-copper-sky, 124 BPM, F# minor, 4/4
 *   Drums            1 clip(s) 0 dB
 *   …
 *   Vocal hook       1 clip(s) 0 dB
 *   licence flag on src-kd-cs-vocals: Licence KD-M-0042 does not allow the stem "Vocal hook" to be used in remixes.
 */
export const projectShowCommand: Command = {
  name: 'project show',
  summary: 'Show a project: tempo, key, tracks, clips, missing audio and licence flags',
  usage: 'PROJECT_ID',
  async run({ positionals, services, out }) {
    if (positionals.length !== 1) throw new UsageError('name one project id');
    const opened = await callContract(await services(), 'projects.open', { projectId: positionals[0]! });
    const { document: d } = opened;
    // Stem rules broken by how the project changes a stem (pitch, tempo): judged as the studio and the export judge them.
    const flags = restrictionFlags(d, opened.rights);
    const trackName = (id: string) => d.tracks.find((t) => t.id === id)?.name ?? id;
    out.result({ ...opened, flags }, () => [
      `${d.name} — ${d.kind} of ${d.recordingId}, ${d.bpm} BPM, ${d.key}, ${d.timeSignature.join('/')}`,
      ...d.tracks.map((t) => {
        const clips = d.clips.filter((c) => c.trackId === t.id);
        const flags = [t.mute ? 'muted' : '', t.solo ? 'solo' : '', t.effects.length ? `${t.effects.map((e) => e.params.type).join('+')}` : ''].filter(Boolean);
        return `  ${t.name.padEnd(16)} ${clips.length} clip(s) ${t.gainDb} dB${flags.length ? ` [${flags.join(', ')}]` : ''}`;
      }),
      ...opened.missing.map((m) => `  missing: "${m.name}" — import ${m.packageTitle}`),
      ...Object.entries(opened.rights)
        .filter(([, r]) => !r.usable)
        .map(([sourceId, r]) => `  licence flag on ${sourceId}: ${r.reason}`),
      ...flags.flatMap((f) => (f.trackIds ?? []).map((id) => `  licence flag on track "${trackName(id)}": ${f.message} ${f.fix}`)),
    ]);
  },
};
