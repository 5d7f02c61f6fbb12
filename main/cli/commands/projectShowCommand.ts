import type { Command } from '../Command';
import { UsageError } from '../Command';
import { callContract } from '../callContract';
import { restrictionFlags } from '../../../shared/rights/stemRestrictions';

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
