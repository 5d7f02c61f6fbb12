import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import type { ExportRow, LedgerEntry, ledgerQueries } from '../../db/ledgerQueries';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { syncDirectory } from '../../media/writeFileAtomically';

/**
 * Puts an export on disk and in the ledger atomically, and after a crash
 * finishes or undoes what was half done: the final file and its ledger
 * entry exist together or not at all.
 */
export class ExportPublisher {
  constructor(private readonly ledger: ReturnType<typeof ledgerQueries>) {}

  /**
   * Makes the file, the credits beside it and the ledger entry appear
   * together: a journal row, temp files (fsynced), renames, then the ledger
   * and export rows in one transaction that also clears the journal.
   */
  publish(destination: string, file: Buffer | readonly Buffer[], creditsJson: string, entry: LedgerEntry, row: ExportRow, peaks: Uint8Array): void {
    const dir = path.dirname(destination);
    const suffix = crypto.randomBytes(4).toString('hex');
    const tempPath = path.join(dir, `.${path.basename(destination)}.${suffix}.partial`);
    const creditsPath = `${destination}.credits.json`;
    const creditsTemp = path.join(dir, `.${path.basename(creditsPath)}.${suffix}.partial`);
    // The journal row comes first, so a kill at any later moment leaves nothing recovery does not know about.
    this.ledger.addJournal({ exportId: entry.exportId, startedAt: entry.createdAt, finalPath: destination, tempPath, creditsPath, creditsTemp, recordJson: creditsJson, exportJson: JSON.stringify({ entry, row, peaks: Buffer.from(peaks).toString('base64') }) });
    try {
      for (const [target, bytes] of [[tempPath, file], [creditsTemp, Buffer.from(creditsJson)]] as const) {
        const fd = fs.openSync(target, 'wx');
        try {
          writeAllSync(fd, Array.isArray(bytes) ? bytes : [bytes as Buffer]);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      fs.renameSync(tempPath, destination);
      fs.renameSync(creditsTemp, creditsPath);
      syncDirectory(dir);
      this.ledger.commit(entry, row, peaks);
    } catch (error) {
      this.rollBack({ exportId: entry.exportId, finalPath: destination, tempPath, creditsPath, creditsTemp });
      throw error;
    }
  }

  /**
   * Completes or undoes exports a crash interrupted: a final file that
   * carries the journalled export id gets its ledger entry (and credits
   * file); anything else is removed.
   */
  recover(): { completed: string[]; rolledBack: string[] } {
    const completed: string[] = [];
    const rolledBack: string[] = [];
    for (const job of this.ledger.journal()) {
      const parsed = JSON.parse(job.exportJson) as { entry: LedgerEntry; row: Partial<ExportRow> & Omit<ExportRow, 'creator' | 'isrc'>; peaks?: string };
      const { entry } = parsed;
      // Journals written before exports had creator and ISRC columns lack them.
      const row: ExportRow = { ...parsed.row, creator: parsed.row.creator ?? (JSON.parse(job.recordJson) as AttributionRecord).creator.name, isrc: parsed.row.isrc ?? null };
      let finalIsOurs = false;
      try {
        finalIsOurs = fs.existsSync(job.finalPath) && readEmbeddedRecord(fs.readFileSync(job.finalPath)).exportId === job.exportId;
      } catch {
        finalIsOurs = false;
      }
      const headPosition = this.ledger.head()?.position ?? 0;
      if (finalIsOurs && headPosition + 1 === entry.position) {
        if (!fs.existsSync(job.creditsPath)) fs.writeFileSync(job.creditsPath, job.recordJson);
        fs.rmSync(job.creditsTemp, { force: true });
        this.ledger.commit(entry, row, parsed.peaks ? Buffer.from(parsed.peaks, 'base64') : null);
        completed.push(job.exportId);
      } else {
        this.rollBack({ ...job, removeFinal: finalIsOurs });
        rolledBack.push(job.exportId);
      }
    }
    return { completed, rolledBack };
  }

  private rollBack(job: { exportId: string; finalPath: string; tempPath: string; creditsPath: string; creditsTemp: string; removeFinal?: boolean }): void {
    fs.rmSync(job.tempPath, { force: true });
    fs.rmSync(job.creditsTemp, { force: true });
    const finalIsOurs = job.removeFinal ?? (fs.existsSync(job.finalPath) && safeExportId(job.finalPath) === job.exportId);
    if (finalIsOurs) {
      fs.rmSync(job.finalPath, { force: true });
      if (fs.existsSync(job.creditsPath) && fs.readFileSync(job.creditsPath, 'utf8').includes(job.exportId)) fs.rmSync(job.creditsPath, { force: true });
    }
    this.ledger.removeJournal(job.exportId);
  }
}

/** Writes the parts in order, however many calls the OS needs (the audio part is never copied into one buffer with the tags). */
function writeAllSync(fd: number, parts: readonly Buffer[]): void {
  for (const part of parts) {
    for (let written = 0; written < part.length; ) written += fs.writeSync(fd, part, written, part.length - written);
  }
}

function safeExportId(file: string): string | null {
  try {
    return readEmbeddedRecord(fs.readFileSync(file)).exportId;
  } catch {
    return null;
  }
}
