import type { Clip, ProjectDocument, Source } from '../../../shared/project/documentSchema';
import { keyTransposition } from '../../../shared/project/musicalKey';
import { secondsPerBeat, stretchFactor } from '../../../shared/project/timing';

/** How a clip's source must be prepared: stretched to the project tempo, shifted to the project key. */
export interface Preparation {
  readonly sha256: string;
  readonly timeFactor: number;
  readonly semitones: number;
}

/** A clip laid out in seconds at the project tempo, over its prepared (stretched) audio. */
export interface ClipPlacement {
  readonly clip: Clip;
  readonly preparation: Preparation;
  /** Timeline seconds. */
  readonly start: number;
  readonly end: number;
  /** Where the clip starts inside the prepared audio, in seconds. */
  readonly bufferOffset: number;
  /** Length of one loop in seconds, or null. */
  readonly loop: number | null;
  readonly fadeIn: number;
  readonly fadeOut: number;
}

/** Pitched sources follow the project key; drums keep their pitch. */
export function sourceSemitones(source: Source, document: Pick<ProjectDocument, 'key'>): number {
  if (source.type !== 'catalog' || source.kind === 'drums') return 0;
  return keyTransposition(source.key, document.key);
}

export function preparationOf(clip: Clip, source: Source, document: Pick<ProjectDocument, 'bpm' | 'key'>): Preparation {
  return { sha256: source.sha256, timeFactor: stretchFactor(clip, source, document.bpm), semitones: sourceSemitones(source, document) + clip.pitch };
}

/** Every active clip of the document, placed in seconds (inactive takes and clips whose source is unknown are skipped). */
export function placeClips(document: ProjectDocument): ClipPlacement[] {
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  const spb = secondsPerBeat(document.bpm);
  const placements: ClipPlacement[] = [];
  for (const clip of document.clips) {
    if (!clip.active) continue;
    const source = sources.get(clip.sourceId);
    if (!source) continue;
    const preparation = preparationOf(clip, source, document);
    placements.push({
      clip,
      preparation,
      start: clip.start * spb,
      end: (clip.start + clip.length) * spb,
      bufferOffset: clip.sourceOffset * preparation.timeFactor,
      loop: clip.loopBeats === null ? null : clip.loopBeats * spb,
      fadeIn: clip.fadeIn.beats * spb,
      fadeOut: clip.fadeOut.beats * spb,
    });
  }
  return placements;
}

export function preparationKey(p: Preparation): string {
  return `${p.sha256}|${p.timeFactor.toFixed(9)}|${p.semitones}`;
}
