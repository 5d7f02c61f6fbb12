import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentFromFutureError, documentMigrations, migrateDocument } from './migrateDocument';
import { PROJECT_SCHEMA_VERSION } from './documentSchema';
import { applyCommand } from './applyCommand';
import type { ProjectDocument } from './documentSchema';
import { sampleDocument } from '../../tests/fixtures/sampleDocument';

describe('migrateDocument', () => {
  it('has a step from every earlier schema version', () => {
    for (let v = 1; v < PROJECT_SCHEMA_VERSION; v++) expect(documentMigrations[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('passes a current document through unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 200 }), fc.boolean(), (bpm, mute) => {
        let doc = applyCommand(sampleDocument(), { type: 'setTempo', bpm }).document;
        doc = applyCommand(doc, { type: 'updateTrack', trackId: 'trk-bass', changes: { mute } }).document;
        expect(migrateDocument(structuredClone(doc))).toStrictEqual(doc);
      }),
    );
  });

  it('1 → 2: a version-1 document (no takes) opens with every clip active and validates', () => {
    const { sampleRate: _rate, ...current } = sampleDocument();
    const v1 = { ...structuredClone(current), schemaVersion: 1, clips: current.clips.map(({ active: _active, ...clip }) => clip) };
    expect(migrateDocument(v1)).toStrictEqual(sampleDocument());
    expect(() => migrateDocument({ ...v1, schemaVersion: 3 })).toThrow(/invalid/);
  });

  it("2 → 3: a version-2 document (no sample rate) gets its sources' rate", () => {
    const v2 = (document: ProjectDocument) => {
      const { sampleRate: _rate, ...rest } = structuredClone(document);
      return { ...rest, schemaVersion: 2 };
    };
    const at = (rate: number) => ({ ...sampleDocument(), sources: sampleDocument().sources.map((s) => ({ ...s, sampleRate: rate })) });
    expect(migrateDocument(v2(at(44100))).sampleRate).toBe(44100);
    expect(migrateDocument(v2(at(48000))).sampleRate).toBe(48000);
    expect(migrateDocument(v2(at(22050))).sampleRate).toBe(44100);
    expect(migrateDocument(v2(at(192000))).sampleRate).toBe(96000);
    expect(migrateDocument(v2({ ...sampleDocument(), sources: [], clips: [] })).sampleRate).toBe(48000);
    // A hostile source list (not objects, rates that are no numbers) is skipped, then the document is validated as usual.
    expect(() => migrateDocument({ ...v2(at(44100)), sources: [null, { type: 'catalog', sampleRate: '44100' }] })).toThrow(/invalid/);
    expect(() => migrateDocument({ ...v2(at(44100)), schemaVersion: 3 })).toThrow(/invalid/);
  });

  it('refuses a document from a newer Stemroom, and one without a version', () => {
    expect(() => migrateDocument({ ...sampleDocument(), schemaVersion: PROJECT_SCHEMA_VERSION + 1 })).toThrow(DocumentFromFutureError);
    expect(() => migrateDocument({ ...sampleDocument(), schemaVersion: undefined })).toThrow(/no valid schemaVersion/);
    expect(() => migrateDocument('a string')).toThrow(/JSON object/);
  });
});
