import type { Effect, ProjectDocument } from '../../shared/project/documentSchema';
import { documentChanges, materialAt, type Change, type Material } from './documentChanges';
import type { Expectation, Range } from './evalSet';

const EPS = 1e-6;
const within = (value: number, r: Range) => (typeof r === 'number' ? Math.abs(value - r) < 1e-6 : value >= r[0] - EPS && value <= r[1] + EPS);
const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);
const ci = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

interface Ctx {
  readonly before: ProjectDocument;
  readonly after: ProjectDocument;
  readonly changes: readonly Change[];
}

/** Indexes of the changes an expectation explains, or null when the candidate does not do what it says. */
type Consumed = number[] | null;

function trackId(ctx: Ctx, name: string): string {
  const track = ctx.before.tracks.find((t) => t.name === name);
  if (!track) throw new Error(`the evaluation set names an unknown track "${name}"`);
  return track.id;
}

const indexes = (ctx: Ctx, test: (c: Change) => boolean) => ctx.changes.flatMap((c, i) => (test(c) ? [i] : []));
const nonEmpty = (found: number[]): Consumed => (found.length ? found : null);

function paramsMatch(
  effect: Effect | undefined,
  params: Record<string, Range | string> | undefined,
  delta: Record<string, Range> | undefined,
  before?: Effect,
): boolean {
  if (!effect) return false;
  const p = effect.params as unknown as Record<string, number | string>;
  for (const [key, want] of Object.entries(params ?? {})) {
    const value = p[key];
    if (typeof want === 'string' ? value !== want : typeof value !== 'number' || !within(value, want)) return false;
  }
  for (const [key, want] of Object.entries(delta ?? {})) {
    const was = (before?.params as unknown as Record<string, number> | undefined)?.[key];
    const value = p[key];
    if (typeof was !== 'number' || typeof value !== 'number' || !within(value - was, want)) return false;
  }
  return true;
}

type RegionPredicate = (was: readonly Material[], now: readonly Material[]) => boolean;

const strip = (m: Material, ...keys: (keyof Material)[]) =>
  JSON.stringify(Object.fromEntries(Object.entries(m).filter(([k]) => !keys.includes(k as keyof Material))));
const sameExcept = (was: readonly Material[], now: readonly Material[], ...keys: (keyof Material)[]) =>
  was.length === now.length && was.every((m, i) => strip(m, ...keys) === strip(now[i]!, ...keys));

/** Region edits: every heard stretch of the track inside the ranges changed as asked, nothing else on it. */
function regionConsumed(ctx: Ctx, track: string, ranges: readonly (readonly [number, number])[], predicate: RegionPredicate, removed: boolean): Consumed {
  const id = trackId(ctx, track);
  const inside = (from: number, to: number) => ranges.some(([a, b]) => from >= a - EPS && to <= b + EPS);
  const at = (beat: number) => ranges.some(([a, b]) => beat >= a - EPS && beat <= b + EPS);
  const consumed: number[] = [];
  for (const [i, c] of ctx.changes.entries()) {
    if (c.kind === 'timeline' && c.trackId === id && inside(c.from, c.to)) {
      if (!predicate(c.before, c.after)) return null;
      consumed.push(i);
    }
    if ((c.kind === 'boundary' && c.trackId === id && at(c.beat)) || (c.kind === 'fade' && c.trackId === id && at(c.at))) consumed.push(i);
  }
  // Nothing heard in the ranges was left unchanged.
  for (const [a, b] of ranges) {
    const points = [a, b, ...ctx.before.clips.filter((c) => c.trackId === id).flatMap((c) => [c.start, c.start + c.length])]
      .filter((p) => p >= a && p <= b)
      .sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      if (to - from < EPS) continue;
      const was = materialAt(ctx.before, id, from, to);
      if (was.length === 0) continue;
      const covered = ctx.changes.some((c) => c.kind === 'timeline' && c.trackId === id && c.from <= from + EPS && c.to >= from + EPS && c.from < to);
      if (!covered) return null;
    }
    if (removed && ctx.after.clips.some((c) => c.trackId === id && c.start < b - EPS && c.start + c.length > a + EPS)) return null;
  }
  return consumed.some((i) => ctx.changes[i]!.kind === 'timeline') ? consumed : null;
}

function newTrackConsumed(ctx: Ctx, track: string, ranges: readonly (readonly [number, number])[], want: { pan?: Range; effect?: string }): Consumed {
  const id = trackId(ctx, track);
  const moved = regionConsumed(ctx, track, ranges, (_, now) => now.length === 0, false);
  if (!moved) return null;
  for (const [i, c] of ctx.changes.entries()) {
    if (c.kind !== 'trackAdded') continue;
    if (want.pan !== undefined && !within(c.track.pan, want.pan)) continue;
    if (want.effect && !c.track.effects.some((e) => e.params.type === want.effect)) continue;
    const own = indexes(ctx, (x) => (x.kind === 'timeline' || x.kind === 'boundary' || x.kind === 'fade') && x.trackId === c.track.id);
    const carries = own.every((j) => {
      const x = ctx.changes[j]!;
      return x.kind !== 'timeline' || JSON.stringify(x.after) === JSON.stringify(materialAt(ctx.before, id, x.from, x.to));
    });
    if (carries && own.length > 0) return [...moved, i, ...own];
  }
  return null;
}

function expectationConsumed(ctx: Ctx, e: Expectation): Consumed {
  if ('tempo' in e) return nonEmpty(indexes(ctx, (c) => c.kind === 'global' && c.field === 'bpm' && within(c.after as number, e.tempo)).slice(0, 1));
  if ('key' in e) return nonEmpty(indexes(ctx, (c) => c.kind === 'global' && c.field === 'key' && list(e.key).includes(c.after as string)));
  if ('loop' in e) {
    const want = e.loop;
    return nonEmpty(
      indexes(ctx, (c) => {
        if (c.kind !== 'global' || c.field !== 'loop') return false;
        const loop = c.after as ProjectDocument['loop'];
        return want === false ? !loop.enabled : loop.enabled && Math.abs(loop.start - want[0]) < EPS && Math.abs(loop.end - want[1]) < EPS;
      }),
    );
  }
  if ('master' in e) {
    return nonEmpty(
      indexes(ctx, (c) => {
        if (c.kind !== 'global' || c.field !== 'master') return false;
        const [was, now] = [c.before as ProjectDocument['master'], c.after as ProjectDocument['master']];
        return was.limiterCeilingDb === now.limiterCeilingDb && within(now.gainDb - was.gainDb, e.master.gainDelta);
      }),
    );
  }
  if ('markerAdded' in e)
    return nonEmpty(
      indexes(
        ctx,
        (c) => c.kind === 'marker' && !c.before && !!c.after && ci(c.after.name, e.markerAdded[0]) && Math.abs(c.after.beat - e.markerAdded[1]) < EPS,
      ),
    );
  if ('markerRemoved' in e) return nonEmpty(indexes(ctx, (c) => c.kind === 'marker' && !!c.before && !c.after && ci(c.before.name, e.markerRemoved)));
  if ('markerMoved' in e)
    return nonEmpty(
      indexes(
        ctx,
        (c) =>
          c.kind === 'marker' &&
          !!c.before &&
          !!c.after &&
          ci(c.before.name, e.markerMoved[0]) &&
          c.after.name === c.before.name &&
          Math.abs(c.after.beat - e.markerMoved[1]) < EPS,
      ),
    );
  if ('markerRenamed' in e)
    return nonEmpty(
      indexes(
        ctx,
        (c) =>
          c.kind === 'marker' &&
          !!c.before &&
          !!c.after &&
          ci(c.before.name, e.markerRenamed[0]) &&
          ci(c.after.name, e.markerRenamed[1]) &&
          c.after.beat === c.before.beat,
      ),
    );
  if ('allClips' in e) {
    const { rate, pitch } = e.allClips;
    const heard = ctx.after.clips.filter((c) => c.active);
    if (rate !== undefined && !heard.every((c) => c.rate === rate)) return null;
    if (pitch !== undefined && !heard.every((c) => c.pitch === pitch)) return null;
    return nonEmpty(indexes(ctx, (c) => c.kind === 'timeline' || c.kind === 'boundary' || c.kind === 'fade'));
  }
  const consumed: number[] = [];
  for (const name of list(e.track)) {
    const part = trackExpectationConsumed(ctx, name, e);
    if (part === null) return null;
    consumed.push(...part);
  }
  return consumed;
}

type TrackExpectation = Exclude<
  Expectation,
  | { tempo: unknown }
  | { key: unknown }
  | { loop: unknown }
  | { master: unknown }
  | { markerAdded: unknown }
  | { markerRemoved: unknown }
  | { markerMoved: unknown }
  | { markerRenamed: unknown }
  | { allClips: unknown }
>;

function trackExpectationConsumed(ctx: Ctx, name: string, e: TrackExpectation): Consumed {
  const id = trackId(ctx, name);
  if ('effect' in e) {
    const found = indexes(ctx, (c) => {
      if (c.kind !== 'effect' || c.trackId !== id || c.type !== e.effect) return false;
      if (e.added) return !c.before && paramsMatch(c.after, e.params, undefined);
      if (e.removed) return !c.after;
      if (!c.before || !c.after) return false;
      if (e.enabled !== undefined && c.after.enabled !== e.enabled) return false;
      return paramsMatch(c.after, e.params, e.paramDelta, c.before);
    });
    return found.length ? found.slice(0, 1) : null;
  }
  if ('region' in e) {
    const ranges = (typeof e.region[0] === 'number' ? [e.region] : e.region) as (readonly [number, number])[];
    if (e.toNewTrack) return newTrackConsumed(ctx, name, ranges, e.toNewTrack);
    const predicate: RegionPredicate = (was, now) => {
      if (e.heard === false || e.removed) return now.length === 0 && was.length > 0;
      if (e.gainDelta !== undefined) return sameExcept(was, now, 'gainDb') && now.every((m, i) => within(m.gainDb - was[i]!.gainDb, e.gainDelta!));
      if (e.rate !== undefined) return now.length > 0 && now.every((m) => m.rate === e.rate);
      if (e.pitch !== undefined) return sameExcept(was, now, 'pitch') && now.every((m, i) => m.pitch - was[i]!.pitch === e.pitch);
      return false;
    };
    return regionConsumed(ctx, name, ranges, predicate, e.removed === true);
  }
  if ('fadeIn' in e || 'fadeOut' in e) {
    const dir = e.fadeIn !== undefined ? 'in' : 'out';
    const want = (e.fadeIn ?? e.fadeOut)!;
    const added = indexes(
      ctx,
      (c) =>
        c.kind === 'fade' &&
        c.trackId === id &&
        c.side === 'after' &&
        c.dir === dir &&
        within(c.beats, want) &&
        (e.at === undefined || Math.abs(c.at - e.at) < EPS),
    );
    if (added.length !== 1) return null;
    const at = (ctx.changes[added[0]!] as Extract<Change, { kind: 'fade' }>).at;
    return [...added, ...indexes(ctx, (c) => c.kind === 'fade' && c.trackId === id && c.side === 'before' && c.dir === dir && Math.abs(c.at - at) < EPS)];
  }
  if ('move' in e) {
    const [from, to] = e.move;
    const clip = ctx.before.clips.find((c) => c.trackId === id && c.active && Math.abs(c.start - from) < EPS);
    if (!clip) throw new Error(`the evaluation set moves a clip of "${name}" at ${from} that does not exist`);
    const there = ctx.after.clips.some(
      (c) =>
        c.trackId === id &&
        c.active &&
        c.sourceId === clip.sourceId &&
        Math.abs(c.start - to) < EPS &&
        Math.abs(c.sourceOffset - clip.sourceOffset) < 1e-3 &&
        Math.abs(c.length - clip.length) < EPS,
    );
    if (!there) return null;
    const [a, b] = [Math.min(from, to), Math.max(from, to) + clip.length];
    return indexes(
      ctx,
      (c) =>
        (c.kind === 'timeline' && c.trackId === id && c.from >= a - EPS && c.to <= b + EPS) ||
        ((c.kind === 'boundary' || c.kind === 'fade') &&
          c.trackId === id &&
          (c.kind === 'boundary' ? c.beat : c.at) >= a - EPS &&
          (c.kind === 'boundary' ? c.beat : c.at) <= b + EPS),
    );
  }
  if ('copy' in e) {
    const [from, to, at] = e.copy;
    const [a, b] = [at, at + (to - from)];
    const found = indexes(
      ctx,
      (c) =>
        (c.kind === 'timeline' && c.trackId === id && c.from >= a - EPS && c.to <= b + EPS) ||
        ((c.kind === 'boundary' || c.kind === 'fade') &&
          c.trackId === id &&
          (c.kind === 'boundary' ? c.beat : c.at) >= a - EPS &&
          (c.kind === 'boundary' ? c.beat : c.at) <= b + EPS),
    );
    const copies = found.every((i) => {
      const c = ctx.changes[i]!;
      return c.kind !== 'timeline' || JSON.stringify(c.after) === JSON.stringify(materialAt(ctx.before, id, c.from - (at - from), c.to - (at - from)));
    });
    const covered = found
      .filter((i) => ctx.changes[i]!.kind === 'timeline')
      .reduce(
        (sum, i) => sum + ((ctx.changes[i] as Extract<Change, { kind: 'timeline' }>).to - (ctx.changes[i] as Extract<Change, { kind: 'timeline' }>).from),
        0,
      );
    return copies && Math.abs(covered - (to - from)) < EPS ? found : null;
  }
  if ('split' in e) {
    const consumed: number[] = [];
    for (const beat of list(e.split)) {
      const found = indexes(ctx, (c) => c.kind === 'boundary' && c.trackId === id && Math.abs(c.beat - beat) < EPS);
      if (!found.length) return null;
      consumed.push(...found);
    }
    return consumed;
  }
  // Track faders and switches: a switch already in the asked position needs no change.
  const track = ctx.before.tracks.find((t) => t.id === id)!;
  const t = e as { gainDelta?: Range; gainDb?: Range; pan?: Range; mute?: boolean; solo?: boolean };
  const consumed: number[] = [];
  const prop = (key: 'gainDb' | 'pan' | 'mute' | 'solo', ok: (before: number | boolean, after: number | boolean) => boolean, unchangedOk: boolean): boolean => {
    const found = indexes(ctx, (c) => c.kind === 'trackProp' && c.trackId === id && c.prop === key);
    if (found.length === 0) return unchangedOk;
    const c = ctx.changes[found[0]!] as Extract<Change, { kind: 'trackProp' }>;
    if (!ok(c.before as number | boolean, c.after as number | boolean)) return false;
    consumed.push(...found);
    return true;
  };
  if (t.gainDelta !== undefined && !prop('gainDb', (b, a) => within((a as number) - (b as number), t.gainDelta!), false)) return null;
  if (t.gainDb !== undefined && !prop('gainDb', (_, a) => within(a as number, t.gainDb!), within(track.gainDb, t.gainDb))) return null;
  if (t.pan !== undefined && !prop('pan', (_, a) => within(a as number, t.pan!), within(track.pan, t.pan))) return null;
  if (t.mute !== undefined && !prop('mute', (_, a) => a === t.mute, track.mute === t.mute)) return null;
  if (t.solo !== undefined && !prop('solo', (_, a) => a === t.solo, track.solo === t.solo)) return null;
  return consumed;
}

/**
 * Whether `after` is exactly the reading: each expectation finds the
 * changes it describes, and no change is left unexplained.
 */
export function matchesReading(before: ProjectDocument, after: ProjectDocument, reading: readonly Expectation[]): boolean {
  const ctx: Ctx = { before, after, changes: documentChanges(before, after) };
  if (ctx.changes.length === 0) return false;
  const explained = new Set<number>();
  let useful = false;
  for (const expectation of reading) {
    const consumed = expectationConsumed(ctx, expectation);
    if (consumed === null) return false;
    if (consumed.length > 0) useful = true;
    for (const i of consumed) explained.add(i);
  }
  return useful && explained.size === ctx.changes.length;
}
