import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from '../DatabaseFromFutureError';
import { migrate } from '../migrate';
import { analyticsMigrations } from './analyticsMigrations';

export type AnalyticsDatabase = Database.Database;

/**
 * Listener plays live in their own file beside the library: a
 * multi-million-play import is one long transaction, and it must never hold
 * the library's write lock (autosave, exports). Plays are re-importable, so
 * this file trades synchronous=FULL for NORMAL (still WAL: a crash loses at
 * most the last transactions, never corrupts).
 */
export function openAnalyticsDatabase(file: string, { readonly = false } = {}): AnalyticsDatabase {
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    // Before the first read: another process's import may hold the write lock (WAL lets reads through; a migration waits).
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > analyticsMigrations.length) throw new DatabaseFromFutureError(file, version, analyticsMigrations.length);
    db.pragma('cache_size = -262144');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, analyticsMigrations.length, analyticsMigrations);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
