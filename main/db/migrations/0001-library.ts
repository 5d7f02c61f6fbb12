import type { Migration } from '../Migration';

/** The library's identity: a key/value table for facts about the library itself. */
export const migration0001: Migration = {
  version: 1,
  name: 'library',
  up(db) {
    db.exec(`
      CREATE TABLE library_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO library_meta (key, value) VALUES
        ('library_id', lower(hex(randomblob(16)))),
        ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `);
  },
};
