import { DAY_MS } from '../../../shared/analytics/playDefinitions';
import type { Migration } from '../Migration';
import { allocatePlayDay, countryCode, playDayBytes } from './PlayDay';

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
      const out = allocatePlayDay(group.length);
      group.forEach((p, i) => {
        out.listener[i] = p.listener;
        out.msIntoDay[i] = p.playedAt - day * DAY_MS;
        out.msPlayed[i] = p.msPlayed;
        out.importId[i] = p.importId;
        out.country[i] = countryCode(p.country);
        out.source[i] = p.source;
        out.reasonEnd[i] = p.reasonEnd;
        out.flags[i] = p.flags;
      });
      insert.run(group[0]!.seq, day, group.length, playDayBytes(out));
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
