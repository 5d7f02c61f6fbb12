import type { Clip, ProjectDocument, Track } from '../../../../shared/project/documentSchema';
import { EFFECT_NAMES } from '../../../../shared/command/effectDefaults';
import { sourceSecondsPerBeat } from '../../../../shared/project/timing';

/** A clip as the candidate would leave it, drawn as a ghost. */
export interface GhostClip {
  /** The clip (for silences: where the silence is, on that track). */
  readonly clip: Pick<Clip, 'id' | 'start' | 'length' | 'trackId'>;
  /** Lane index in the current timeline; new tracks get lanes below the last one. */
  readonly lane: number;
  /** `split`: a piece of a clip that was cut but plays as before (drawn as its edges only). */
  readonly kind: 'added' | 'changed' | 'removed' | 'silenced' | 'split';
  /** Short tags: "+3 dB", "×0.5", "+2 st", "fade in". */
  readonly tags: readonly string[];
}

/** What the candidate does to a whole track (mute, solo, fader, pan, effects), as badges on its lane. */
export interface GhostTrack {
  readonly lane: number;
  readonly name: string;
  readonly tags: readonly string[];
  readonly added: boolean;
}

export interface PreviewChanges {
  readonly clips: readonly GhostClip[];
  readonly tracks: readonly GhostTrack[];
  readonly loop: ProjectDocument['loop'] | null;
  readonly markers: readonly { readonly beat: number; readonly name: string; readonly kind: 'added' | 'moved' | 'renamed' | 'removed' }[];
  /** Song-wide changes in words: "Tempo 120 → 128 BPM", "Key A minor → B minor", "Master −2 dB". */
  readonly song: readonly string[];
}

const db = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(Math.round(value * 10) / 10)} dB`;

function clipTags(before: Clip | undefined, after: Clip): string[] {
  const tags: string[] = [];
  if (!before) return ['new'];
  if (before.gainDb !== after.gainDb) tags.push(db(after.gainDb - before.gainDb));
  if (before.rate !== after.rate) tags.push(`×${after.rate}`);
  if (before.pitch !== after.pitch) tags.push(`${after.pitch - before.pitch > 0 ? '+' : ''}${after.pitch - before.pitch} st`);
  if (before.fadeIn.beats !== after.fadeIn.beats) tags.push('fade in');
  if (before.fadeOut.beats !== after.fadeOut.beats) tags.push('fade out');
  if (before.start !== after.start || before.trackId !== after.trackId) tags.push('moved');
  if (before.length !== after.length && before.start === after.start) tags.push('trimmed');
  if (before.loopBeats !== after.loopBeats) tags.push('loops');
  if (!after.active && before.active) tags.push('muted');
  return tags;
}

function trackTags(before: Track, after: Track): string[] {
  const tags: string[] = [];
  if (before.mute !== after.mute) tags.push(after.mute ? 'muted' : 'unmuted');
  if (before.solo !== after.solo) tags.push(after.solo ? 'solo' : 'solo off');
  if (before.gainDb !== after.gainDb) tags.push(`fader ${db(after.gainDb - before.gainDb)}`);
  if (before.pan !== after.pan) tags.push(`pan ${after.pan === 0 ? 'centre' : `${Math.round(Math.abs(after.pan) * 100)}% ${after.pan < 0 ? 'L' : 'R'}`}`);
  for (const effect of after.effects) {
    const was = before.effects.find((e) => e.id === effect.id);
    const name = EFFECT_NAMES[effect.params.type];
    if (!was) tags.push(`+ ${name}`);
    else if (was.enabled !== effect.enabled) tags.push(`${name} ${effect.enabled ? 'on' : 'off'}`);
    else if (JSON.stringify(was.params) !== JSON.stringify(effect.params)) tags.push(`${name} changed`);
  }
  for (const effect of before.effects) if (!after.effects.some((e) => e.id === effect.id)) tags.push(`− ${EFFECT_NAMES[effect.params.type]}`);
  return tags;
}

/** Whether `piece` plays exactly what `whole` played there (a piece left by a split, nothing else changed). */
function playsAsBefore(doc: ProjectDocument, whole: Clip, piece: Clip): boolean {
  const source = doc.sources.find((x) => x.id === whole.sourceId);
  if (!source || whole.trackId !== piece.trackId || whole.sourceId !== piece.sourceId || whole.loopBeats !== null || piece.loopBeats !== null) return false;
  if (whole.gainDb !== piece.gainDb || whole.rate !== piece.rate || whole.pitch !== piece.pitch) return false;
  if (piece.start < whole.start - 1e-9 || piece.start + piece.length > whole.start + whole.length + 1e-9) return false;
  return Math.abs(piece.sourceOffset - (whole.sourceOffset + (piece.start - whole.start) * sourceSecondsPerBeat(whole, source))) < 1e-6;
}

/** Stretches of a track heard before and not after: [start, end, still there as an unheard clip]. */
function silences(before: ProjectDocument, after: ProjectDocument, trackId: string): [number, number, boolean][] {
  const on = (doc: ProjectDocument, active: boolean | null) => doc.clips.filter((c) => c.trackId === trackId && (active === null || c.active === active));
  const covers = (clips: readonly Clip[], beat: number) => clips.some((c) => c.start <= beat && c.start + c.length > beat);
  const edges = [...new Set([...on(before, null), ...on(after, null)].flatMap((c) => [c.start, c.start + c.length]))].sort((a, b) => a - b);
  const out: [number, number, boolean][] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    const middle = (a + b) / 2;
    if (!covers(on(before, true), middle) || covers(on(after, true), middle)) continue;
    const kept = covers(on(after, false), middle);
    const last = out.at(-1);
    if (last && last[1] === a && last[2] === kept) last[1] = b;
    else out.push([a, b, kept]);
  }
  return out;
}

/**
 * What a candidate changes, in the shapes the timeline draws as ghosts:
 * clips added, changed, silenced or removed (a split shows as its two
 * pieces), badges on tracks, the loop, markers, and song-wide changes.
 */
export function previewChanges(before: ProjectDocument, after: ProjectDocument): PreviewChanges {
  const lanes = new Map(before.tracks.map((t, i) => [t.id, i]));
  let next = before.tracks.length;
  for (const track of after.tracks) if (!lanes.has(track.id)) lanes.set(track.id, next++);
  const clips: GhostClip[] = [];
  const old = new Map(before.clips.map((c) => [c.id, c]));
  for (const clip of after.clips) {
    const was = old.get(clip.id);
    if (!clip.active || (was && JSON.stringify(was) === JSON.stringify(clip))) continue;
    const piece = before.clips.some((b) => b.active && playsAsBefore(before, b, clip));
    clips.push({ clip, lane: lanes.get(clip.trackId) ?? 0, kind: piece ? 'split' : was ? 'changed' : 'added', tags: piece ? [] : clipTags(was, clip) });
  }
  // What falls silent, wherever it was: turned off (kept as an unheard take) or deleted.
  for (const track of before.tracks) {
    for (const [start, end, kept] of silences(before, after, track.id)) {
      clips.push({
        clip: { id: `silence-${track.id}-${start}`, start, length: end - start, trackId: track.id },
        lane: lanes.get(track.id) ?? 0,
        kind: kept ? 'silenced' : 'removed',
        tags: [kept ? 'muted' : 'deleted'],
      });
    }
  }
  const tracks: GhostTrack[] = [];
  for (const track of after.tracks) {
    const was = before.tracks.find((t) => t.id === track.id);
    if (!was)
      tracks.push({
        lane: lanes.get(track.id)!,
        name: track.name,
        tags: ['new track', ...(track.pan ? [`pan ${Math.round(Math.abs(track.pan) * 100)}% ${track.pan < 0 ? 'L' : 'R'}`] : [])],
        added: true,
      });
    else {
      const tags = trackTags(was, track);
      if (tags.length) tracks.push({ lane: lanes.get(track.id)!, name: track.name, tags, added: false });
    }
  }
  for (const track of before.tracks)
    if (!after.tracks.some((t) => t.id === track.id)) tracks.push({ lane: lanes.get(track.id)!, name: track.name, tags: ['track deleted'], added: false });
  const markers: PreviewChanges['markers'][number][] = [];
  for (const marker of after.markers) {
    const was = before.markers.find((m) => m.id === marker.id);
    if (!was) markers.push({ beat: marker.beat, name: marker.name, kind: 'added' });
    else if (was.beat !== marker.beat) markers.push({ beat: marker.beat, name: marker.name, kind: 'moved' });
    else if (was.name !== marker.name) markers.push({ beat: marker.beat, name: marker.name, kind: 'renamed' });
  }
  for (const marker of before.markers)
    if (!after.markers.some((m) => m.id === marker.id)) markers.push({ beat: marker.beat, name: marker.name, kind: 'removed' });
  const song: string[] = [];
  if (before.bpm !== after.bpm) song.push(`Tempo ${before.bpm} → ${after.bpm} BPM`);
  if (before.key !== after.key) song.push(`Key ${before.key} → ${after.key}`);
  if (before.master.gainDb !== after.master.gainDb) song.push(`Master ${db(after.master.gainDb - before.master.gainDb)}`);
  if (before.timeSignature.join('/') !== after.timeSignature.join('/')) song.push(`Time ${after.timeSignature.join('/')}`);
  const loopChanged = JSON.stringify(before.loop) !== JSON.stringify(after.loop);
  if (loopChanged && !after.loop.enabled) song.push('Loop off');
  return { clips, tracks, loop: loopChanged && after.loop.enabled ? after.loop : null, markers, song };
}
