import type { OpenProject } from '../../../shared/contract/projectsContract';
import type { ProjectDocument } from '../../../shared/project/documentSchema';

/**
 * For each track whose clips use a stem the licences forbid (or whose audio
 * is missing), what to do about it — shown on the track before any export.
 */
export function rightsWarnings(doc: ProjectDocument, open: OpenProject): Map<string, string> {
  const warnings = new Map<string, string>();
  const missing = new Map(open.missing.map((m) => [m.sourceId, m]));
  for (const track of doc.tracks) {
    const clips = doc.clips.filter((c) => c.trackId === track.id && c.active);
    const forbidden = clips.map((c) => open.rights[c.sourceId]).find((r) => r && !r.usable);
    const absent = clips.map((c) => missing.get(c.sourceId)).find(Boolean);
    if (forbidden && !track.mute) warnings.set(track.id, `${forbidden.reason} Mute or remove track "${track.name}".`);
    else if (absent) warnings.set(track.id, `Audio missing: import ${absent.packageTitle}.`);
  }
  return warnings;
}
