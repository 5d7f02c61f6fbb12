import { DAY_MS } from '../../../shared/analytics/playDefinitions';
import type { Migration } from '../Migration';

interface StoredPlay {
  seq: number;
  playedAt: number;
  listener: number;
  msPlayed: number;
  country: string;
  source: number;
  reasonEnd: number;
  flags: number;
  importId: number;
}

/**
 * Plays move from one row each into one row per export and UTC day holding
 * that day's plays column by column (PlayDay): an import then writes a few
 * thousand rows instead of millions, and dedupes and flags a day in memory.
 * Existing plays keep their flags (the rollups agree with them). From this
 * version on, listener_sets hold distinct keys in no particular order (a
 * union is a hash pass, not a sort; the sorted sets already stored qualify).
 */
export const analyticsMigration0002: Migration = {
  version: 2,
  name: 'play-days',
  up(db) {
    db.exec(`
      -- A rowid table: rows of several kilobytes make a WITHOUT ROWID B-tree split constantly (measured 5× slower to fill).
      CREATE TABLE play_days (
        export_seq INTEGER NOT NULL,
        day        INTEGER NOT NULL,
        plays      INTEGER NOT NULL CHECK (plays > 0),
        columns    BLOB NOT NULL,
        UNIQUE (export_seq, day)
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO play_days (export_seq, day, plays, columns) VALUES (?, ?, ?, ?)');
    // One export at a time: a statement cannot write while another is still reading.
    const seqs = db.prepare('SELECT DISTINCT export_seq FROM plays ORDER BY export_seq').pluck().all() as number[];
    const playsOf = db.prepare<[number], StoredPlay>(
      `SELECT export_seq AS seq, played_at AS playedAt, listener, ms_played AS msPlayed, country, source, reason_end AS reasonEnd, flags, import_id AS importId
       FROM plays WHERE export_seq = ? ORDER BY played_at, listener, ms_played`,
    );
    let group: StoredPlay[] = [];
    const flush = () => {
      if (!group.length) return;
      const day = Math.floor(group[0]!.playedAt / DAY_MS);
      insert.run(group[0]!.seq, day, group.length, version2DayBytes(group, day * DAY_MS));
      group = [];
    };
    for (const seq of seqs) {
      for (const play of playsOf.all(seq)) {
        const first = group[0];
        if (first && Math.floor(first.playedAt / DAY_MS) !== Math.floor(play.playedAt / DAY_MS)) flush();
        group.push(play);
      }
      flush();
    }
    db.exec('DROP TABLE plays');
  },
};

/**
 * A day's plays in the column layout of schema version 2 (kept here, frozen:
 * a migration must write what its version meant, whatever the store does
 * later): listener float64, ms into the day, ms played, import id (uint32),
 * country (two ASCII bytes, uint16), source, end reason, flags (uint8) —
 * each column contiguous, little-endian.
 */
function version2DayBytes(plays: readonly StoredPlay[], dayStartMs: number): Buffer {
  const n = plays.length;
  const buffer = new ArrayBuffer(n * 25);
  const listener = new Float64Array(buffer, 0, n);
  const msIntoDay = new Uint32Array(buffer, 8 * n, n);
  const msPlayed = new Uint32Array(buffer, 12 * n, n);
  const importId = new Uint32Array(buffer, 16 * n, n);
  const country = new Uint16Array(buffer, 20 * n, n);
  const source = new Uint8Array(buffer, 22 * n, n);
  const reasonEnd = new Uint8Array(buffer, 23 * n, n);
  const flags = new Uint8Array(buffer, 24 * n, n);
  plays.forEach((p, i) => {
    listener[i] = p.listener;
    msIntoDay[i] = p.playedAt - dayStartMs;
    msPlayed[i] = p.msPlayed;
    importId[i] = p.importId;
    country[i] = p.country.charCodeAt(0) * 256 + p.country.charCodeAt(1);
    source[i] = p.source;
    reasonEnd[i] = p.reasonEnd;
    flags[i] = p.flags;
  });
  return Buffer.from(buffer);
}
