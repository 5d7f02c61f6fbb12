import type { LibraryDatabase } from './openLibraryDatabase';

export interface CatalogSearch {
  readonly text?: string;
  readonly bpmMin?: number;
  readonly bpmMax?: number;
  readonly key?: string;
  readonly mayRemix?: boolean;
  readonly mayCover?: boolean;
  /** ISO 3166-1 alpha-2: whose licences "may" is judged by. */
  readonly territory: string;
  /** YYYY-MM-DD the licences must be valid on. */
  readonly date: string;
  readonly sort: 'title' | 'artist' | 'bpm';
  readonly offset: number;
  readonly limit: number;
}

export interface SearchRow {
  id: string;
  title: string;
  displayArtist: string;
  workId: string;
  workTitle: string;
  isrc: string;
  label: string;
  bpm: number;
  key: string;
  durationMs: number;
  stemCount: number;
}

const MAX_WORDS = 12;
/** An ISRC as the app prints it, or its start: ZZ-SLT-25-00203, ZZ-SLT-25, ZZ-SLT. */
const HYPHENATED_ISRC = /^[\p{L}]{2}-[\p{L}\p{N}]{3}(?:-\p{N}{2}(?:-\p{N}{1,5})?)?$/u;
/** A whole ISRC written with spaces: ZZ SLT 25 00203. */
const SPACED_ISRC = /(?<![\p{L}\p{N}])([\p{L}]{2}) ([\p{L}\p{N}]{3}) (\p{N}{2}) (\p{N}{5})(?![\p{L}\p{N}])/gu;

/** A whole ISRC as the app prints it: only ever an ISRC. */
const WHOLE_ISRC = /^[\p{L}]{2}-[\p{L}\p{N}]{3}-\p{N}{2}-\p{N}{5}$/u;

const prefixTerm = (word: string) => `"${word.replaceAll('"', '""')}"*`;

/**
 * Quotes each word as an FTS5 prefix query: "glass"* "orch"* — user text
 * can never be FTS syntax. ISRCs are stored as one word (ZZSLT2500203), so
 * one typed in the form the app displays (ZZ-SLT-25-00203, or with spaces)
 * is searched as that word. The start of one (ZZ-SLT-25) matches either
 * way, `(("zz"* AND "slt"* AND "25"*) OR "zzslt25"*)`, so a hyphenated name
 * that merely looks like one is still found by its words; a whole ISRC is
 * only an ISRC (its words would match every recording of that country).
 */
export function ftsQuery(text: string): string | null {
  const chunks = text.normalize('NFKC').replace(SPACED_ISRC, '$1-$2-$3-$4').split(/\s+/).filter(Boolean);
  const terms: string[] = [];
  let words = 0;
  for (const chunk of chunks) {
    const parts = chunk
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, MAX_WORDS - words);
    if (parts.length === 0) continue;
    words += parts.length;
    if (WHOLE_ISRC.test(chunk)) terms.push(prefixTerm(parts.join('')));
    else if (HYPHENATED_ISRC.test(chunk) && parts.length > 1) terms.push(`((${parts.map(prefixTerm).join(' AND ')}) OR ${prefixTerm(parts.join(''))})`);
    else terms.push(...parts.map(prefixTerm));
    if (words >= MAX_WORDS) break;
  }
  return terms.length ? terms.join(' ') : null;
}

/** Each order is an index of migration 0006 (rowid breaks ties, and every index carries it), so a page is an index walk. */
const sortColumns = {
  title: 'r.title COLLATE NOCASE, r.rowid',
  artist: 'r.display_artist COLLATE NOCASE, r.title COLLATE NOCASE, r.rowid',
  bpm: 'r.bpm, r.title COLLATE NOCASE, r.rowid',
};

/** The licence predicate: permits `use`, valid on `date`, covers `territory`. */
const licenceCovers = `
  l.valid_from <= @date AND (l.valid_until IS NULL OR l.valid_until >= @date)
  AND EXISTS (SELECT 1 FROM licence_uses u WHERE u.licence_id = l.id AND u.use = @use)
  AND EXISTS (SELECT 1 FROM licence_territories t WHERE t.licence_id = l.id AND t.mode = 'include' AND t.code IN ('WORLD', @territory))
  AND NOT EXISTS (SELECT 1 FROM licence_territories t WHERE t.licence_id = l.id AND t.mode = 'exclude' AND t.code = @territory)`;

/**
 * Catalog search: FTS5 over titles, artists, people, labels and ISRCs,
 * filters on BPM, key and "I may remix / cover here today". The permission
 * filter reads a temp table of permitted recordings, rebuilt only when the
 * territory, the date or the catalog changes, so every search stays an
 * indexed lookup even over 100,000 recordings.
 */
export function catalogSearchQueries(db: LibraryDatabase) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS permitted (use TEXT NOT NULL, recording_rowid INTEGER NOT NULL, PRIMARY KEY (use, recording_rowid)) WITHOUT ROWID');
  const catalogVersion = db.prepare<[], { value: string }>("SELECT value FROM library_meta WHERE key = 'catalog_version'");
  const clear = db.prepare('DELETE FROM temp.permitted');
  const fillRemix = db.prepare(`
    INSERT INTO temp.permitted (use, recording_rowid)
    SELECT 'remix', r.rowid FROM recordings r
    WHERE EXISTS (SELECT 1 FROM licences l WHERE l.type = 'master' AND l.recording_id = r.id AND ${licenceCovers})
      AND EXISTS (SELECT 1 FROM licences l WHERE l.type = 'publishing' AND l.work_id = r.work_id AND ${licenceCovers})`);
  const fillCover = db.prepare(`
    INSERT INTO temp.permitted (use, recording_rowid)
    SELECT 'cover', r.rowid FROM recordings r
    WHERE EXISTS (SELECT 1 FROM licences l WHERE l.type = 'publishing' AND l.work_id = r.work_id AND ${licenceCovers})`);
  const rebuild = db.transaction((territory: string, date: string) => {
    clear.run();
    fillRemix.run({ use: 'remix', territory, date });
    fillCover.run({ use: 'cover', territory, date });
  });
  let permittedKey = '';
  const statements = new Map<string, { rows: ReturnType<LibraryDatabase['prepare']>; count: ReturnType<LibraryDatabase['prepare']> }>();

  function ensurePermitted(territory: string, date: string): void {
    const key = `${territory}|${date}|${catalogVersion.get()?.value ?? '0'}`;
    if (key === permittedKey) return;
    rebuild(territory, date);
    permittedKey = key;
  }

  function statementsFor(search: CatalogSearch, hasText: boolean) {
    const shape = [
      hasText,
      search.bpmMin !== undefined,
      search.bpmMax !== undefined,
      search.key !== undefined,
      !!search.mayRemix,
      !!search.mayCover,
      search.sort,
    ].join(',');
    let cached = statements.get(shape);
    if (!cached) {
      const filters = [
        hasText ? 'r.rowid IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH @fts)' : null,
        search.bpmMin !== undefined ? 'r.bpm >= @bpmMin' : null,
        search.bpmMax !== undefined ? 'r.bpm <= @bpmMax' : null,
        search.key !== undefined ? 'r.musical_key = @key' : null,
      ].filter((filter): filter is string => filter !== null);
      const uses = [search.mayRemix ? 'remix' : null, search.mayCover ? 'cover' : null].filter((use): use is string => use !== null);
      // Permission filters probe the permission table per candidate row (EXISTS), so a page walks the sort
      // index or the text matches; a count with no other filter counts the permission table itself.
      const permitted = (use: string, rowid: string) => `EXISTS (SELECT 1 FROM temp.permitted p WHERE p.use = '${use}' AND p.recording_rowid = ${rowid})`;
      const pageWhere = [...filters, ...uses.map((use) => permitted(use, 'r.rowid'))];
      const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
      const order = sortColumns[search.sort];
      cached = {
        // The page's rowids first (an index walk, even at a deep offset), then the columns for those rows only;
        // CROSS JOIN keeps the page as the outer loop (left to itself, SQLite may walk the whole index again).
        rows: db.prepare(
          `SELECT r.id, r.title, r.display_artist AS displayArtist, r.work_id AS workId, w.title AS workTitle, r.isrc, r.label, r.bpm,
                  r.musical_key AS key, r.duration_ms AS durationMs, (SELECT count(*) FROM stems s WHERE s.recording_id = r.id) AS stemCount
           FROM (SELECT r.rowid AS pageRowid FROM recordings r ${whereSql(pageWhere)} ORDER BY ${order} LIMIT @limit OFFSET @offset) page
           CROSS JOIN recordings r ON r.rowid = page.pageRowid CROSS JOIN works w ON w.id = r.work_id ORDER BY ${order}`,
        ),
        count: db.prepare(
          filters.length === 0 && uses.length > 0
            ? `SELECT count(*) AS total FROM temp.permitted first WHERE first.use = '${uses[0]}'${uses
                .slice(1)
                .map((use) => ` AND ${permitted(use, 'first.recording_rowid')}`)
                .join('')}`
            : `SELECT count(*) AS total FROM recordings r ${whereSql(pageWhere)}`,
        ),
      };
      statements.set(shape, cached);
    }
    return cached;
  }

  return {
    search(search: CatalogSearch): { total: number; rows: SearchRow[] } {
      const fts = search.text ? ftsQuery(search.text) : null;
      if (search.mayRemix || search.mayCover) ensurePermitted(search.territory, search.date);
      const { rows, count } = statementsFor(search, fts !== null);
      const params = { fts, bpmMin: search.bpmMin, bpmMax: search.bpmMax, key: search.key, limit: search.limit, offset: search.offset };
      const bound = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null));
      const { limit: _limit, offset: _offset, ...countParams } = bound;
      return {
        total: (count.get(countParams) as { total: number }).total,
        rows: rows.all(bound) as SearchRow[],
      };
    },
    /** Changes whenever a package is imported or updated: the key for anything cached from the catalog. */
    catalogVersion: (): string => catalogVersion.get()?.value ?? '0',
    /** Distinct keys present, for the key filter. */
    keys: (): string[] =>
      db
        .prepare<[], { key: string }>('SELECT DISTINCT musical_key AS key FROM recordings ORDER BY key')
        .all()
        .map((r) => r.key),
  };
}
