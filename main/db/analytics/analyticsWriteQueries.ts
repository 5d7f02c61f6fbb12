import type { AnalyticsDatabase } from './openAnalyticsDatabase';
import { PlayDayScratch, playDayBytes, type PlayDay } from './PlayDay';

export interface AsideRow {
  keyKind: string;
  keyValue: string;
  label: string;
  playedAt: number;
  listener: number;
  msPlayed: number;
  country: string;
  source: number;
  reasonEnd: number;
}

export interface ImportRecord {
  fileName: string;
  fileSha256: string;
  format: string;
  importedAt: string;
  lines: number;
  added: number;
  duplicates: number;
  malformed: number;
  aside: number;
  ignored: number;
  /** The export a simulation generated plays for; null (or absent) for a file. */
  exportId?: string | null;
}

export interface Counts {
  plays: number;
  skips: number;
  completions: number;
  listenedMs: number;
}

/**
 * Everything the importer writes to the analytics database. The importer
 * holds one transaction across its batches (begin … commit/rollback), so a
 * cancelled or failed import leaves no trace.
 */
export function analyticsWriteQueries(db: AnalyticsDatabase) {
  const scratch = new PlayDayScratch();
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const trackExport = db.prepare('INSERT INTO tracked_exports (export_id, duration_ms) VALUES (?, ?) ON CONFLICT (export_id) DO NOTHING');
  const seqOf = db.prepare<[string], { seq: number; durationMs: number }>('SELECT seq, duration_ms AS durationMs FROM tracked_exports WHERE export_id = ?');
  const insertImport = db.prepare(
    `INSERT INTO play_imports (file_name, file_sha256, format, imported_at, lines, added, duplicates, malformed, aside, ignored, export_id)
     VALUES (@fileName, @fileSha256, @format, @importedAt, @lines, @added, @duplicates, @malformed, @aside, @ignored, @exportId)`,
  );
  const updateImport = db.prepare(
    'UPDATE play_imports SET lines = @lines, added = @added, duplicates = @duplicates, malformed = @malformed, aside = @aside, ignored = @ignored WHERE id = @id',
  );
  const setImportSha = db.prepare('UPDATE play_imports SET file_sha256 = ? WHERE id = ?');
  const storedDays = db.prepare<[number], number>('SELECT day FROM play_days WHERE export_seq = ?').pluck();
  const playDay = db.prepare<[number, number], { plays: number; columns: Buffer }>('SELECT plays, columns FROM play_days WHERE export_seq = ? AND day = ?');
  const playDaysOf = db.prepare<[number], { plays: number; columns: Buffer }>('SELECT plays, columns FROM play_days WHERE export_seq = ? ORDER BY day');
  const savePlayDay = db.prepare('INSERT INTO play_days (export_seq, day, plays, columns) VALUES (?, ?, ?, ?) ON CONFLICT (export_seq, day) DO UPDATE SET plays = excluded.plays, columns = excluded.columns');
  const insertAside = db.prepare(
    `INSERT OR IGNORE INTO plays_aside (key_kind, key_value, label, played_at, listener, ms_played, country, source, reason_end, import_id)
     VALUES (@keyKind, @keyValue, @label, @playedAt, @listener, @msPlayed, @country, @source, @reasonEnd, @importId)`,
  );
  const asideKeys = db.prepare<[], { keyKind: string; keyValue: string }>('SELECT DISTINCT key_kind AS keyKind, key_value AS keyValue FROM plays_aside');
  const asideOf = db.prepare<[string, string], AsideRow>(
    `SELECT key_kind AS keyKind, key_value AS keyValue, label, played_at AS playedAt, listener, ms_played AS msPlayed, country, source, reason_end AS reasonEnd
     FROM plays_aside WHERE key_kind = ? AND key_value = ?`,
  );
  const deleteAside = db.prepare('DELETE FROM plays_aside WHERE key_kind = ? AND key_value = ?');
  const addTotals = db.prepare(
    `INSERT INTO rollup_totals (export_seq, flagged, plays, skips, completions, listened_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET plays = plays + excluded.plays, skips = skips + excluded.skips, completions = completions + excluded.completions, listened_ms = listened_ms + excluded.listened_ms`,
  );
  const addEnding = db.prepare(
    'INSERT INTO rollup_endings (export_seq, flagged, second, plays) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET plays = plays + excluded.plays',
  );
  const addBreakdown = db.prepare(
    `INSERT INTO rollup_breakdowns (export_seq, flagged, dimension, key, plays, skips, completions, listened_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET plays = plays + excluded.plays, skips = skips + excluded.skips, completions = completions + excluded.completions, listened_ms = listened_ms + excluded.listened_ms`,
  );
  const listenerSet = db.prepare<[number], { allKeys: Buffer; unflaggedKeys: Buffer }>('SELECT all_keys AS allKeys, unflagged_keys AS unflaggedKeys FROM listener_sets WHERE export_seq = ?');
  const saveListenerSet = db.prepare(
    `INSERT INTO listener_sets (export_seq, listeners, unflagged_listeners, all_keys, unflagged_keys) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET listeners = excluded.listeners, unflagged_listeners = excluded.unflagged_listeners, all_keys = excluded.all_keys, unflagged_keys = excluded.unflagged_keys`,
  );
  const dropEmptyRollups = [
    db.prepare('DELETE FROM rollup_totals WHERE export_seq = ? AND plays = 0'),
    db.prepare('DELETE FROM rollup_endings WHERE export_seq = ? AND plays = 0'),
    db.prepare('DELETE FROM rollup_breakdowns WHERE export_seq = ? AND plays = 0'),
  ];

  return {
    begin: () => begin.run(),
    commit: () => commit.run(),
    rollback: () => {
      if (db.inTransaction) rollback.run();
    },
    /** The export's small integer key in this database (created on first use). */
    trackExport(exportId: string, durationMs: number): { seq: number; durationMs: number } {
      trackExport.run(exportId, durationMs);
      return seqOf.get(exportId)!;
    },
    addImport: (record: ImportRecord) => Number(insertImport.run({ ...record, exportId: record.exportId ?? null }).lastInsertRowid),
    updateImport: (id: number, record: Omit<ImportRecord, 'fileName' | 'fileSha256' | 'format' | 'importedAt' | 'exportId'>) => updateImport.run({ ...record, id }),
    setImportSha: (id: number, sha256: string) => setImportSha.run(sha256, id),
    /** UTC days (day numbers) that already have plays of this export. */
    storedDays: (seq: number) => new Set(storedDays.all(seq)),
    /** One export's stored plays of one UTC day, or null; valid until the next read of a day. */
    playDay(seq: number, day: number): PlayDay | null {
      const row = playDay.get(seq, day);
      return row ? scratch.decode(row.columns, row.plays) : null;
    },
    /** Every stored day of one export, in day order; each valid until the next. */
    *playDaysOf(seq: number): Generator<PlayDay> {
      for (const row of playDaysOf.all(seq)) yield scratch.decode(row.columns, row.plays);
    },
    /** Stores (or replaces) one export's plays of one UTC day. */
    savePlayDay: (seq: number, day: number, plays: PlayDay) => savePlayDay.run(seq, day, plays.length, playDayBytes(plays)),
    insertAside: (row: AsideRow, importId: number) => insertAside.run({ ...row, importId }).changes === 1,
    asideKeys: () => asideKeys.all(),
    takeAside(kind: string, value: string): AsideRow[] {
      const rows = asideOf.all(kind, value);
      deleteAside.run(kind, value);
      return rows;
    },
    addTotals: (seq: number, flagged: number, c: Counts) => addTotals.run(seq, flagged, c.plays, c.skips, c.completions, c.listenedMs),
    addEnding: (seq: number, flagged: number, second: number, plays: number) => addEnding.run(seq, flagged, second, plays),
    addBreakdown: (seq: number, flagged: number, dimension: string, key: string, c: Counts) => addBreakdown.run(seq, flagged, dimension, key, c.plays, c.skips, c.completions, c.listenedMs),
    /** An export's listener sets (distinct keys), empty when it has none yet. */
    listenerSet(seq: number): { all: Float64Array; unflagged: Float64Array } {
      const row = listenerSet.get(seq);
      const keys = (blob: Buffer | undefined) => (blob ? new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)) : new Float64Array(0));
      return { all: keys(row?.allKeys), unflagged: keys(row?.unflaggedKeys) };
    },
    saveListenerSet: (seq: number, all: Float64Array, unflagged: Float64Array) =>
      saveListenerSet.run(seq, all.length, unflagged.length, Buffer.from(all.buffer, all.byteOffset, all.byteLength), Buffer.from(unflagged.buffer, unflagged.byteOffset, unflagged.byteLength)),
    /** Removes rollup rows whose plays were all taken out again. */
    dropEmptyRollups: (seq: number) => dropEmptyRollups.forEach((s) => s.run(seq)),
  };
}

export type AnalyticsWriteQueries = ReturnType<typeof analyticsWriteQueries>;
