import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from './DatabaseFromFutureError';
import { migrate } from './migrate';
import { latestSchemaVersion } from './migrations';

export type LibraryDatabase = Database.Database;

/**
 * Opens (creating if needed) the library database: WAL, synchronous=FULL,
 * foreign keys, migrations applied. A database from a newer schema is
 * refused before anything is written to it.
 */
export function openLibraryDatabase(file: string): LibraryDatabase {
  const db = new Database(file);
  try {
    const version = readUserVersion(db, file);
    if (version > latestSchemaVersion) throw new DatabaseFromFutureError(file, version, latestSchemaVersion);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readUserVersion(db: LibraryDatabase, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new Error(`${file} is not a Stemroom library (not an SQLite database). Move it away or choose another data dir; it was left untouched.`);
    }
    throw error;
  }
}

/** The schema version a database file is at (without migrating it). */
export function schemaVersionOf(db: LibraryDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
