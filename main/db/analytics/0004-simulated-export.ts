import type { Migration } from '../Migration';

/**
 * A simulation ("Simulate plays", `analytics simulate`) generates plays of
 * one export: its import row now names that export, so a dashboard can say
 * how many of its plays are demo data (the sum of those imports' added
 * plays — a rollup read, no scan of plays). File imports leave it NULL.
 * Simulations imported before this version cannot be attributed and stay NULL.
 */
export const analyticsMigration0004: Migration = {
  version: 4,
  name: 'simulated-export',
  up(db) {
    db.exec(`
      ALTER TABLE play_imports ADD COLUMN export_id TEXT;
      CREATE INDEX play_imports_export ON play_imports (export_id) WHERE export_id IS NOT NULL;
    `);
  },
};
