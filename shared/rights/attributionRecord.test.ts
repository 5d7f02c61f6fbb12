import { describe, expect, it } from 'vitest';
import { attributionRecordSchema, buildAttributionPayload, type RecordInput } from './attributionRecord';
import { computeSplits } from './computeSplits';
import { decideExport } from './decideExport';
import { applyCommand } from '../project/applyCommand';
import { sampleDocument } from '../../tests/fixtures/sampleDocument';
import { recordingFacts } from '../../tests/fixtures/recordingFacts';
import type { ProjectDocument } from '../project/documentSchema';

function payloadOf(document: ProjectDocument) {
  const recording = recordingFacts();
  const recordings = new Map([[recording.id, recording]]);
  const decision = decideExport(document, recordings, new Set(), 'GB', '2026-11-24');
  expect(decision.allowed).toBe(true);
  const creator = { name: 'DJ Test' };
  const input: RecordInput = {
    exportId: '01890000-0000-7000-8000-000000000000',
    createdAt: '2026-11-24T10:00:00.000Z',
    appVersion: '0.1.0',
    project: { id: 'p', name: document.name, revision: 3, revisionSha256: 'a'.repeat(64) },
    document,
    output: {
      title: 'T',
      versionType: 'remix',
      format: 'wav',
      bitDepth: 24,
      sampleRate: 48000,
      channels: 2,
      durationSec: 38.4,
      audioSha256: 'b'.repeat(64),
      loudness: { integratedLufs: -14, truePeakDbtp: -1.2, normalizedTo: -14 },
    },
    creator,
    decision,
    recordings,
    splits: computeSplits(document, decision.usage, recordings, decision.relyOn, creator),
    credits: ['line'],
  };
  return buildAttributionPayload(input);
}

describe('buildAttributionPayload', () => {
  it('groups audible stems under their recording and validates against the published schema', () => {
    const payload = payloadOf(sampleDocument());
    expect(attributionRecordSchema.parse(payload)).toEqual(payload);
    expect(payload.sources).toHaveLength(1);
    expect(payload.sources[0]!.stems.map((s) => s.id).sort()).toEqual(['bass', 'drums', 'keys', 'vocals']);
    expect(payload.licences.map((l) => l.type).sort()).toEqual(['master', 'publishing']);
    expect(payload.creator).toEqual({ name: 'DJ Test', role: 'remixer' });
  });

  it('counts a recording heard once while several of its stems play together', () => {
    const payload = payloadOf(sampleDocument());
    expect(payload.sources[0]!.audibleSeconds).toBeCloseTo(38.4, 9);
  });

  it('leaves out stems on muted tracks', () => {
    const document = applyCommand(sampleDocument(), { type: 'updateTrack', trackId: 'trk-vocals', changes: { mute: true } }).document;
    expect(
      payloadOf(document)
        .sources[0]!.stems.map((s) => s.id)
        .sort(),
    ).toEqual(['bass', 'drums', 'keys']);
  });

  it('adds the seconds where only one stem plays', () => {
    let document = sampleDocument();
    const drums = document.clips.find((c) => c.trackId === 'trk-drums')!;
    // Move the drums 16 beats (9.6 s at 100 BPM) later: heard from 0 to 38.4 + 9.6 s.
    document = applyCommand(document, { type: 'updateClip', clipId: drums.id, changes: { start: 16 } }).document;
    expect(payloadOf(document).sources[0]!.audibleSeconds).toBeCloseTo(48, 9);
  });
});
