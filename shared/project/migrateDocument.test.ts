import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentFromFutureError, documentMigrations, migrateDocument } from './migrateDocument';
import { PROJECT_SCHEMA_VERSION } from './documentSchema';
import { applyCommand } from './applyCommand';
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
    const current = sampleDocument();
    const v1 = { ...structuredClone(current), schemaVersion: 1, clips: current.clips.map(({ active: _active, ...clip }) => clip) };
    expect(migrateDocument(v1)).toStrictEqual(current);
    expect(() => migrateDocument({ ...v1, schemaVersion: 2 })).toThrow(/invalid/);
  });

  it('refuses a document from a newer Stemroom, and one without a version', () => {
    expect(() => migrateDocument({ ...sampleDocument(), schemaVersion: PROJECT_SCHEMA_VERSION + 1 })).toThrow(DocumentFromFutureError);
    expect(() => migrateDocument({ ...sampleDocument(), schemaVersion: undefined })).toThrow(/no valid schemaVersion/);
    expect(() => migrateDocument('a string')).toThrow(/JSON object/);
  });
});
