import type { Clip, ProjectDocument, Source } from './documentSchema';

/** Seconds per beat at `bpm`. */
export const secondsPerBeat = (bpm: number) => 60 / bpm;

/** Timeline beats → seconds at the project tempo. */
export const beatsToSeconds = (beats: number, bpm: number) => beats * secondsPerBeat(bpm);
export const secondsToBeats = (seconds: number, bpm: number) => seconds / secondsPerBeat(bpm);

/** Source seconds one timeline beat of this clip plays (its source tempo, times its rate). */
export function sourceSecondsPerBeat(clip: Pick<Clip, 'rate'>, source: Pick<Source, 'bpm'>): number {
  return secondsPerBeat(source.bpm) * clip.rate;
}

/**
 * How much the clip's audio is stretched in time: output seconds per source
 * second. 1 means the source plays at its own speed (project tempo equals
 * its tempo, rate 1); > 1 slower, < 1 faster.
 */
export function stretchFactor(clip: Pick<Clip, 'rate'>, source: Pick<Source, 'bpm'>, bpm: number): number {
  return secondsPerBeat(bpm) / sourceSecondsPerBeat(clip, source);
}

/** The span of source material a clip plays, in source seconds (one loop's worth when looping). */
export function clipSourceSpan(clip: Pick<Clip, 'length' | 'loopBeats' | 'rate'>, source: Pick<Source, 'bpm'>): number {
  return (clip.loopBeats ?? clip.length) * sourceSecondsPerBeat(clip, source);
}

/** The end of the arrangement in beats (last clip end), at least one bar. */
export function arrangementEnd(doc: Pick<ProjectDocument, 'clips' | 'timeSignature'>): number {
  return Math.max(doc.timeSignature[0], ...doc.clips.map((c) => c.start + c.length));
}
