import type { ClipChanges, Command } from '../project/commandSchema';
import type { Clip, ProjectDocument } from '../project/documentSchema';
import { formatBeat } from './formatBars';
import type { IdSource } from './Reading';

export type Ranges = readonly (readonly [number, number])[];

export interface RegionEdit {
  readonly commands: Command[];
  /** Beats where clips were split to bound the region. */
  readonly splits: number[];
  /** Ids of the clip pieces inside the region (after splitting), with the clip each came from. */
  readonly pieces: { readonly id: string; readonly origin: Clip; readonly start: number; readonly end: number }[];
  /** Looping clips only partly inside a range: they cannot be split, so they were left alone. */
  readonly skipped: number;
}

interface Piece {
  id: string;
  origin: Clip;
  start: number;
  end: number;
}

/**
 * Bounds a region of some tracks as clips of their own: splits every heard
 * clip at the region's edges (ordinary `splitClip` commands) and returns
 * the pieces inside, so an edit "for bars 1–8" changes exactly those bars.
 * `change` then says what happens to each piece (changes, or "remove").
 */
export function regionEdit(
  doc: ProjectDocument,
  trackIds: readonly string[],
  ranges: Ranges,
  ids: IdSource,
  change: (piece: Clip) => ClipChanges | 'remove' | null,
): RegionEdit {
  const commands: Command[] = [];
  const splits: number[] = [];
  const inside: Piece[] = [];
  let skipped = 0;
  for (const trackId of trackIds) {
    const pieces: Piece[] = doc.clips
      .filter((c) => c.trackId === trackId && c.active)
      .sort((a, b) => a.start - b.start)
      .map((c) => ({ id: c.id, origin: c, start: c.start, end: c.start + c.length }));
    for (const [a, b] of ranges) {
      for (const piece of [...pieces]) {
        if (piece.start >= b || piece.end <= a) continue;
        const covered = piece.start >= a && piece.end <= b;
        if (!covered && piece.origin.loopBeats !== null) {
          skipped++;
          continue;
        }
        let current = piece;
        if (a > current.start) {
          const right: Piece = { id: ids.next('clip'), origin: current.origin, start: a, end: current.end };
          commands.push({ type: 'splitClip', clipId: current.id, beat: a, newClipId: right.id });
          splits.push(a);
          current.end = a;
          pieces.splice(pieces.indexOf(current) + 1, 0, right);
          current = right;
        }
        if (b < current.end) {
          const right: Piece = { id: ids.next('clip'), origin: current.origin, start: b, end: current.end };
          commands.push({ type: 'splitClip', clipId: current.id, beat: b, newClipId: right.id });
          splits.push(b);
          current.end = b;
          pieces.splice(pieces.indexOf(current) + 1, 0, right);
        }
        if (!inside.includes(current)) inside.push(current);
      }
    }
  }
  for (const piece of inside) {
    const changes = change(piece.origin);
    if (changes === 'remove') commands.push({ type: 'removeClip', clipId: piece.id });
    else if (changes && Object.keys(changes).length) commands.push({ type: 'updateClip', clipId: piece.id, changes });
  }
  return { commands, splits, pieces: inside, skipped };
}

/** "(splits its clip at bars 9 and 17)", or '' when nothing was split. */
export function describeSplits(splits: readonly number[], beatsPerBar: number, clips = 1): string {
  const at = [...new Set(splits)].sort((a, b) => a - b).map((b) => formatBeat(b, beatsPerBar).replace(/^bar /, ''));
  if (at.length === 0) return '';
  const where = at.length === 1 ? `bar ${at[0]}` : `bars ${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
  return ` (splits ${clips > 1 ? 'clips' : 'its clip'} at ${where})`;
}
