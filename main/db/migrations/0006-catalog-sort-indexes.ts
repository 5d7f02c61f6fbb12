import type { Migration } from '../Migration';

/**
 * Every sort and filter of the Catalog place reads an index, so a page
 * over 100,000 recordings is a short index walk instead of a sort of the
 * whole table: by artist (then title), by BPM (then title), and key with
 * a BPM range. Ties are broken by rowid, which every index carries.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'catalog-sort-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX recordings_artist ON recordings (display_artist COLLATE NOCASE, title COLLATE NOCASE);
      DROP INDEX recordings_bpm;
      CREATE INDEX recordings_bpm_title ON recordings (bpm, title COLLATE NOCASE);
      DROP INDEX recordings_key;
      CREATE INDEX recordings_key_bpm ON recordings (musical_key, bpm);
    `);
  },
};
