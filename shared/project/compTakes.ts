import { applyCommand } from './applyCommand';
import type { Command } from './commandSchema';
import type { ProjectDocument } from './documentSchema';

/**
 * Comping: the commands that make one take (a recording source) the one
 * heard on a track between two beats. Clips of the track crossing the
 * range's edges are split there; inside the range the chosen take's clips
 * become active and every other clip inactive; outside nothing changes.
 * "Keep this take" is the same over the whole timeline.
 */
export function compTakes(doc: ProjectDocument, trackId: string, sourceId: string, from: number, to: number, newId: () => string): Command[] {
  if (!(to > from)) return [];
  const commands: Command[] = [];
  let working = doc;
  const run = (command: Command) => {
    working = applyCommand(working, command).document;
    commands.push(command);
  };
  for (const edge of [from, to]) {
    for (const clip of working.clips.filter((c) => c.trackId === trackId && c.start < edge && c.start + c.length > edge)) {
      run({ type: 'splitClip', clipId: clip.id, beat: edge, newClipId: newId() });
    }
  }
  for (const clip of working.clips) {
    if (clip.trackId !== trackId || clip.start < from || clip.start + clip.length > to) continue;
    const active = clip.sourceId === sourceId;
    if (clip.active !== active) run({ type: 'updateClip', clipId: clip.id, changes: { active } });
  }
  return commands;
}
