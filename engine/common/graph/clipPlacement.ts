import type { Clip, ProjectDocument, Source } from '../../../shared/project/documentSchema';
import { keyTransposition } from '../../../shared/project/musicalKey';
import { clipSourceSpan, secondsPerBeat, stretchFactor } from '../../../shared/project/timing';

/**
 * How a clip's source must be prepared: stretched to the project tempo,
 * shifted to the project key. Audio played as it is is the whole source;
 * stretched audio is the clip's own span (one loop's worth), stretched from
 * its first source frame — exactly what the live stream plays for the clip.
 */
export interface Preparation {
  readonly sha256: string;
  readonly timeFactor: number;
  readonly semitones: number;
  /** Source seconds the stretch starts at and how many it covers; null for the whole, untouched source. */
  readonly span: { readonly start: number; readonly seconds: number } | null;
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
  const timeFactor = stretchFactor(clip, source, document.bpm);
  const semitones = sourceSemitones(source, document) + clip.pitch;
  const untouched = timeFactor === 1 && semitones === 0;
  return { sha256: source.sha256, timeFactor, semitones, span: untouched ? null : { start: clip.sourceOffset, seconds: clipSourceSpan(clip, source) } };
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
      bufferOffset: preparation.span ? 0 : clip.sourceOffset,
      loop: clip.loopBeats === null ? null : clip.loopBeats * spb,
      fadeIn: clip.fadeIn.beats * spb,
      fadeOut: clip.fadeOut.beats * spb,
    });
  }
  return placements;
}

export function preparationKey(p: Preparation): string {
  const span = p.span ? `|${p.span.start.toFixed(9)}+${p.span.seconds.toFixed(9)}` : '';
  return `${p.sha256}|${p.timeFactor.toFixed(9)}|${p.semitones}${span}`;
}
