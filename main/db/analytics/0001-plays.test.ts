import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../migrate';
import { analyticsMigrations } from './analyticsMigrations';

it('0001 creates the plays and rollup tables: a play stored twice is one play, and wrong types or durations are refused', () => {
  const db = new Database(':memory:');
  migrate(
    db,
    1,
    analyticsMigrations(() => 0),
  );
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name);
  expect(tables).toEqual(['listener_sets', 'play_imports', 'plays', 'plays_aside', 'rollup_breakdowns', 'rollup_endings', 'rollup_totals', 'tracked_exports']);

  db.prepare('INSERT INTO tracked_exports (export_id, duration_ms) VALUES (?, ?)').run('exp-1', 180_000);
  expect(() => db.prepare('INSERT INTO tracked_exports (export_id, duration_ms) VALUES (?, ?)').run('exp-2', 0)).toThrow(/CHECK constraint/);
  expect(() => db.prepare('INSERT INTO tracked_exports (export_id, duration_ms) VALUES (?, ?)').run('exp-1', 1000)).toThrow(/UNIQUE/);

  // The same export, time, listener and time played is the same play: importing a file twice adds nothing.
  const play = db.prepare(
    'INSERT OR IGNORE INTO plays (export_seq, played_at, listener, ms_played, country, source, reason_end, flags, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  expect(play.run(1, 1_700_000_000_000, 7, 2000, 'US', 2, 3, 0, 1).changes).toBe(1);
  expect(play.run(1, 1_700_000_000_000, 7, 2000, 'SE', 1, 0, 1, 2).changes).toBe(0);
  expect(play.run(1, 1_700_000_000_000, 7, 2001, 'US', 2, 3, 0, 1).changes).toBe(1);
  // STRICT tables: a string where a number belongs is refused, not stored.
  expect(() => play.run(1, 'yesterday', 7, 2000, 'US', 2, 3, 0, 1)).toThrow(/cannot store TEXT value in INTEGER column/);
  expect(db.prepare('SELECT count(*) AS n FROM plays').get()).toEqual({ n: 2 });

  // Rollups keep flagged and unflagged plays apart, one row each.
  const total = db.prepare('INSERT INTO rollup_totals (export_seq, flagged, plays, skips, completions, listened_ms) VALUES (?, ?, ?, ?, ?, ?)');
  total.run(1, 0, 10, 2, 5, 60_000);
  total.run(1, 1, 3, 0, 3, 9_000);
  expect(() => total.run(1, 0, 1, 0, 0, 0)).toThrow(/UNIQUE|PRIMARY KEY/);
});
