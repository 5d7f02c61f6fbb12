import type { ProjectDocument } from '../project/documentSchema';

/**
 * Tracks named the way a refusal's fix names them.
 *
 * @example trackNames(doc, ['trk-vox']) // 'track "Lead vocal"'
 */
export function trackNames(document: Pick<ProjectDocument, 'tracks'>, trackIds: readonly string[]): string {
  const names = trackIds.map((id) => `"${document.tracks.find((t) => t.id === id)?.name ?? id}"`);
  return names.length === 1 ? `track ${names[0]}` : `tracks ${names.join(', ')}`;
}
