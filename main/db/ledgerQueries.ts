import type { LibraryDatabase } from './openLibraryDatabase';

export interface LedgerEntry {
  position: number;
  exportId: string;
  createdAt: string;
  payloadJson: string;
  payloadSha256: string;
  previousHash: string;
  entryHash: string;
}

export interface ExportRow {
  id: string;
  ledgerPosition: number;
  projectId: string;
  revision: number;
  title: string;
  versionType: string;
  format: string;
  path: string;
  durationSec: number;
  audioSha256: string;
  createdAt: string;
  /** The name the export credits as remixer or performer. */
  creator: string;
  /** The export's own ISRC, when its distributor assigned one. */
  isrc: string | null;
}

export interface JournalRow {
  exportId: string;
  startedAt: string;
  finalPath: string;
  tempPath: string;
  creditsPath: string;
  creditsTemp: string;
  recordJson: string;
  exportJson: string;
}

const entryColumns =
  'position, export_id AS exportId, created_at AS createdAt, payload_json AS payloadJson, payload_sha256 AS payloadSha256, previous_hash AS previousHash, entry_hash AS entryHash';
const exportColumns =
  'id, ledger_position AS ledgerPosition, project_id AS projectId, revision, title, version_type AS versionType, format, path, duration_sec AS durationSec, audio_sha256 AS audioSha256, created_at AS createdAt, creator, isrc';

/** The ledger, exports and the export journal. */
export function ledgerQueries(db: LibraryDatabase) {
  const head = db.prepare(`SELECT ${entryColumns} FROM ledger ORDER BY position DESC LIMIT 1`);
  const all = db.prepare(`SELECT ${entryColumns} FROM ledger ORDER BY position`);
  const byExport = db.prepare(`SELECT ${entryColumns} FROM ledger WHERE export_id = ?`);
  const hashAt = db.prepare<[number], { entry_hash: string }>('SELECT entry_hash FROM ledger WHERE position = ?');
  const insertEntry = db.prepare(
    'INSERT INTO ledger (position, export_id, created_at, payload_json, payload_sha256, previous_hash, entry_hash) VALUES (@position, @exportId, @createdAt, @payloadJson, @payloadSha256, @previousHash, @entryHash)',
  );
  const insertExport = db.prepare(
    `INSERT INTO exports (id, ledger_position, project_id, revision, title, version_type, format, path, duration_sec, audio_sha256, created_at, creator, isrc)
     VALUES (@id, @ledgerPosition, @projectId, @revision, @title, @versionType, @format, @path, @durationSec, @audioSha256, @createdAt, @creator, @isrc)`,
  );
  const exportsList = db.prepare(`SELECT ${exportColumns} FROM exports ORDER BY created_at DESC, ledger_position DESC`);
  const exportById = db.prepare(`SELECT ${exportColumns} FROM exports WHERE id = ?`);
  const exportsByAudio = db.prepare(`SELECT ${exportColumns} FROM exports WHERE audio_sha256 = ?`);
  const exportsByIsrc = db.prepare(`SELECT ${exportColumns} FROM exports WHERE isrc = ?`);
  const insertJournal = db.prepare(
    `INSERT INTO export_journal (export_id, started_at, final_path, temp_path, credits_path, credits_temp, record_json, export_json)
     VALUES (@exportId, @startedAt, @finalPath, @tempPath, @creditsPath, @creditsTemp, @recordJson, @exportJson)`,
  );
  const journal = db.prepare(
    'SELECT export_id AS exportId, started_at AS startedAt, final_path AS finalPath, temp_path AS tempPath, credits_path AS creditsPath, credits_temp AS creditsTemp, record_json AS recordJson, export_json AS exportJson FROM export_journal',
  );
  const deleteJournal = db.prepare('DELETE FROM export_journal WHERE export_id = ?');

  const insertPeaks = db.prepare('INSERT OR IGNORE INTO export_peaks (audio_sha256, peaks) VALUES (?, ?)');
  const peaksBySha = db.prepare<[string], { peaks: Buffer }>('SELECT peaks FROM export_peaks WHERE audio_sha256 = ?');

  const commit = db.transaction((entry: LedgerEntry, row: ExportRow, peaks: Uint8Array | null) => {
    const current = head.get() as LedgerEntry | undefined;
    if ((current?.position ?? 0) + 1 !== entry.position)
      throw new Error(`the ledger moved on (head is ${current?.position ?? 0}, expected ${entry.position - 1})`);
    insertEntry.run(entry);
    insertExport.run(row);
    if (peaks) insertPeaks.run(row.audioSha256, peaks);
    deleteJournal.run(entry.exportId);
  });

  return {
    head: () => head.get() as LedgerEntry | undefined,
    entries: () => all.all() as LedgerEntry[],
    entryOf: (exportId: string) => byExport.get(exportId) as LedgerEntry | undefined,
    /** The entry hash at a position, if the ledger has that entry. */
    entryHashAt: (position: number): string | undefined => hashAt.get(position)?.entry_hash,
    /** Appends the entry, the export row and its waveform peaks and clears the journal, in one transaction; refuses if the chain moved. */
    commit: (entry: LedgerEntry, row: ExportRow, peaks: Uint8Array | null) => commit.immediate(entry, row, peaks),
    /** Waveform peaks of an export's audio (by the hash of its audio data). */
    peaks: (audioSha256: string): Uint8Array | undefined => peaksBySha.get(audioSha256)?.peaks,
    exports: () => exportsList.all() as ExportRow[],
    exportById: (id: string) => exportById.get(id) as ExportRow | undefined,
    exportsByAudio: (sha256: string) => exportsByAudio.all(sha256) as ExportRow[],
    exportsByIsrc: (isrc: string) => exportsByIsrc.all(isrc) as ExportRow[],
    journal: () => journal.all() as JournalRow[],
    addJournal: (row: JournalRow) => insertJournal.run(row),
    removeJournal: (exportId: string) => deleteJournal.run(exportId),
  };
}
