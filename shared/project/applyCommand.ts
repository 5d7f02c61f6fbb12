import type { Command } from './commandSchema';
import type { Clip, ProjectDocument } from './documentSchema';
import { documentProblems } from './validateDocument';
import { sourceSecondsPerBeat } from './timing';

/** An edit that would break the document, with the reason in words. Nothing was changed. */
export class CommandRejected extends Error {
  override readonly name = 'CommandRejected';
}

export interface Applied {
  readonly document: ProjectDocument;
  /** The command that undoes this one exactly. */
  readonly inverse: Command;
}

const reject = (reason: string): never => {
  throw new CommandRejected(reason);
};

function indexOf<T extends { id: string }>(list: readonly T[], id: string, what: string): number {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) reject(`There is no ${what} "${id}".`);
  return index;
}

function insertAt<T>(list: readonly T[], item: T, index = list.length): T[] {
  const copy = [...list];
  copy.splice(Math.max(0, Math.min(index, copy.length)), 0, item);
  return copy;
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = [...list];
  copy[index] = item;
  return copy;
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The previous values of exactly the keys being changed — what the inverse restores. */
function previousValues<T extends object, K extends keyof T>(object: T, changes: Partial<Pick<T, K>>): Partial<Pick<T, K>> {
  return Object.fromEntries(Object.keys(changes).map((key) => [key, object[key as K]])) as Partial<Pick<T, K>>;
}

/** Applies one command without validating the result (batches validate once, at the end). */
function applyUnchecked(doc: ProjectDocument, command: Command): Applied {
  switch (command.type) {
    case 'setTempo':
      return { document: { ...doc, bpm: command.bpm }, inverse: { type: 'setTempo', bpm: doc.bpm } };
    case 'setKey':
      return { document: { ...doc, key: command.key }, inverse: { type: 'setKey', key: doc.key } };
    case 'setTimeSignature':
      return {
        document: { ...doc, timeSignature: command.timeSignature as ProjectDocument['timeSignature'] },
        inverse: { type: 'setTimeSignature', timeSignature: doc.timeSignature },
      };
    case 'rename':
      return { document: { ...doc, name: command.name }, inverse: { type: 'rename', name: doc.name } };
    case 'addSource':
      if (doc.sources.some((s) => s.id === command.source.id)) reject(`A source "${command.source.id}" already exists.`);
      return {
        document: { ...doc, sources: insertAt(doc.sources, command.source, command.index) },
        inverse: { type: 'removeSource', sourceId: command.source.id },
      };
    case 'removeSource': {
      const index = indexOf(doc.sources, command.sourceId, 'source');
      if (doc.clips.some((c) => c.sourceId === command.sourceId)) reject(`"${doc.sources[index]!.name}" is still used by clips; remove them first.`);
      return { document: { ...doc, sources: removeAt(doc.sources, index) }, inverse: { type: 'addSource', source: doc.sources[index]!, index } };
    }
    case 'addTrack':
      if (doc.tracks.some((t) => t.id === command.track.id)) reject(`A track "${command.track.id}" already exists.`);
      return { document: { ...doc, tracks: insertAt(doc.tracks, command.track, command.index) }, inverse: { type: 'removeTrack', trackId: command.track.id } };
    case 'removeTrack': {
      const index = indexOf(doc.tracks, command.trackId, 'track');
      if (doc.clips.some((c) => c.trackId === command.trackId)) reject(`Track "${doc.tracks[index]!.name}" still has clips; remove them first.`);
      return { document: { ...doc, tracks: removeAt(doc.tracks, index) }, inverse: { type: 'addTrack', track: doc.tracks[index]!, index } };
    }
    case 'updateTrack': {
      const index = indexOf(doc.tracks, command.trackId, 'track');
      const track = doc.tracks[index]!;
      return {
        document: { ...doc, tracks: replaceAt(doc.tracks, index, { ...track, ...command.changes }) },
        inverse: { type: 'updateTrack', trackId: track.id, changes: previousValues(track, command.changes) },
      };
    }
    case 'moveTrack': {
      const from = indexOf(doc.tracks, command.trackId, 'track');
      const to = Math.min(command.index, doc.tracks.length - 1);
      return {
        document: { ...doc, tracks: insertAt(removeAt(doc.tracks, from), doc.tracks[from]!, to) },
        inverse: { type: 'moveTrack', trackId: command.trackId, index: from },
      };
    }
    case 'addClip':
      if (doc.clips.some((c) => c.id === command.clip.id)) reject(`A clip "${command.clip.id}" already exists.`);
      return { document: { ...doc, clips: insertAt(doc.clips, command.clip, command.index) }, inverse: { type: 'removeClip', clipId: command.clip.id } };
    case 'removeClip': {
      const index = indexOf(doc.clips, command.clipId, 'clip');
      return { document: { ...doc, clips: removeAt(doc.clips, index) }, inverse: { type: 'addClip', clip: doc.clips[index]!, index } };
    }
    case 'updateClip': {
      const index = indexOf(doc.clips, command.clipId, 'clip');
      const clip = doc.clips[index]!;
      return {
        document: { ...doc, clips: replaceAt(doc.clips, index, { ...clip, ...command.changes }) },
        inverse: { type: 'updateClip', clipId: clip.id, changes: previousValues(clip, command.changes) },
      };
    }
    case 'splitClip':
      return splitClip(doc, command);
    case 'addEffect': {
      const t = indexOf(doc.tracks, command.trackId, 'track');
      const track = doc.tracks[t]!;
      if (doc.tracks.some((tr) => tr.effects.some((e) => e.id === command.effect.id))) reject(`An effect "${command.effect.id}" already exists.`);
      return {
        document: { ...doc, tracks: replaceAt(doc.tracks, t, { ...track, effects: insertAt(track.effects, command.effect, command.index) }) },
        inverse: { type: 'removeEffect', trackId: track.id, effectId: command.effect.id },
      };
    }
    case 'removeEffect': {
      const t = indexOf(doc.tracks, command.trackId, 'track');
      const track = doc.tracks[t]!;
      const e = indexOf(track.effects, command.effectId, 'effect');
      return {
        document: { ...doc, tracks: replaceAt(doc.tracks, t, { ...track, effects: removeAt(track.effects, e) }) },
        inverse: { type: 'addEffect', trackId: track.id, effect: track.effects[e]!, index: e },
      };
    }
    case 'updateEffect': {
      const t = indexOf(doc.tracks, command.trackId, 'track');
      const track = doc.tracks[t]!;
      const e = indexOf(track.effects, command.effectId, 'effect');
      const effect = track.effects[e]!;
      if (command.changes.params && command.changes.params.type !== effect.params.type)
        reject(`Effect "${effect.id}" is a ${effect.params.type}, not a ${command.changes.params.type}.`);
      return {
        document: { ...doc, tracks: replaceAt(doc.tracks, t, { ...track, effects: replaceAt(track.effects, e, { ...effect, ...command.changes }) }) },
        inverse: { type: 'updateEffect', trackId: track.id, effectId: effect.id, changes: previousValues(effect, command.changes) },
      };
    }
    case 'addMarker':
      if (doc.markers.some((m) => m.id === command.marker.id)) reject(`A marker "${command.marker.id}" already exists.`);
      return {
        document: { ...doc, markers: insertAt(doc.markers, command.marker, command.index) },
        inverse: { type: 'removeMarker', markerId: command.marker.id },
      };
    case 'removeMarker': {
      const index = indexOf(doc.markers, command.markerId, 'marker');
      return { document: { ...doc, markers: removeAt(doc.markers, index) }, inverse: { type: 'addMarker', marker: doc.markers[index]!, index } };
    }
    case 'updateMarker': {
      const index = indexOf(doc.markers, command.markerId, 'marker');
      const marker = doc.markers[index]!;
      return {
        document: { ...doc, markers: replaceAt(doc.markers, index, { ...marker, ...command.changes }) },
        inverse: { type: 'updateMarker', markerId: marker.id, changes: previousValues(marker, command.changes) },
      };
    }
    case 'setLoop':
      return { document: { ...doc, loop: command.loop }, inverse: { type: 'setLoop', loop: doc.loop } };
    case 'updateMaster':
      return {
        document: { ...doc, master: { ...doc.master, ...command.changes } },
        inverse: { type: 'updateMaster', changes: previousValues(doc.master, command.changes) },
      };
    case 'replaceDocument':
      return { document: command.document, inverse: { type: 'replaceDocument', document: doc } };
    case 'batch': {
      let current = doc;
      const inverses: Command[] = [];
      for (const inner of command.commands) {
        const applied = applyUnchecked(current, inner);
        current = applied.document;
        inverses.unshift(applied.inverse);
      }
      return { document: current, inverse: { type: 'batch', ...(command.label === undefined ? {} : { label: command.label }), commands: inverses } };
    }
  }
}

function splitClip(doc: ProjectDocument, command: Extract<Command, { type: 'splitClip' }>): Applied {
  const index = indexOf(doc.clips, command.clipId, 'clip');
  const clip = doc.clips[index]!;
  const at = command.beat - clip.start;
  if (at <= 0 || at >= clip.length) reject(`Beat ${command.beat} is not inside the clip (${clip.start}–${clip.start + clip.length}).`);
  if (clip.loopBeats !== null) reject('A looping clip cannot be split; turn its loop off first.');
  if (doc.clips.some((c) => c.id === command.newClipId)) reject(`A clip "${command.newClipId}" already exists.`);
  const source = doc.sources.find((s) => s.id === clip.sourceId) ?? reject(`Clip "${clip.id}" plays an unknown source.`);
  const left: Clip = { ...clip, length: at, fadeIn: { ...clip.fadeIn, beats: Math.min(clip.fadeIn.beats, at) }, fadeOut: { ...clip.fadeOut, beats: 0 } };
  const right: Clip = {
    ...clip,
    id: command.newClipId,
    start: command.beat,
    length: clip.length - at,
    sourceOffset: clip.sourceOffset + at * sourceSecondsPerBeat(clip, source),
    fadeIn: { ...clip.fadeIn, beats: 0 },
    fadeOut: { ...clip.fadeOut, beats: Math.min(clip.fadeOut.beats, clip.length - at) },
  };
  return {
    document: { ...doc, clips: insertAt(replaceAt(doc.clips, index, left), right, index + 1) },
    inverse: {
      type: 'batch',
      label: 'Join clip',
      commands: [
        { type: 'removeClip', clipId: right.id },
        { type: 'updateClip', clipId: clip.id, changes: { length: clip.length, fadeIn: clip.fadeIn, fadeOut: clip.fadeOut } },
      ],
    },
  };
}

/**
 * Applies a command to a document: returns the new document and the
 * command that undoes it, or throws CommandRejected (document untouched)
 * when the command names something that does not exist or would leave the
 * document invalid.
 */
export function applyCommand(doc: ProjectDocument, command: Command): Applied {
  const applied = applyUnchecked(doc, command);
  const problems = documentProblems(applied.document);
  if (problems.length) reject(`That edit would break the project: ${problems[0]}.`);
  return applied;
}
