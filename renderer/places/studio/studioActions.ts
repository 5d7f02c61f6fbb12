import type { Clip, EffectParams, Track } from '../../../shared/project/documentSchema';
import { notifications } from '../../app/Notifications';
import type { StudioSession } from './StudioSession';

/** The clips a split or delete acts on: the selected clip, else the selected track's clips under the playhead. */
function targetClips(session: StudioSession, atBeat?: number): Clip[] {
  const { selectedClipId, selectedTrackId } = session.state.get();
  const doc = session.document;
  if (selectedClipId) return doc.clips.filter((c) => c.id === selectedClipId);
  if (selectedTrackId && atBeat !== undefined) return doc.clips.filter((c) => c.trackId === selectedTrackId && c.start < atBeat && c.start + c.length > atBeat);
  return [];
}

/** S: split the selected clip (or the selected track's clips) at the playhead. */
export function splitAtPlayhead(session: StudioSession): void {
  const beat = session.engine.position.get().positionBeats;
  const clips = targetClips(session, beat).filter((c) => c.start < beat && c.start + c.length > beat);
  if (clips.length === 0) return void notifications.info('Put the playhead inside a clip (and select it) to split.');
  session.edit(
    clips.map((c) => ({ type: 'splitClip', clipId: c.id, beat, newClipId: session.newId('clip') })),
    'Split clip',
  );
}

/** Ctrl/Cmd+D: a copy of the selected clip right after it. */
export function duplicateSelection(session: StudioSession): void {
  const clip = targetClips(session)[0];
  if (!clip) return;
  const copy: Clip = { ...clip, id: session.newId('clip'), start: clip.start + clip.length };
  if (session.edit([{ type: 'addClip', clip: copy }], 'Duplicate clip')) session.select(copy.id);
}

/** Delete: the selected clip. */
export function deleteSelection(session: StudioSession): void {
  const clip = targetClips(session)[0];
  if (!clip) return;
  if (session.edit([{ type: 'removeClip', clipId: clip.id }], 'Delete clip')) session.select(null);
}

/** M / Shift+S: mute or solo the selected track. */
export function toggleTrackFlag(session: StudioSession, flag: 'mute' | 'solo', exclusive = false): void {
  const trackId = session.state.get().selectedTrackId;
  const track = session.document.tracks.find((t) => t.id === trackId);
  if (!track) return void notifications.info('Select a track first (click its name).');
  setTrackFlag(session, track, flag, !track[flag], exclusive);
}

/** Mute or solo a track; exclusive solo (Alt/Ctrl-click) un-solos every other track. */
export function setTrackFlag(session: StudioSession, track: Track, flag: 'mute' | 'solo', value: boolean, exclusive = false): void {
  const commands = [{ type: 'updateTrack' as const, trackId: track.id, changes: { [flag]: value } }];
  if (exclusive && flag === 'solo') {
    for (const other of session.document.tracks)
      if (other.id !== track.id && other.solo) commands.push({ type: 'updateTrack', trackId: other.id, changes: { solo: false } });
  }
  const verb = flag === 'mute' ? (value ? 'Mute' : 'Unmute') : value ? 'Solo' : 'Unsolo';
  session.edit(commands, `${verb} ${track.name}`);
}

/** L: loop on/off (a loop of the first four bars when none was set). */
export function toggleLoop(session: StudioSession): void {
  const { loop, timeSignature } = session.document;
  const end = loop.end > loop.start ? loop.end : loop.start + timeSignature[0] * 4;
  session.edit([{ type: 'setLoop', loop: { ...loop, end, enabled: !loop.enabled } }], loop.enabled ? 'Loop off' : 'Loop on');
}

/** Shift+M: a marker at the playhead. */
export function addMarkerAtPlayhead(session: StudioSession): void {
  const beat = Math.round(session.engine.position.get().positionBeats * 1000) / 1000;
  const number = session.document.markers.length + 1;
  session.edit([{ type: 'addMarker', marker: { id: session.newId('mk'), beat, name: `Marker ${number}` } }], 'Add marker');
}

export const defaultEffectParams: Record<EffectParams['type'], EffectParams> = {
  eq3: { type: 'eq3', lowDb: 0, midDb: 0, highDb: 0, lowHz: 250, highHz: 4000 },
  compressor: { type: 'compressor', thresholdDb: -18, ratio: 4, attackMs: 10, releaseMs: 150, makeupDb: 3 },
  reverb: { type: 'reverb', decaySec: 2.2, preDelayMs: 20, mix: 0.3 },
  delay: { type: 'delay', beats: 0.75, feedback: 0.35, mix: 0.25 },
  filter: { type: 'filter', mode: 'lowpass', frequencyHz: 2000, q: 0.8 },
};

export const effectNames: Record<EffectParams['type'], string> = { eq3: 'EQ', compressor: 'Compressor', reverb: 'Reverb', delay: 'Delay', filter: 'Filter' };

export function addEffect(session: StudioSession, track: Track, type: EffectParams['type']): void {
  session.edit(
    [{ type: 'addEffect', trackId: track.id, effect: { id: session.newId('fx'), enabled: true, params: defaultEffectParams[type] } }],
    `Add ${effectNames[type]} to ${track.name}`,
  );
}
