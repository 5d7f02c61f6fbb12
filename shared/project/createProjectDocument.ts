import type { ProjectDocument, Source, Track } from './documentSchema';
import { PROJECT_SCHEMA_VERSION } from './documentSchema';
import { secondsToBeats } from './timing';
import { projectSampleRate } from './projectSampleRate';
import { stemColor } from './stemColor';

/** What a new project needs to know about the recording it starts from. */
export interface StartingRecording {
  readonly id: string;
  readonly packageId: string;
  readonly title: string;
  readonly bpm: number;
  readonly key: string;
  readonly sections: readonly { readonly name: string; readonly startMs: number }[];
  readonly stems: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: Extract<Source, { type: 'catalog' }>['kind'];
    readonly sha256: string;
    readonly durationSec: number;
    readonly sampleRate: number;
    /** Whether the licences allow this stem for the project's kind. */
    readonly usable: boolean;
  }[];
}

/**
 * A new remix (one track per stem, aligned at bar 1, at the recording's
 * tempo and key, markers from its sections) or cover (only the stems the
 * licences allow, plus an empty record track).
 */
export function createProjectDocument(recording: StartingRecording, kind: 'remix' | 'cover', name: string): ProjectDocument {
  const stems = kind === 'remix' ? recording.stems : recording.stems.filter((s) => s.usable);
  const sources: Source[] = stems.map((stem) => ({
    id: `src-${stem.id}`,
    type: 'catalog',
    stemId: stem.id,
    recordingId: recording.id,
    packageId: recording.packageId,
    sha256: stem.sha256,
    name: stem.name,
    kind: stem.kind,
    bpm: recording.bpm,
    key: recording.key,
    durationSec: stem.durationSec,
    sampleRate: stem.sampleRate,
  }));
  const tracks: Track[] = stems.map((stem) => ({
    id: `trk-${stem.id}`,
    name: stem.name,
    color: stemColor(stem.kind),
    kind: 'audio',
    gainDb: 0,
    pan: 0,
    mute: false,
    solo: false,
    effects: [],
    volumeAutomation: [],
  }));
  if (kind === 'cover') {
    tracks.push({
      id: 'trk-record-1',
      name: 'Recording',
      color: '#ff6b6b',
      kind: 'record',
      gainDb: 0,
      pan: 0,
      mute: false,
      solo: false,
      effects: [],
      volumeAutomation: [],
    });
  }
  const beatsPerBar = 4;
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name,
    kind,
    recordingId: recording.id,
    bpm: recording.bpm,
    timeSignature: [beatsPerBar, 4],
    key: recording.key,
    sampleRate: projectSampleRate(sources),
    sources,
    tracks,
    clips: stems.map((stem) => ({
      id: `clip-${stem.id}`,
      trackId: `trk-${stem.id}`,
      sourceId: `src-${stem.id}`,
      start: 0,
      length: secondsToBeats(stem.durationSec, recording.bpm),
      sourceOffset: 0,
      gainDb: 0,
      fadeIn: { beats: 0, curve: 'linear' },
      fadeOut: { beats: 0, curve: 'linear' },
      rate: 1,
      pitch: 0,
      loopBeats: null,
      active: true,
    })),
    markers: recording.sections.map((section, i) => ({
      id: `mk-${i + 1}`,
      beat: Math.round(secondsToBeats(section.startMs / 1000, recording.bpm) * 1000) / 1000,
      name: section.name,
    })),
    loop: { enabled: false, start: 0, end: beatsPerBar * 4 },
    master: { gainDb: 0, limiterCeilingDb: -1 },
  };
}
