import type { ProjectDocument } from '../../../shared/project/documentSchema';

/**
 * Whether two documents play the same audio at the same times (only the mix
 * differs): then a new version needs no new stream passes, only its mix applied.
 *
 * @example
 * sameSchedule(document, { ...document, master: { ...document.master, gainDb: -3 } }); // true
 */
export function sameSchedule(a: ProjectDocument, b: ProjectDocument): boolean {
  if (a.bpm !== b.bpm || a.key !== b.key || a.clips !== b.clips || a.sources !== b.sources || a.loop !== b.loop) return false;
  if (a.tracks.length !== b.tracks.length) return false;
  return a.tracks.every((t, i) => {
    const u = b.tracks[i]!;
    return (
      t.id === u.id &&
      t.volumeAutomation === u.volumeAutomation &&
      t.effects.length === u.effects.length &&
      t.effects.every((e, j) => e.id === u.effects[j]!.id && e.enabled === u.effects[j]!.enabled)
    );
  });
}
