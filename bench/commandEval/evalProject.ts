import type { SourceRights } from '../../shared/contract/projectsContract';
import type { Clip, Effect, ProjectDocument, Source, Track } from '../../shared/project/documentSchema';
import { PROJECT_SCHEMA_VERSION } from '../../shared/project/documentSchema';
import { stemColor } from '../../shared/project/stemColor';

/**
 * The demo project the command evaluation set is written against: a
 * 3:12 remix (96 bars at 120 BPM, A minor) of 13 full-length stems, with
 * the sections a real song has (a second verse, three choruses, a bridge,
 * a drop), clips that only play in some sections, effects on some tracks,
 * and licence rules on three stems:
 *
 * - Lead vocal: may not be pitch-shifted;
 * - Backing vocals: may not be used at all (the track is muted);
 * - Riser: may not be time-stretched.
 *
 * Sections (bar → beat): Intro 1→0, Verse 9→32, Chorus 25→96,
 * Verse 2 33→128, Chorus 49→192, Bridge 57→224, Drop 65→256,
 * Chorus 81→320, Outro 89→352; the song ends at beat 384.
 */
export const EVAL_END_BEAT = 384;

type Kind = Extract<Source, { type: 'catalog' }>['kind'];

interface StemSpec {
  readonly key: string;
  readonly name: string;
  readonly kind: Kind;
  readonly gainDb: number;
  readonly pan: number;
  readonly mute?: boolean;
  /** [start, end) beats of each clip (the stems are full length: a clip plays the song's own material at that time). */
  readonly clips: readonly (readonly [number, number])[];
  readonly effects?: readonly Effect[];
}

const stems: readonly StemSpec[] = [
  { key: 'kick', name: 'Kick', kind: 'drums', gainDb: 0, pan: 0, clips: [[0, 384]] },
  {
    key: 'snare',
    name: 'Snare',
    kind: 'drums',
    gainDb: -2,
    pan: 0,
    clips: [[32, 352]],
    effects: [{ id: 'fx-snare-reverb', enabled: true, params: { type: 'reverb', decaySec: 1.2, preDelayMs: 10, mix: 0.15 } }],
  },
  { key: 'hats', name: 'Hats', kind: 'drums', gainDb: -4, pan: 0.2, clips: [[0, 384]] },
  {
    key: 'perc',
    name: 'Percussion',
    kind: 'drums',
    gainDb: -3,
    pan: -0.3,
    clips: [
      [96, 128],
      [192, 224],
      [320, 352],
    ],
  },
  {
    key: 'bass',
    name: 'Bass',
    kind: 'bass',
    gainDb: -1,
    pan: 0,
    clips: [[32, 384]],
    effects: [{ id: 'fx-bass-eq', enabled: true, params: { type: 'eq3', lowDb: 2, midDb: 0, highDb: -3, lowHz: 200, highHz: 3000 } }],
  },
  { key: 'sub', name: 'Sub bass', kind: 'bass', gainDb: -3, pan: 0, clips: [[256, 320]] },
  { key: 'piano', name: 'Piano', kind: 'keys', gainDb: -2, pan: 0.15, clips: [[0, 384]] },
  {
    key: 'pad',
    name: 'Pad',
    kind: 'keys',
    gainDb: -6,
    pan: 0,
    clips: [[0, 384]],
    effects: [{ id: 'fx-pad-filter', enabled: false, params: { type: 'filter', mode: 'lowpass', frequencyHz: 1200, q: 0.7 } }],
  },
  {
    key: 'guitar',
    name: 'Guitar',
    kind: 'guitar',
    gainDb: -3,
    pan: -0.4,
    clips: [
      [32, 96],
      [128, 192],
    ],
  },
  {
    key: 'lead',
    name: 'Lead vocal',
    kind: 'vocals',
    gainDb: 0,
    pan: 0,
    clips: [[32, 352]],
    effects: [
      { id: 'fx-lead-reverb', enabled: true, params: { type: 'reverb', decaySec: 1.8, preDelayMs: 20, mix: 0.25 } },
      { id: 'fx-lead-comp', enabled: true, params: { type: 'compressor', thresholdDb: -20, ratio: 3, attackMs: 10, releaseMs: 120, makeupDb: 2 } },
    ],
  },
  {
    key: 'backing',
    name: 'Backing vocals',
    kind: 'vocals',
    gainDb: -4,
    pan: 0,
    mute: true,
    clips: [
      [96, 128],
      [192, 224],
      [320, 352],
    ],
  },
  {
    key: 'riser',
    name: 'Riser',
    kind: 'fx',
    gainDb: -6,
    pan: 0,
    clips: [
      [88, 96],
      [248, 256],
    ],
  },
  { key: 'strings', name: 'Strings', kind: 'other', gainDb: -5, pan: 0, clips: [[224, 384]] },
];

const BPM = 120;
const SECONDS_PER_BEAT = 60 / BPM;

function source(spec: StemSpec, index: number): Source {
  return {
    id: `src-${spec.key}`,
    type: 'catalog',
    stemId: `evl-hl-${spec.key}`,
    recordingId: 'evl-r-harbour-lights',
    packageId: 'evl-harbour-lights',
    sha256: (index + 1).toString(16).padStart(2, '0').repeat(32),
    name: spec.name,
    kind: spec.kind,
    bpm: BPM,
    key: 'A minor',
    durationSec: EVAL_END_BEAT * SECONDS_PER_BEAT,
    sampleRate: 44100,
  };
}

function track(spec: StemSpec): Track {
  return {
    id: `trk-${spec.key}`,
    name: spec.name,
    color: stemColor(spec.kind),
    kind: 'audio',
    gainDb: spec.gainDb,
    pan: spec.pan,
    mute: spec.mute ?? false,
    solo: false,
    effects: [...(spec.effects ?? [])],
    volumeAutomation: [],
  };
}

function clips(spec: StemSpec): Clip[] {
  return spec.clips.map(([start, end], i) => ({
    id: spec.clips.length === 1 ? `clip-${spec.key}` : `clip-${spec.key}-${i + 1}`,
    trackId: `trk-${spec.key}`,
    sourceId: `src-${spec.key}`,
    start,
    length: end - start,
    sourceOffset: start * SECONDS_PER_BEAT,
    gainDb: 0,
    fadeIn: { beats: 0, curve: 'linear' },
    fadeOut: { beats: 0, curve: 'linear' },
    rate: 1,
    pitch: 0,
    loopBeats: null,
    active: true,
  }));
}

const sections: readonly (readonly [string, number])[] = [
  ['Intro', 0],
  ['Verse', 32],
  ['Chorus', 96],
  ['Verse 2', 128],
  ['Chorus', 192],
  ['Bridge', 224],
  ['Drop', 256],
  ['Chorus', 320],
  ['Outro', 352],
];

/** A fresh copy of the evaluation project's document. */
export function evalProjectDocument(): ProjectDocument {
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: 'Harbour Lights (Remix)',
    kind: 'remix',
    recordingId: 'evl-r-harbour-lights',
    sampleRate: 44100,
    bpm: BPM,
    timeSignature: [4, 4],
    key: 'A minor',
    sources: stems.map(source),
    tracks: stems.map(track),
    clips: stems.flatMap(clips),
    markers: sections.map(([name, beat], i) => ({ id: `mk-${i + 1}`, beat, name })),
    loop: { enabled: false, start: 0, end: 16 },
    master: { gainDb: 0, limiterCeilingDb: -1 },
  };
}

/** The licence state of each source, as the open-project response carries it (`rights` by source id). */
export function evalProjectRights(): Record<string, SourceRights> {
  const rights: Record<string, SourceRights> = {};
  for (const spec of stems) rights[`src-${spec.key}`] = { usable: true, restrictions: [] };
  rights['src-lead'] = { usable: true, restrictions: ['no-pitch-shift'] };
  rights['src-backing'] = { usable: false, reason: 'Licence EVL-M-0001 does not allow the stem "Backing vocals" to be used in remixes.', restrictions: [] };
  rights['src-riser'] = { usable: true, restrictions: ['no-time-stretch'] };
  return rights;
}
