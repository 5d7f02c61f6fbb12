import type { Database } from 'better-sqlite3';
import type { Migration } from './Migration';
import { migrations as allMigrations } from './migrations';
import { DatabaseFromFutureError } from './DatabaseFromFutureError';

/**
 * Brings the schema to `target` (default: latest) in one transaction that
 * also sets `PRAGMA user_version`; a failure rolls everything back.
 */
export function migrate(db: Database, target = allMigrations.length, migrations: readonly Migration[] = allMigrations): number {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseFromFutureError(db.name, current, migrations.length);
  if (current >= target) return current;
  db.transaction(() => {
    for (const m of migrations.slice(current, target)) m.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
