import Database from 'better-sqlite3';

/**
 * Every row of every table (FTS shadow tables included), as JSON: equal
 * dumps mean the database holds exactly the same data.
 */
export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) {
      dump[table] = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
        row.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      dump[table]!.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return JSON.stringify(dump);
  } finally {
    db.close();
  }
}
