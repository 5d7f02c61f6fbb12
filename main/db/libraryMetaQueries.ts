import type { LibraryDatabase } from './openLibraryDatabase';

/** Reads and writes of `library_meta`. */
export function libraryMetaQueries(db: LibraryDatabase) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM library_meta WHERE key = ?');
  const insert = db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  const set = db.prepare('INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => void set.run(key, value),
    /** Stores the value unless the key has one; returns the value the key holds (another process may have stored it first). */
    setIfAbsent(key: string, value: string): string {
      insert.run(key, value);
      return get.get(key)!.value;
    },
  };
}
