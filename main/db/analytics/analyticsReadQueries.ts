import type { AnalyticsDatabase } from './openAnalyticsDatabase';
import type { CatchRow, Counts, ImportRecord } from './analyticsWriteQueries';

export interface TotalsRow extends Counts {
  flagged: number;
}
export interface BreakdownRow extends Counts {
  flagged: number;
  dimension: string;
  key: string;
}
export interface OverviewRow extends Counts {
  exportId: string;
  seq: number;
  durationMs: number;
  flagged: number;
}
export interface AsideGroup {
  keyKind: string;
  keyValue: string;
  label: string;
  plays: number;
  firstPlayedAt: number;
  lastPlayedAt: number;
}
/** An export's listener counts for its segments: all plays, counted plays (unflagged or disputed), strictly unflagged plays. */
export interface ListenerCounts {
  listeners: number;
  oneTime: number;
  countedListeners: number;
  countedOneTime: number;
  strictListeners: number;
  strictOneTime: number;
}
export interface FixAttemptRow {
  id: number;
  exportId: string;
  second: number;
  revision: number;
  createdAt: string;
}
/** A past import as listed (its file hash stays in the database). */
export type ImportRow = Omit<ImportRecord, 'fileSha256'> & { id: number };

const counts = 'plays, skips, completions, listened_ms AS listenedMs';

/** What the dashboards read: rollups only, never a scan of plays. */
export function analyticsReadQueries(db: AnalyticsDatabase) {
  const tracked = db.prepare<[string], { seq: number; durationMs: number }>('SELECT seq, duration_ms AS durationMs FROM tracked_exports WHERE export_id = ?');
  const totals = db.prepare<[number], TotalsRow>(`SELECT flagged, ${counts} FROM rollup_totals WHERE export_seq = ?`);
  const endings = db.prepare<[number], { flagged: number; second: number; plays: number }>('SELECT flagged, second, plays FROM rollup_endings WHERE export_seq = ?');
  const breakdowns = db.prepare<[number], BreakdownRow>(`SELECT flagged, dimension, key, ${counts} FROM rollup_breakdowns WHERE export_seq = ?`);
  const listenerCounts = `listeners, one_time AS oneTime, counted_listeners AS countedListeners, counted_one_time AS countedOneTime, strict_listeners AS strictListeners, strict_one_time AS strictOneTime`;
  const listeners = db.prepare<[number], ListenerCounts>(`SELECT ${listenerCounts} FROM export_listeners WHERE export_seq = ?`);
  const listenerKeys = db.prepare<[number], { keys: Buffer; plays: Buffer; counted: Buffer }>('SELECT keys, plays, counted FROM export_listeners WHERE export_seq = ?');
  const catches = db.prepare<[number], CatchRow>(
    'SELECT rule, listener, country, from_minute AS fromMinute, to_minute AS toMinute, plays, disputed FROM flag_catches WHERE export_seq = ? ORDER BY plays DESC, from_minute',
  );
  const fixAttempts = db.prepare<[string], FixAttemptRow>('SELECT id, export_id AS exportId, second, revision, created_at AS createdAt FROM fix_attempts WHERE project_id = ? ORDER BY id');
  const overview = db.prepare<[], OverviewRow>(
    `SELECT e.export_id AS exportId, e.seq, e.duration_ms AS durationMs, t.flagged, t.plays, t.skips, t.completions, t.listened_ms AS listenedMs
     FROM rollup_totals t JOIN tracked_exports e ON e.seq = t.export_seq`,
  );
  const overviewListeners = db.prepare<[], ListenerCounts & { exportId: string }>(
    `SELECT e.export_id AS exportId, ${listenerCounts} FROM export_listeners l JOIN tracked_exports e ON e.seq = l.export_seq`,
  );
  const aside = db.prepare<[], AsideGroup>(
    `SELECT key_kind AS keyKind, key_value AS keyValue, min(label) AS label, count(*) AS plays, min(played_at) AS firstPlayedAt, max(played_at) AS lastPlayedAt
     FROM plays_aside GROUP BY key_kind, key_value ORDER BY plays DESC`,
  );
  const imports = db.prepare<[], ImportRow>(
    'SELECT id, file_name AS fileName, format, imported_at AS importedAt, lines, added, duplicates, malformed, aside, ignored, dropped FROM play_imports ORDER BY id DESC',
  );
  return {
    /** Changes whenever another connection (or process) commits to the database: cached figures are stale then. */
    dataVersion: () => db.pragma('data_version', { simple: true }) as number,
    tracked: (exportId: string) => tracked.get(exportId),
    totals: (seq: number) => totals.all(seq),
    endings: (seq: number) => endings.all(seq),
    breakdowns: (seq: number) => breakdowns.all(seq),
    listeners: (seq: number) => listeners.get(seq),
    /** An export's listener keys, with which of them have plays that count (unflagged or disputed): for distinct listeners across exports. */
    listenerKeys(seq: number): { keys: Float64Array; counted: Uint32Array } | null {
      const row = listenerKeys.get(seq);
      if (!row) return null;
      const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
      return { keys: new Float64Array(copy(row.keys)), counted: new Uint32Array(copy(row.counted)) };
    },
    catches: (seq: number) => catches.all(seq),
    fixAttempts: (projectId: string) => fixAttempts.all(projectId),
    overview: () => overview.all(),
    overviewListeners: () => overviewListeners.all(),
    aside: () => aside.all(),
    imports: () => imports.all(),
  };
}

export type AnalyticsReadQueries = ReturnType<typeof analyticsReadQueries>;
