import type { Clip, Effect, Marker, ProjectDocument, Track } from '../../shared/project/documentSchema';

/** What one track plays over a stretch of beats: the material of each heard clip there. */
export interface Material {
  readonly sourceId: string;
  /** Source seconds at the start of the stretch (rounded to the millisecond). */
  readonly position: number;
  readonly gainDb: number;
  readonly rate: number;
  readonly pitch: number;
}

/**
 * One elementary change between two documents. The evaluation judges a
 * candidate by its effect, not by the commands it used: every change a
 * candidate makes must be explained by the expected reading, and every
 * expected change must be there.
 */
export type Change =
  | { readonly kind: 'global'; readonly field: 'bpm' | 'key' | 'timeSignature' | 'loop' | 'master' | 'name'; readonly before: unknown; readonly after: unknown }
  | { readonly kind: 'marker'; readonly before?: Marker; readonly after?: Marker }
  | {
      readonly kind: 'trackProp';
      readonly trackId: string;
      readonly prop: 'gainDb' | 'pan' | 'mute' | 'solo' | 'name' | 'color' | 'volumeAutomation';
      readonly before: unknown;
      readonly after: unknown;
    }
  | { readonly kind: 'trackAdded'; readonly track: Track }
  | { readonly kind: 'trackRemoved'; readonly track: Track }
  | { readonly kind: 'effect'; readonly trackId: string; readonly type: string; readonly before?: Effect; readonly after?: Effect }
  | {
      readonly kind: 'timeline';
      readonly trackId: string;
      readonly from: number;
      readonly to: number;
      readonly before: readonly Material[];
      readonly after: readonly Material[];
    }
  | { readonly kind: 'boundary'; readonly trackId: string; readonly beat: number }
  | {
      readonly kind: 'fade';
      readonly trackId: string;
      readonly dir: 'in' | 'out';
      readonly at: number;
      readonly beats: number;
      readonly side: 'before' | 'after';
    };

const round = (value: number, digits = 6) => Math.round(value * 10 ** digits) / 10 ** digits;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The material a track plays over [from, to) (`from` is an elementary interval's start; no clip edge lies inside it). */
export function materialAt(doc: ProjectDocument, trackId: string, from: number, to: number): Material[] {
  const middle = (from + to) / 2;
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  return doc.clips
    .filter((c) => c.active && c.trackId === trackId && c.start <= middle && c.start + c.length > middle)
    .map((c) => {
      const source = sources.get(c.sourceId);
      const secondsPerBeat = (60 / (source?.bpm ?? doc.bpm)) * c.rate;
      const inClip = c.loopBeats ? (from - c.start) % c.loopBeats : from - c.start;
      return { sourceId: c.sourceId, position: round(c.sourceOffset + inClip * secondsPerBeat, 3), gainDb: round(c.gainDb, 3), rate: c.rate, pitch: c.pitch };
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function clipEdges(clips: readonly Clip[]): number[] {
  return clips.flatMap((c) => [round(c.start), round(c.start + c.length)]);
}

function timelineChanges(before: ProjectDocument, after: ProjectDocument, trackId: string): Change[] {
  const a = before.clips.filter((c) => c.trackId === trackId);
  const b = after.clips.filter((c) => c.trackId === trackId);
  const loopEdges = [...a, ...b].flatMap((c) =>
    c.loopBeats ? Array.from({ length: Math.ceil(c.length / c.loopBeats) }, (_, i) => round(c.start + i * c.loopBeats!)) : [],
  );
  const points = [...new Set([...clipEdges(a), ...clipEdges(b), ...loopEdges])].sort((x, y) => x - y);
  const changes: Change[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const was = materialAt(before, trackId, from, to);
    const now = materialAt(after, trackId, from, to);
    if (!same(was, now)) changes.push({ kind: 'timeline', trackId, from, to, before: was, after: now });
  }
  const edgesBefore = new Set(clipEdges(a));
  const edgesAfter = new Set(clipEdges(b));
  for (const beat of new Set([...edgesBefore, ...edgesAfter])) {
    if (edgesBefore.has(beat) !== edgesAfter.has(beat)) changes.push({ kind: 'boundary', trackId, beat });
  }
  const fades = (clips: readonly Clip[]) =>
    new Set(
      clips.flatMap((c) =>
        [
          c.fadeIn.beats > 0 ? `in|${round(c.start)}|${round(c.fadeIn.beats)}` : '',
          c.fadeOut.beats > 0 ? `out|${round(c.start + c.length)}|${round(c.fadeOut.beats)}` : '',
        ].filter(Boolean),
      ),
    );
  const fadesBefore = fades(a);
  const fadesAfter = fades(b);
  const fadeChange = (key: string, side: 'before' | 'after'): Change => {
    const [dir, at, beats] = key.split('|');
    return { kind: 'fade', trackId, dir: dir as 'in' | 'out', at: Number(at), beats: Number(beats), side };
  };
  for (const key of fadesBefore) if (!fadesAfter.has(key)) changes.push(fadeChange(key, 'before'));
  for (const key of fadesAfter) if (!fadesBefore.has(key)) changes.push(fadeChange(key, 'after'));
  return changes;
}

function effectChanges(trackId: string, before: readonly Effect[], after: readonly Effect[]): Change[] {
  const changes: Change[] = [];
  for (const effect of before) {
    const now = after.find((e) => e.id === effect.id);
    if (!now) changes.push({ kind: 'effect', trackId, type: effect.params.type, before: effect });
    else if (!same(effect, now)) changes.push({ kind: 'effect', trackId, type: effect.params.type, before: effect, after: now });
  }
  for (const effect of after) if (!before.some((e) => e.id === effect.id)) changes.push({ kind: 'effect', trackId, type: effect.params.type, after: effect });
  return changes;
}

/** Every elementary change from `before` to `after`. */
export function documentChanges(before: ProjectDocument, after: ProjectDocument): Change[] {
  const changes: Change[] = [];
  for (const field of ['bpm', 'key', 'timeSignature', 'loop', 'master', 'name'] as const) {
    if (!same(before[field], after[field])) changes.push({ kind: 'global', field, before: before[field], after: after[field] });
  }
  for (const marker of before.markers) {
    const now = after.markers.find((m) => m.id === marker.id);
    if (!now) changes.push({ kind: 'marker', before: marker });
    else if (!same(marker, now)) changes.push({ kind: 'marker', before: marker, after: now });
  }
  for (const marker of after.markers) if (!before.markers.some((m) => m.id === marker.id)) changes.push({ kind: 'marker', after: marker });
  for (const track of before.tracks) {
    const now = after.tracks.find((t) => t.id === track.id);
    if (!now) {
      changes.push({ kind: 'trackRemoved', track });
      continue;
    }
    for (const prop of ['gainDb', 'pan', 'mute', 'solo', 'name', 'color', 'volumeAutomation'] as const) {
      if (!same(track[prop], now[prop])) changes.push({ kind: 'trackProp', trackId: track.id, prop, before: track[prop], after: now[prop] });
    }
    changes.push(...effectChanges(track.id, track.effects, now.effects));
  }
  for (const track of after.tracks) if (!before.tracks.some((t) => t.id === track.id)) changes.push({ kind: 'trackAdded', track });
  const trackIds = new Set([...before.tracks, ...after.tracks].map((t) => t.id));
  for (const trackId of trackIds) changes.push(...timelineChanges(before, after, trackId));
  return changes;
}
