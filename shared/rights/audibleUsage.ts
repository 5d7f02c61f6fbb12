import { audibleTracks } from '../project/audibleTracks';
import type { ProjectDocument, Source } from '../project/documentSchema';
import { beatsToSeconds, clipSourceSpan } from '../project/timing';

/** One stretch of a source heard in the export: where on the timeline, and which part of the source. */
export interface UsedRange {
  readonly startSec: number;
  readonly endSec: number;
  readonly sourceStartSec: number;
  readonly sourceEndSec: number;
}

export interface SourceUsage {
  readonly source: Source;
  readonly trackIds: readonly string[];
  readonly ranges: readonly UsedRange[];
  /** Timeline seconds during which this source is heard (overlaps counted once). */
  readonly audibleSeconds: number;
}

/** Total length of a union of intervals. */
export function unionLength(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [start, end] of sorted) {
    if (!current || start > current[1]) {
      if (current) total += current[1] - current[0];
      current = [start, end];
    } else current[1] = Math.max(current[1], end);
  }
  return current ? total + current[1] - current[0] : total;
}

/**
 * What the export will actually contain: the active clips' sources on
 * audible tracks (mute and solo applied; alternative takes left out), with the timeline and source ranges each clip
 * plays. Rights are judged on this, not on everything in the project.
 */
export function audibleUsage(document: ProjectDocument): SourceUsage[] {
  const audible = audibleTracks(document.tracks);
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  const bySource = new Map<string, { trackIds: Set<string>; ranges: UsedRange[] }>();
  for (const clip of document.clips) {
    const source = sources.get(clip.sourceId);
    if (!source || !clip.active || !audible.has(clip.trackId)) continue;
    const entry = bySource.get(source.id) ?? { trackIds: new Set<string>(), ranges: [] };
    entry.trackIds.add(clip.trackId);
    entry.ranges.push({
      startSec: beatsToSeconds(clip.start, document.bpm),
      endSec: beatsToSeconds(clip.start + clip.length, document.bpm),
      sourceStartSec: clip.sourceOffset,
      sourceEndSec: clip.sourceOffset + clipSourceSpan(clip, source),
    });
    bySource.set(source.id, entry);
  }
  return [...bySource].map(([id, entry]) => ({
    source: sources.get(id)!,
    trackIds: [...entry.trackIds],
    ranges: entry.ranges.sort((a, b) => a.startSec - b.startSec),
    audibleSeconds: unionLength(entry.ranges.map((r) => [r.startSec, r.endSec])),
  }));
}
