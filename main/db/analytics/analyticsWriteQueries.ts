import type { AnalyticsDatabase } from './openAnalyticsDatabase';

/** One stored play, as the importer writes it. */
export interface PlayRow {
  exportSeq: number;
  playedAt: number;
  listener: number;
  msPlayed: number;
  country: string;
  source: number;
  reasonEnd: number;
  flags: number;
}

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
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const trackExport = db.prepare('INSERT INTO tracked_exports (export_id, duration_ms) VALUES (?, ?) ON CONFLICT (export_id) DO NOTHING');
  const seqOf = db.prepare<[string], { seq: number; durationMs: number }>('SELECT seq, duration_ms AS durationMs FROM tracked_exports WHERE export_id = ?');
  const insertImport = db.prepare(
    `INSERT INTO play_imports (file_name, file_sha256, format, imported_at, lines, added, duplicates, malformed, aside, ignored)
     VALUES (@fileName, @fileSha256, @format, @importedAt, @lines, @added, @duplicates, @malformed, @aside, @ignored)`,
  );
  const updateImport = db.prepare(
    'UPDATE play_imports SET lines = @lines, added = @added, duplicates = @duplicates, malformed = @malformed, aside = @aside, ignored = @ignored WHERE id = @id',
  );
  const setImportSha = db.prepare('UPDATE play_imports SET file_sha256 = ? WHERE id = ?');
  const insertPlay = db.prepare(
    'INSERT OR IGNORE INTO plays (export_seq, played_at, listener, ms_played, country, source, reason_end, flags, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
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
  const setFlags = db.prepare('UPDATE plays SET flags = ? WHERE export_seq = ? AND played_at = ? AND listener = ? AND ms_played = ?');
  const flagListenerRange = db.prepare(
    'UPDATE plays SET flags = flags | @bit WHERE export_seq = @seq AND played_at >= @from AND played_at < @to AND listener = @listener AND (flags & @bit) = 0',
  );
  const flagBurstRange = db.prepare(
    `UPDATE plays SET flags = flags | @bit
     WHERE export_seq = @seq AND played_at >= @from AND played_at < @to AND ms_played >= @msFrom AND ms_played < @msTo AND (flags & @bit) = 0`,
  );
  const listenerCounts = db.prepare<{ seq: number; from: number; to: number }, { listener: number; plays: number }>(
    'SELECT listener, count(*) AS plays FROM plays WHERE export_seq = @seq AND played_at >= @from AND played_at < @to GROUP BY listener',
  );
  const hourCounts = db.prepare<{ seq: number; from: number; to: number; msFrom: number; msTo: number; hourMs: number }, { hour: number; plays: number; inWindow: number }>(
    `SELECT played_at / @hourMs AS hour, count(*) AS plays, sum(ms_played >= @msFrom AND ms_played < @msTo) AS inWindow
     FROM plays WHERE export_seq = @seq AND played_at >= @from AND played_at < @to GROUP BY hour`,
  );
  const daysOf = db.prepare<[number], { key: string }>("SELECT DISTINCT key FROM rollup_breakdowns WHERE export_seq = ? AND dimension = 'day'");
  const playsOf = db.prepare<[number], PlayRow>(
    `SELECT export_seq AS exportSeq, played_at AS playedAt, listener, ms_played AS msPlayed, country, source, reason_end AS reasonEnd, flags
     FROM plays WHERE export_seq = ?`,
  );
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
  const clearRollups = [
    db.prepare('DELETE FROM rollup_totals WHERE export_seq = ?'),
    db.prepare('DELETE FROM rollup_endings WHERE export_seq = ?'),
    db.prepare('DELETE FROM rollup_breakdowns WHERE export_seq = ?'),
    db.prepare('DELETE FROM listener_sets WHERE export_seq = ?'),
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
    addImport: (record: ImportRecord) => Number(insertImport.run(record).lastInsertRowid),
    updateImport: (id: number, record: Omit<ImportRecord, 'fileName' | 'fileSha256' | 'format' | 'importedAt'>) => updateImport.run({ ...record, id }),
    setImportSha: (id: number, sha256: string) => setImportSha.run(sha256, id),
    /** Stores a play unless the same play is already there; true when it was new. */
    insertPlay: (seq: number, playedAt: number, listener: number, msPlayed: number, country: string, source: number, reasonEnd: number, importId: number) =>
      insertPlay.run(seq, playedAt, listener, msPlayed, country, source, reasonEnd, 0, importId).changes === 1,
    insertAside: (row: AsideRow, importId: number) => insertAside.run({ ...row, importId }).changes === 1,
    asideKeys: () => asideKeys.all(),
    takeAside(kind: string, value: string): AsideRow[] {
      const rows = asideOf.all(kind, value);
      deleteAside.run(kind, value);
      return rows;
    },
    setFlags: (p: PlayRow) => setFlags.run(p.flags, p.exportSeq, p.playedAt, p.listener, p.msPlayed),
    /** Flags a listener's stored plays of one export in [from, to); the number newly flagged. */
    flagListenerRange: (seq: number, from: number, to: number, listener: number, bit: number) => flagListenerRange.run({ seq, from, to, listener, bit }).changes,
    /** Flags the stored plays in [from, to) whose time played is in [msFrom, msTo); the number newly flagged. */
    flagBurstRange: (seq: number, from: number, to: number, msFrom: number, msTo: number, bit: number) => flagBurstRange.run({ seq, from, to, msFrom, msTo, bit }).changes,
    listenerCounts: (seq: number, from: number, to: number) => listenerCounts.all({ seq, from, to }),
    hourCounts: (seq: number, from: number, to: number, msFrom: number, msTo: number, hourMs: number) => hourCounts.all({ seq, from, to, msFrom, msTo, hourMs }),
    /** UTC days (YYYY-MM-DD) that already have plays of this export. */
    daysWithPlays: (seq: number) => new Set(daysOf.all(seq).map((r) => r.key)),
    playsOf: (seq: number) => playsOf.iterate(seq) as IterableIterator<PlayRow>,
    addTotals: (seq: number, flagged: number, c: Counts) => addTotals.run(seq, flagged, c.plays, c.skips, c.completions, c.listenedMs),
    addEnding: (seq: number, flagged: number, second: number, plays: number) => addEnding.run(seq, flagged, second, plays),
    addBreakdown: (seq: number, flagged: number, dimension: string, key: string, c: Counts) => addBreakdown.run(seq, flagged, dimension, key, c.plays, c.skips, c.completions, c.listenedMs),
    /** An export's listener sets (sorted keys), empty when it has none yet. */
    listenerSet(seq: number): { all: Float64Array; unflagged: Float64Array } {
      const row = listenerSet.get(seq);
      const keys = (blob: Buffer | undefined) => (blob ? new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)) : new Float64Array(0));
      return { all: keys(row?.allKeys), unflagged: keys(row?.unflaggedKeys) };
    },
    saveListenerSet: (seq: number, all: Float64Array, unflagged: Float64Array) =>
      saveListenerSet.run(seq, all.length, unflagged.length, Buffer.from(all.buffer, all.byteOffset, all.byteLength), Buffer.from(unflagged.buffer, unflagged.byteOffset, unflagged.byteLength)),
    clearRollups: (seq: number) => clearRollups.forEach((s) => s.run(seq)),
  };
}

export type AnalyticsWriteQueries = ReturnType<typeof analyticsWriteQueries>;
