import type { LibraryDatabase } from './openLibraryDatabase';

/** Reads and writes of `library_meta`. */
export function libraryMetaQueries(db: LibraryDatabase) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM library_meta WHERE key = ?');
  const set = db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => void set.run(key, value),
  };
}
