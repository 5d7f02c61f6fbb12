import type { AnalyticsDatabase } from './openAnalyticsDatabase';
import type { Counts, ImportRecord } from './analyticsWriteQueries';

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
/** A past import as listed (its file hash stays in the database). */
export type ImportRow = Omit<ImportRecord, 'fileSha256'> & { id: number };

const counts = 'plays, skips, completions, listened_ms AS listenedMs';

/** What the dashboards read: rollups only, never a scan of plays. */
export function analyticsReadQueries(db: AnalyticsDatabase) {
  const tracked = db.prepare<[string], { seq: number; durationMs: number }>('SELECT seq, duration_ms AS durationMs FROM tracked_exports WHERE export_id = ?');
  const totals = db.prepare<[number], TotalsRow>(`SELECT flagged, ${counts} FROM rollup_totals WHERE export_seq = ?`);
  const endings = db.prepare<[number], { flagged: number; second: number; plays: number }>('SELECT flagged, second, plays FROM rollup_endings WHERE export_seq = ?');
  const breakdowns = db.prepare<[number], BreakdownRow>(`SELECT flagged, dimension, key, ${counts} FROM rollup_breakdowns WHERE export_seq = ?`);
  const listeners = db.prepare<[number], { listeners: number; unflagged: number }>(
    'SELECT listeners, unflagged_listeners AS unflagged FROM listener_sets WHERE export_seq = ?',
  );
  const overview = db.prepare<[], OverviewRow>(
    `SELECT e.export_id AS exportId, e.duration_ms AS durationMs, t.flagged, t.plays, t.skips, t.completions, t.listened_ms AS listenedMs
     FROM rollup_totals t JOIN tracked_exports e ON e.seq = t.export_seq`,
  );
  const overviewListeners = db.prepare<[], { exportId: string; listeners: number; unflagged: number }>(
    'SELECT e.export_id AS exportId, l.listeners, l.unflagged_listeners AS unflagged FROM listener_sets l JOIN tracked_exports e ON e.seq = l.export_seq',
  );
  const aside = db.prepare<[], AsideGroup>(
    `SELECT key_kind AS keyKind, key_value AS keyValue, min(label) AS label, count(*) AS plays, min(played_at) AS firstPlayedAt, max(played_at) AS lastPlayedAt
     FROM plays_aside GROUP BY key_kind, key_value ORDER BY plays DESC`,
  );
  const imports = db.prepare<[], ImportRow>(
    'SELECT id, file_name AS fileName, format, imported_at AS importedAt, lines, added, duplicates, malformed, aside, ignored FROM play_imports ORDER BY id DESC',
  );
  return {
    tracked: (exportId: string) => tracked.get(exportId),
    totals: (seq: number) => totals.all(seq),
    endings: (seq: number) => endings.all(seq),
    breakdowns: (seq: number) => breakdowns.all(seq),
    listeners: (seq: number) => listeners.get(seq),
    overview: () => overview.all(),
    overviewListeners: () => overviewListeners.all(),
    aside: () => aside.all(),
    imports: () => imports.all(),
  };
}

export type AnalyticsReadQueries = ReturnType<typeof analyticsReadQueries>;
