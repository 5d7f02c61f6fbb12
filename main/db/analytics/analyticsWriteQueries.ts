import type { AnalyticsDatabase } from './openAnalyticsDatabase';

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
  dropped: number;
  /** The export a simulation generated plays for; null (or absent) for a file. */
  exportId?: string | null;
}

/** One export's stored plays of one UTC day: which day, how many, and their columns as stored (the store's PlayDay layout). */
export interface StoredDay {
  day: number;
  plays: number;
  columns: Buffer;
}

/** An export's listeners and each one's plays in three views (all; counted: unflagged or disputed; strict: unflagged), with the segment counts. */
export interface ExportListeners {
  listeners: number;
  oneTime: number;
  countedListeners: number;
  countedOneTime: number;
  strictListeners: number;
  strictOneTime: number;
  keys: Float64Array;
  plays: Uint32Array;
  counted: Uint32Array;
  strict: Uint32Array;
}

/** What one flag rule caught, as stored for the dashboard. */
export interface CatchRow {
  rule: string;
  listener: number | null;
  country: string | null;
  fromMinute: number;
  toMinute: number;
  plays: number;
  disputed: number;
}

export interface DisputeRow {
  id: number;
  rule: string;
  listener: number | null;
  fromMinute: number;
  toMinute: number;
  disputedAt: string;
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
    `INSERT INTO play_imports (file_name, file_sha256, format, imported_at, lines, added, duplicates, malformed, aside, ignored, dropped, export_id)
     VALUES (@fileName, @fileSha256, @format, @importedAt, @lines, @added, @duplicates, @malformed, @aside, @ignored, @dropped, @exportId)`,
  );
  const updateImport = db.prepare(
    'UPDATE play_imports SET lines = @lines, added = @added, duplicates = @duplicates, malformed = @malformed, aside = @aside, ignored = @ignored, dropped = @dropped WHERE id = @id',
  );
  const setImportSha = db.prepare('UPDATE play_imports SET file_sha256 = ? WHERE id = ?');
  const playDaysOf = db.prepare<[number], StoredDay>('SELECT day, plays, columns FROM play_days WHERE export_seq = ? ORDER BY day');
  const durationOf = db.prepare<[number], number>('SELECT duration_ms FROM tracked_exports WHERE seq = ?').pluck();
  const seqsWithPlays = db.prepare<[], number>('SELECT DISTINCT export_seq FROM play_days ORDER BY export_seq').pluck();
  const savePlayDay = db.prepare(
    'INSERT INTO play_days (export_seq, day, plays, columns) VALUES (?, ?, ?, ?) ON CONFLICT (export_seq, day) DO UPDATE SET plays = excluded.plays, columns = excluded.columns',
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
  const exportListeners = db.prepare<
    [number],
    {
      listeners: number;
      oneTime: number;
      countedListeners: number;
      countedOneTime: number;
      strictListeners: number;
      strictOneTime: number;
      keys: Buffer;
      plays: Buffer;
      counted: Buffer;
      strict: Buffer;
    }
  >(
    `SELECT listeners, one_time AS oneTime, counted_listeners AS countedListeners, counted_one_time AS countedOneTime, strict_listeners AS strictListeners, strict_one_time AS strictOneTime,
       keys, plays, counted, strict FROM export_listeners WHERE export_seq = ?`,
  );
  const saveExportListeners = db.prepare(
    `INSERT OR REPLACE INTO export_listeners (export_seq, listeners, one_time, counted_listeners, counted_one_time, strict_listeners, strict_one_time, keys, plays, counted, strict)
     VALUES (@seq, @listeners, @oneTime, @countedListeners, @countedOneTime, @strictListeners, @strictOneTime, @keys, @plays, @counted, @strict)`,
  );
  const listenerExports = db.prepare<[], { keys: Buffer; seqs: Buffer }>('SELECT keys, seqs FROM listener_exports WHERE id = 1');
  const saveListenerExports = db.prepare('INSERT OR REPLACE INTO listener_exports (id, keys, seqs) VALUES (1, ?, ?)');
  const deleteCatches = db.prepare('DELETE FROM flag_catches WHERE export_seq = ?');
  const insertCatch = db.prepare(
    'INSERT INTO flag_catches (export_seq, rule, listener, country, from_minute, to_minute, plays, disputed) VALUES (@seq, @rule, @listener, @country, @fromMinute, @toMinute, @plays, @disputed)',
  );
  const disputesOf = db.prepare<[number], DisputeRow>(
    'SELECT id, rule, listener, from_minute AS fromMinute, to_minute AS toMinute, disputed_at AS disputedAt FROM flag_disputes WHERE export_seq = ? ORDER BY id',
  );
  const insertDispute = db.prepare('INSERT INTO flag_disputes (export_seq, rule, listener, from_minute, to_minute, disputed_at) VALUES (?, ?, ?, ?, ?, ?)');
  const deleteDispute = db.prepare('DELETE FROM flag_disputes WHERE export_seq = ? AND rule = ? AND listener IS ? AND from_minute = ? AND to_minute = ?');
  const spotifyFile = db.prepare<[string], number>('SELECT listener FROM spotify_files WHERE file_key = ?').pluck();
  const saveSpotifyFile = db.prepare('INSERT OR IGNORE INTO spotify_files (file_key, listener, import_id) VALUES (?, ?, ?)');
  const meta = db.prepare<[string], string>('SELECT value FROM analytics_meta WHERE key = ?').pluck();
  const deleteMeta = db.prepare('DELETE FROM analytics_meta WHERE key = ?');
  const deleteAllRollups = [db.prepare('DELETE FROM rollup_totals'), db.prepare('DELETE FROM rollup_endings'), db.prepare('DELETE FROM rollup_breakdowns')];
  const insertFix = db.prepare('INSERT INTO fix_attempts (export_id, project_id, second, revision, created_at) VALUES (?, ?, ?, ?, ?)');
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
    addImport: (record: ImportRecord) => Number(insertImport.run(record).lastInsertRowid),
    updateImport: (id: number, record: Omit<ImportRecord, 'fileName' | 'fileSha256' | 'format' | 'importedAt'>) => updateImport.run({ ...record, id }),
    setImportSha: (id: number, sha256: string) => setImportSha.run(sha256, id),
    /** Every stored day of one export, in day order. */
    playDaysOf: (seq: number): StoredDay[] => playDaysOf.all(seq),
    durationOf: (seq: number) => durationOf.get(seq)!,
    /** The exports with stored plays. */
    seqsWithPlays: () => seqsWithPlays.all(),
    /** Stores (or replaces) one export's plays of one UTC day. */
    savePlayDay: (seq: number, day: number, plays: number, columns: Buffer) => savePlayDay.run(seq, day, plays, columns),
    insertAside: (row: AsideRow, importId: number) => insertAside.run({ ...row, importId }).changes === 1,
    asideKeys: () => asideKeys.all(),
    takeAside(kind: string, value: string): AsideRow[] {
      const rows = asideOf.all(kind, value);
      deleteAside.run(kind, value);
      return rows;
    },
    addTotals: (seq: number, flagged: number, c: Counts) => addTotals.run(seq, flagged, c.plays, c.skips, c.completions, c.listenedMs),
    addEnding: (seq: number, flagged: number, second: number, plays: number) => addEnding.run(seq, flagged, second, plays),
    addBreakdown: (seq: number, flagged: number, dimension: string, key: string, c: Counts) =>
      addBreakdown.run(seq, flagged, dimension, key, c.plays, c.skips, c.completions, c.listenedMs),
    /** An export's listeners with their plays per view, or null before its first plays. */
    exportListeners(seq: number): ExportListeners | null {
      const row = exportListeners.get(seq);
      if (!row) return null;
      return { ...row, keys: float64s(row.keys), plays: uint32s(row.plays), counted: uint32s(row.counted), strict: uint32s(row.strict) };
    },
    saveExportListeners: (seq: number, l: ExportListeners) =>
      saveExportListeners.run({ ...l, seq, keys: bytesOf(l.keys), plays: bytesOf(l.plays), counted: bytesOf(l.counted), strict: bytesOf(l.strict) }),
    /** The library-wide listener → export index (export seq, or −1 for several). */
    listenerExports(): { keys: Float64Array; seqs: Int32Array } {
      const row = listenerExports.get();
      return row ? { keys: float64s(row.keys), seqs: new Int32Array(uint32s(row.seqs).buffer) } : { keys: new Float64Array(0), seqs: new Int32Array(0) };
    },
    saveListenerExports: (keys: Float64Array, seqs: Int32Array) => saveListenerExports.run(bytesOf(keys), bytesOf(seqs)),
    /** Replaces what the flag rules caught in one export. */
    saveCatches(seq: number, catches: readonly CatchRow[]): void {
      deleteCatches.run(seq);
      for (const c of catches) insertCatch.run({ ...c, seq });
    },
    disputes: (seq: number) => disputesOf.all(seq),
    addDispute: (seq: number, d: Omit<DisputeRow, 'id'>) => insertDispute.run(seq, d.rule, d.listener, d.fromMinute, d.toMinute, d.disputedAt),
    removeDispute: (seq: number, d: Pick<DisputeRow, 'rule' | 'listener' | 'fromMinute' | 'toMinute'>) =>
      deleteDispute.run(seq, d.rule, d.listener, d.fromMinute, d.toMinute).changes > 0,
    /** The listener a Spotify file without usernames was first imported as, by the file's keyed hash. */
    spotifyFile: (fileKey: string): number | undefined => spotifyFile.get(fileKey),
    saveSpotifyFile: (fileKey: string, listener: number, importId: number) => saveSpotifyFile.run(fileKey, listener, importId),
    meta: (key: string): string | undefined => meta.get(key),
    deleteMeta: (key: string) => deleteMeta.run(key),
    /** Empties every rollup (before they are built again from the stored plays). */
    deleteAllRollups: () => deleteAllRollups.forEach((s) => s.run()),
    addFixAttempt: (exportId: string, projectId: string, second: number, revision: number, at: string) =>
      Number(insertFix.run(exportId, projectId, second, revision, at).lastInsertRowid),
    /** Removes rollup rows whose plays were all taken out again. */
    dropEmptyRollups: (seq: number) => dropEmptyRollups.forEach((s) => s.run(seq)),
  };
}

export type AnalyticsWriteQueries = ReturnType<typeof analyticsWriteQueries>;

/** A typed array's bytes as a Buffer for a BLOB (no copy). */
function bytesOf(array: Float64Array | Uint32Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
/** A BLOB's bytes as numbers (copied: SQLite's buffer is not 8-byte aligned). */
function float64s(blob: Buffer): Float64Array {
  return new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
function uint32s(blob: Buffer): Uint32Array {
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
