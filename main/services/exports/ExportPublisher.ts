import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { acquireLedgerLock, type LedgerLockHandle } from '../../db/ledgerLock';
import type { ExportRow, JournalRow, LedgerEntry, ledgerQueries } from '../../db/ledgerQueries';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { syncDirectoryAsync } from '../../media/syncDirectory';
import { writeNewFileSyncedAsync } from '../../media/writeNewFileSyncedAsync';
import { ServiceError } from '../ServiceError';
import { ProcessOwner } from '../processes/ProcessOwner';

/** What an export looks like once it knows its place in the ledger: the file (tags embed the record), the credits, the rows. */
export interface StampedExport {
  /** The file, or its parts written one after another (the audio part is never copied into one buffer with the tags). */
  readonly file: Buffer | readonly Buffer[];
  readonly creditsJson: string;
  readonly entry: LedgerEntry;
  readonly row: ExportRow;
}

/** How long an export waits for other processes' appends before giving up (each holds the lock for a write and an fsync). */
const PUBLISH_WAIT_MS = 120_000;
/** How long opening a library waits to repair a dead process's export before leaving it to the next start. */
const RECOVER_WAIT_MS = 5_000;

/**
 * Puts an export on disk and in the ledger atomically, and after a crash
 * finishes or undoes what was half done: the final file and its ledger
 * entry exist together or not at all.
 *
 * Many processes may share a library (the app, `stemroom export`, `info`…).
 * Appends queue on the ledger lock (acquireLedgerLock): the ledger position
 * and previous hash are read, and everything that embeds them is built,
 * only while it is held, so two exports at once both succeed, one after
 * the other. Journal rows carry their process's identity (ProcessOwner):
 * recovery touches only rows whose process is gone, never an export that
 * is running in another process.
 */
export class ExportPublisher {
  constructor(
    private readonly ledger: ReturnType<typeof ledgerQueries>,
    /** The ledger lock file beside the library database. */
    private readonly lockFile: string,
  ) {}

  /**
   * Waits for the ledger, then — holding it — picks the destination, lets
   * `stamp` build everything that depends on the ledger head, and makes the
   * file, the credits beside it and the ledger entry appear together: a
   * journal row, temp files (fsynced), renames, then the ledger and export
   * rows in one transaction that also clears the journal; `committed`
   * runs last, still holding the ledger (the signed head is advanced there).
   */
  async publish<T extends StampedExport>(
    destinationOf: () => string,
    peaks: Uint8Array,
    stamp: (head: LedgerEntry | undefined, destination: string) => T,
    committed: (stamped: T) => void = () => undefined,
  ): Promise<T> {
    const lock = await acquireLedgerLock(this.lockFile, PUBLISH_WAIT_MS);
    if (!lock)
      throw new ServiceError('unavailable', `Another Stemroom process has been writing to the ledger for ${PUBLISH_WAIT_MS / 1000} s; try the export again.`);
    try {
      const destination = destinationOf();
      const stamped = stamp(this.ledger.head(), destination);
      await this.write(destination, stamped, peaks);
      committed(stamped);
      return stamped;
    } finally {
      lock.release();
    }
  }

  /**
   * The files go to disk on libuv's threads (writes, fsyncs, renames): an
   * export of tens of megabytes takes its time to reach the disk, and this
   * thread answers the contract meanwhile. The ledger lock is held across
   * the awaits, so nothing else appends in between (in this process either:
   * each acquire is a connection of its own).
   */
  private async write(destination: string, { file, creditsJson, entry, row }: StampedExport, peaks: Uint8Array): Promise<void> {
    const dir = path.dirname(destination);
    const suffix = crypto.randomBytes(4).toString('hex');
    const tempPath = path.join(dir, `.${path.basename(destination)}.${suffix}.partial`);
    const creditsPath = `${destination}.credits.json`;
    const creditsTemp = path.join(dir, `.${path.basename(creditsPath)}.${suffix}.partial`);
    // The journal row comes first, so a kill at any later moment leaves nothing recovery does not know about.
    const exportJson = JSON.stringify({ entry, row, peaks: Buffer.from(peaks).toString('base64'), owner: ProcessOwner.current().token });
    this.ledger.addJournal({
      exportId: entry.exportId,
      startedAt: entry.createdAt,
      finalPath: destination,
      tempPath,
      creditsPath,
      creditsTemp,
      recordJson: creditsJson,
      exportJson,
    });
    try {
      await writeNewFileSyncedAsync(tempPath, file);
      await writeNewFileSyncedAsync(creditsTemp, Buffer.from(creditsJson));
      await fs.promises.rename(tempPath, destination);
      await fs.promises.rename(creditsTemp, creditsPath);
      await syncDirectoryAsync(dir);
      this.ledger.commit(entry, row, peaks);
    } catch (error) {
      this.rollBack({ exportId: entry.exportId, finalPath: destination, tempPath, creditsPath, creditsTemp });
      throw error;
    }
  }

  /**
   * Completes or undoes exports whose process died: a final file that
   * carries the journalled export id gets its ledger entry (and credits
   * file); anything else is removed. Rows of running processes are left
   * alone; so is everything when another process holds the ledger for
   * longer than RECOVER_WAIT_MS (the next start repairs it). `then` runs
   * afterwards, still holding the ledger (the signed head is sealed there).
   */
  async recover(then: () => void = () => undefined): Promise<{ completed: string[]; rolledBack: string[] }> {
    const completed: string[] = [];
    const rolledBack: string[] = [];
    const lock: LedgerLockHandle | null = await acquireLedgerLock(this.lockFile, RECOVER_WAIT_MS);
    if (!lock) return { completed, rolledBack };
    try {
      // Read under the lock: another process may have repaired them meanwhile.
      for (const job of this.ledger.journal().filter(orphaned)) {
        if (this.recoverOne(job)) completed.push(job.exportId);
        else rolledBack.push(job.exportId);
      }
      then();
    } finally {
      lock.release();
    }
    return { completed, rolledBack };
  }

  private recoverOne(job: JournalRow): boolean {
    const parsed = JSON.parse(job.exportJson) as { entry: LedgerEntry; row: Partial<ExportRow> & Omit<ExportRow, 'creator' | 'isrc'>; peaks?: string };
    const { entry } = parsed;
    // Journals written before exports had creator and ISRC columns lack them.
    const row: ExportRow = {
      ...parsed.row,
      creator: parsed.row.creator ?? (JSON.parse(job.recordJson) as AttributionRecord).creator.name,
      isrc: parsed.row.isrc ?? null,
    };
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
      return true;
    }
    this.rollBack({ ...job, removeFinal: finalIsOurs });
    return false;
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

function safeExportId(file: string): string | null {
  try {
    return readEmbeddedRecord(fs.readFileSync(file)).exportId;
  } catch {
    return null;
  }
}

/** A journal row whose process is gone (rows from before owners were recorded count as gone). */
function orphaned(job: JournalRow): boolean {
  let token: unknown;
  try {
    token = (JSON.parse(job.exportJson) as { owner?: unknown }).owner;
  } catch {
    return true;
  }
  const owner = typeof token === 'string' ? ProcessOwner.parse(token) : null;
  return owner === null || !owner.isAlive();
}
