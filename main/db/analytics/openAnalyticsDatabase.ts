import Database from 'better-sqlite3';
import { DatabaseFromFutureError } from '../DatabaseFromFutureError';
import { migrate } from '../migrate';
import { ANALYTICS_SCHEMA_VERSION, analyticsMigrations } from './analyticsMigrations';

export type AnalyticsDatabase = Database.Database;

/**
 * Listener plays live in their own file beside the library: a
 * multi-million-play import is one long transaction, and it must never hold
 * the library's write lock (autosave, exports). Plays are re-importable, so
 * this file trades synchronous=FULL for NORMAL (still WAL: a crash loses at
 * most the last transactions, never corrupts). `rekeyListener` is needed
 * only to migrate a database from before keyed listener hashes.
 */
export function openAnalyticsDatabase(
  file: string,
  { readonly = false, rekeyListener = refuseRekey }: { readonly?: boolean; rekeyListener?: (oldKey: number) => number } = {},
): AnalyticsDatabase {
  const db = new Database(file, { readonly, fileMustExist: readonly });
  try {
    // Before the first read: another process's import may hold the write lock (WAL lets reads through; a migration waits).
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > ANALYTICS_SCHEMA_VERSION) throw new DatabaseFromFutureError(file, version, ANALYTICS_SCHEMA_VERSION);
    db.pragma('cache_size = -262144');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, ANALYTICS_SCHEMA_VERSION, analyticsMigrations(rekeyListener));
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function refuseRekey(): number {
  throw new Error('this analytics database predates keyed listener ids: open it with the library secret to migrate it');
}
