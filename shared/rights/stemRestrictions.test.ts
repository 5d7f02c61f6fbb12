import { describe, expect, it } from 'vitest';
import { applyCommand } from '../project/applyCommand';
import type { Command } from '../project/commandSchema';
import type { ProjectDocument } from '../project/documentSchema';
import { sampleDocument } from '../../tests/fixtures/sampleDocument';
import { masterLicence, recordingFacts } from '../../tests/fixtures/recordingFacts';
import { decideExport } from './decideExport';
import { clipIsStretched, clipTransposition, restrictionFlags, type SourceRestrictions, type StemRestriction } from './stemRestrictions';

const edit = (doc: ProjectDocument, ...commands: Command[]) => commands.reduce((d, c) => applyCommand(d, c).document, doc);
const rights = (stem: string, rule: StemRestriction): Record<string, SourceRestrictions> => ({
  [`src-${stem}`]: { restrictions: [rule], licenceId: 'L-M', stemName: stem === 'keys' ? 'Keys' : 'Bass', recordingTitle: 'Glass Orchard' },
});

describe('stem restrictions: one rule for live flags, `project show` and the export', () => {
  it.each<[string, StemRestriction, string, Command[], string | null]>([
    ['nothing changed', 'no-pitch-shift', 'keys', [], null],
    [
      'a clip pitched up',
      'no-pitch-shift',
      'keys',
      [{ type: 'updateClip', clipId: 'clip-keys', changes: { pitch: 2 } }],
      'The stem "Keys" of "Glass Orchard" may not be pitch-shifted (licence L-M).',
    ],
    ['the project key moved', 'no-pitch-shift', 'keys', [{ type: 'setKey', key: 'B minor' }], 'may not be pitch-shifted'],
    [
      'the key moved and the clip pitched back',
      'no-pitch-shift',
      'keys',
      [
        { type: 'setKey', key: 'B minor' },
        { type: 'updateClip', clipId: 'clip-keys', changes: { pitch: -2 } },
      ],
      null,
    ],
    ['relative key (same signature)', 'no-pitch-shift', 'keys', [{ type: 'setKey', key: 'C major' }], null],
    [
      'another tempo',
      'no-time-stretch',
      'bass',
      [{ type: 'setTempo', bpm: 108 }],
      'The stem "Bass" of "Glass Orchard" may not be time-stretched (licence L-M).',
    ],
    ['a clip at another rate', 'no-time-stretch', 'bass', [{ type: 'updateClip', clipId: 'clip-bass', changes: { rate: 0.5 } }], 'may not be time-stretched'],
    [
      'another tempo, the clip rate making up for it',
      'no-time-stretch',
      'bass',
      [
        { type: 'setTempo', bpm: 50 },
        { type: 'updateClip', clipId: 'clip-bass', changes: { rate: 2, length: 32 } },
      ],
      null,
    ],
    [
      'stretched but muted: not heard, not flagged',
      'no-time-stretch',
      'bass',
      [
        { type: 'setTempo', bpm: 108 },
        { type: 'updateTrack', trackId: 'trk-bass', changes: { mute: true } },
      ],
      null,
    ],
    ['pitch rule untouched by a tempo change', 'no-pitch-shift', 'keys', [{ type: 'setTempo', bpm: 108 }], null],
  ])('%s', (_name, rule, stem, commands, expected) => {
    const doc = edit(sampleDocument(), ...commands);
    const flags = restrictionFlags(doc, rights(stem, rule));
    const decision = decideExport(doc, new Map([['rec-1', recordingFacts([masterLicence({ stemRules: [{ stem, rule }] })])]]), new Set(), 'GB', '2026-11-24');
    const refused = decision.reasons.filter((r) => r.code === rule);
    if (expected === null) {
      expect(flags).toEqual([]);
      expect(refused).toEqual([]);
    } else {
      expect(flags).toHaveLength(1);
      expect(flags[0]!.message).toContain(expected);
      expect(flags[0]!.trackIds).toEqual([`trk-${stem}`]);
      // The export refuses with exactly the words the studio flags with.
      expect(refused.map((r) => [r.message, r.fix])).toEqual([[flags[0]!.message, flags[0]!.fix]]);
    }
  });

  it('drum stems are not transposed by the project key; their own pitch counts', () => {
    const drums = { kind: 'drums' as const, key: 'A minor' };
    expect(clipTransposition({ key: 'D minor' }, drums, { pitch: 0 })).toBe(0);
    expect(clipTransposition({ key: 'D minor' }, drums, { pitch: -1 })).toBe(-1);
    expect(clipTransposition({ key: 'D minor' }, { kind: 'keys', key: 'A minor' }, { pitch: 0 })).toBe(5);
    expect(clipIsStretched({ bpm: 100 }, { bpm: 100 }, { rate: 1 })).toBe(false);
    expect(clipIsStretched({ bpm: 100 }, { bpm: 100 }, { rate: 1.0000001 })).toBe(true);
  });

  it('a source without restrictions, or unknown to the library, is never flagged', () => {
    const doc = edit(sampleDocument(), { type: 'setTempo', bpm: 140 }, { type: 'setKey', key: 'E minor' });
    expect(restrictionFlags(doc, {})).toEqual([]);
    expect(restrictionFlags(doc, { 'src-keys': { restrictions: ['not-usable'] } })).toEqual([]);
  });
});
