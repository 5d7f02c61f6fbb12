import type { Migration } from '../Migration';

/**
 * Exports remember who they credit and their own ISRC (assigned by the
 * creator's distributor), so listener plays can be matched to them by ISRC
 * or by title and artist. Earlier exports take their creator from the
 * ledger payload they were recorded with. Export waveforms (peaks of the
 * final mix) are kept so analytics can draw them without decoding files.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'export-identity',
  up(db) {
    db.exec(`
      ALTER TABLE exports ADD COLUMN creator TEXT NOT NULL DEFAULT '';
      ALTER TABLE exports ADD COLUMN isrc TEXT;
      UPDATE exports SET creator = coalesce((SELECT json_extract(payload_json, '$.creator.name') FROM ledger WHERE ledger.position = exports.ledger_position), '');
      CREATE INDEX exports_isrc ON exports (isrc) WHERE isrc IS NOT NULL;
      CREATE TABLE export_peaks (
        audio_sha256 TEXT PRIMARY KEY,
        peaks        BLOB NOT NULL
      ) STRICT;
    `);
  },
};
