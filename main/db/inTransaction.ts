import type { LibraryDatabase } from './openLibraryDatabase';

/** Runs `work` in one immediate transaction (nested query-module transactions become savepoints). */
export function inTransaction<T>(db: LibraryDatabase, work: () => T): T {
  return db.transaction(work).immediate();
}
