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
  /**
   * The ranges whose clip can actually be heard: its loudest gain (clip +
   * track fader or loudest automation point + master) above INAUDIBLE_GAIN_DB.
   * Splits share by these; rights are judged on every range (a forbidden stem
   * 100 dB down is still that stem, and can be brought back up).
   */
  readonly heardRanges: readonly UsedRange[];
  /** Timeline seconds during which this source is heard (overlaps counted once). */
  readonly audibleSeconds: number;
}

/** At or below this gain a clip is below the floor of a 16-bit export whatever its effects add: placed, but not heard. */
export const INAUDIBLE_GAIN_DB = -90;

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
  const bySource = new Map<string, { trackIds: Set<string>; ranges: UsedRange[]; heardRanges: UsedRange[] }>();
  const tracks = new Map(document.tracks.map((t) => [t.id, t]));
  for (const clip of document.clips) {
    const source = sources.get(clip.sourceId);
    if (!source || !clip.active || !audible.has(clip.trackId)) continue;
    const entry = bySource.get(source.id) ?? { trackIds: new Set<string>(), ranges: [], heardRanges: [] };
    entry.trackIds.add(clip.trackId);
    const range = {
      startSec: beatsToSeconds(clip.start, document.bpm),
      endSec: beatsToSeconds(clip.start + clip.length, document.bpm),
      sourceStartSec: clip.sourceOffset,
      sourceEndSec: clip.sourceOffset + clipSourceSpan(clip, source),
    };
    entry.ranges.push(range);
    const track = tracks.get(clip.trackId)!;
    const fader = track.volumeAutomation.length ? Math.max(...track.volumeAutomation.map((p) => p.gainDb)) : track.gainDb;
    if (clip.gainDb + fader + document.master.gainDb > INAUDIBLE_GAIN_DB) entry.heardRanges.push(range);
    bySource.set(source.id, entry);
  }
  return [...bySource].map(([id, entry]) => ({
    source: sources.get(id)!,
    trackIds: [...entry.trackIds],
    ranges: entry.ranges.sort((a, b) => a.startSec - b.startSec),
    heardRanges: entry.heardRanges.sort((a, b) => a.startSec - b.startSec),
    audibleSeconds: unionLength(entry.ranges.map((r) => [r.startSec, r.endSec])),
  }));
}
