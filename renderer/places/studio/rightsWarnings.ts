import type { OpenProject } from '../../../shared/contract/projectsContract';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import type { RightsReason } from '../../../shared/rights/ExportRights';
import { audibleUsage } from '../../../shared/rights/audibleUsage';
import { clipBreaks, isStemRestriction, restrictionFlags, type StemRestriction } from '../../../shared/rights/stemRestrictions';

/** What the studio flags before any export: per track what to do, per clip why it is flagged. */
export interface RightsWarnings {
  readonly byTrack: ReadonlyMap<string, string>;
  readonly byClip: ReadonlyMap<string, string>;
}

/**
 * For each track whose clips use a stem the licences forbid, change a stem
 * the way its licence does not allow (pitch, tempo), or miss their audio:
 * what to do about it — shown on the track, live while editing. Restrictions
 * are judged by the same rules as the export (shared/rights), one heard
 * source at a time.
 */
export function rightsWarnings(doc: ProjectDocument, open: Pick<OpenProject, 'rights' | 'missing'>): RightsWarnings {
  const byClip = new Map<string, string>();
  const broken = new Map<string, RightsReason[]>();
  for (const u of audibleUsage(doc)) {
    const source = u.source;
    if (source.type !== 'catalog') continue;
    for (const reason of restrictionFlags(doc, open.rights, [u])) {
      for (const trackId of reason.trackIds ?? []) broken.set(trackId, [...(broken.get(trackId) ?? []), reason]);
      const rule = reason.code as StemRestriction;
      if (!isStemRestriction(rule)) continue;
      for (const clip of doc.clips) {
        if (clip.sourceId === source.id && clip.active && u.trackIds.includes(clip.trackId) && clipBreaks(rule, doc, source, clip)) {
          byClip.set(clip.id, [byClip.get(clip.id), reason.message].filter(Boolean).join(' '));
        }
      }
    }
  }
  const byTrack = new Map<string, string>();
  const missing = new Map(open.missing.map((m) => [m.sourceId, m]));
  for (const track of doc.tracks) {
    const clips = doc.clips.filter((c) => c.trackId === track.id && c.active);
    const forbidden = clips.map((c) => open.rights[c.sourceId]).find((r) => r && !r.usable);
    const absent = clips.map((c) => missing.get(c.sourceId)).find(Boolean);
    const reasons = broken.get(track.id) ?? [];
    if (forbidden && !track.mute) byTrack.set(track.id, `${forbidden.reason} Mute or remove track "${track.name}".`);
    else if (absent) byTrack.set(track.id, `Audio missing: import ${absent.packageTitle}.`);
    else if (reasons.length) byTrack.set(track.id, reasons.map((r) => `${r.message} ${r.fix}`).join(' '));
  }
  return { byTrack, byClip };
}
