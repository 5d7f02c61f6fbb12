import type { ExportListItem, Inspection } from '../../../shared/contract/exportsContract';
import { attributionRecordSchema, type AttributionPayload, type AttributionRecord } from '../../../shared/rights/attributionRecord';
import type { ExportRow, LedgerEntry, ledgerQueries } from '../../db/ledgerQueries';
import type { LedgerHeadFile, SignedLedgerHead } from '../../trust/LedgerHeadFile';
import type { LibraryKey } from '../../trust/LibraryKey';
import { signRecord } from '../../trust/recordSignature';
import { ServiceError } from '../ServiceError';
import { ExportFileStates } from './ExportFileStates';
import { inspectExportFile } from './inspectExportFile';
import { verifyLedger } from './verifyLedger';

/**
 * The read side of exports: the list (with each file's state), one
 * export's record, its ledger chain, its peaks, and the inspection of any
 * export file. Reads rows and ledger entries; never writes.
 *
 * @example
 * const reader = new ExportReader(ledgerQueries(db), heads, key);
 * reader.list(projectId).map((e) => `${e.title}: ${e.fileState}`);
 */
export class ExportReader {
  private readonly factsCache = new Map<string, { row: ExportRow; record: AttributionPayload }>();
  private readonly fileStates = new ExportFileStates();

  constructor(
    private readonly ledger: ReturnType<typeof ledgerQueries>,
    private readonly heads: Pick<LedgerHeadFile, 'read'>,
    /** The library's key: records it made are re-signed as their files carry them. */
    private readonly key: LibraryKey,
  ) {}

  /** Every export (newest first), or one project's, with whether its file is still there and unchanged. */
  list(projectId?: string): ExportListItem[] {
    return this.ledger
      .exports()
      .filter((row) => !projectId || row.projectId === projectId)
      .map((row) => this.listItem(row));
  }

  /** An export's list item and its attribution record, stamped and signed as its file carries it. */
  show(exportId: string): { item: ExportListItem; record: AttributionRecord } {
    const row = this.ledger.exportById(exportId);
    const entry = this.ledger.entryOf(exportId);
    if (!row || !entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    const payload = JSON.parse(entry.payloadJson) as AttributionRecord;
    const stamped = attributionRecordSchema.parse({
      ...payload,
      ledger: { position: entry.position, previousHash: entry.previousHash, payloadHash: entry.payloadSha256, entryHash: entry.entryHash },
    });
    // Ed25519 signatures are deterministic: re-signing with the key that made the record gives the signature the file carries.
    const record = stamped.library?.keyFingerprint === this.key.fingerprint ? signRecord(stamped, this.key) : stamped;
    return { item: this.listItem(row), record };
  }

  /**
   * An export's row and attribution record without touching its file —
   * what analytics reads on every dashboard. Exports never change, so the
   * parsed record is kept.
   */
  facts(exportId: string): { row: ExportRow; record: AttributionPayload } {
    let facts = this.factsCache.get(exportId);
    if (!facts) {
      const row = this.ledger.exportById(exportId);
      const entry = this.ledger.entryOf(exportId);
      if (!row || !entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
      facts = { row, record: JSON.parse(entry.payloadJson) as AttributionPayload };
      this.factsCache.set(exportId, facts);
    }
    return facts;
  }

  /** Every export's row (newest first), without checking files. */
  rows(): ExportRow[] {
    return this.ledger.exports();
  }

  /** An export's ledger entry, the entries after it and the signed head: what a delivery bundle's ledger-proof.json holds. */
  ledgerChainOf(exportId: string): { entry: LedgerEntry; after: LedgerEntry[]; signedHead: SignedLedgerHead | null } {
    const entry = this.ledger.entryOf(exportId);
    if (!entry) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    const read = this.heads.read();
    return { entry, after: this.ledger.entries().filter((e) => e.position > entry.position), signedHead: read.state === 'valid' ? read.head : null };
  }

  /** Where an export's file was written. */
  pathOf(exportId: string): string {
    const row = this.ledger.exportById(exportId);
    if (!row) throw new ServiceError('not-found', `There is no export ${exportId}.`);
    return row.path;
  }

  /** The whole chain checked, entry by entry, and against its signed head. */
  verifyLedger(): ReturnType<typeof verifyLedger> {
    return verifyLedger(this.ledger.entries(), this.heads.read());
  }

  /** Everything checkable about an export file: signature, audio, ledger, credits.json, display tags (see inspectExportFile). */
  inspect(filePath: string, label = filePath): Inspection {
    return inspectExportFile({ ledger: this.ledger, libraryKeyFingerprint: this.key.fingerprint }, filePath, label);
  }

  /** Waveform peaks of an export's final mix, by the hash of its audio data. */
  peaks(audioSha256: string): Uint8Array | undefined {
    return this.ledger.peaks(audioSha256);
  }

  private listItem(row: ExportRow): ExportListItem {
    return { ...row, fileState: this.fileStates.of(row.path, row.audioSha256) };
  }
}
