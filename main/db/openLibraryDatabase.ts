import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from './DatabaseFromFutureError';
import { migrate } from './migrate';
import { latestSchemaVersion } from './migrations';

export type LibraryDatabase = Database.Database;

/**
 * How long a statement waits for another process's write lock. Library
 * writes are short (an autosave, an import's final transaction, a ledger
 * append), so this is generous; a big analytics import never holds this file.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the library database: WAL, synchronous=FULL,
 * foreign keys, migrations applied. A database from a newer schema is
 * refused before anything is written to it.
 */
export function openLibraryDatabase(file: string): LibraryDatabase {
  const db = new Database(file);
  try {
    // First, before anything that may take a lock: other processes (the app, `stemroom export`, `info`)
    // share this file, and a statement that meets their lock waits for it instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = readUserVersion(db, file);
    if (version > latestSchemaVersion) throw new DatabaseFromFutureError(file, version, latestSchemaVersion);
    // WAL: readers never wait for a writer and a writer never waits for readers; one writer at a time, across processes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
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
