import type { AttributionPayload, AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson, recordCanonicalJson } from '../../../shared/rights/canonicalJson';
import type { ExportRow, LedgerEntry } from '../../db/ledgerQueries';
import type { LibraryKey } from '../../trust/LibraryKey';
import { signRecord } from '../../trust/recordSignature';
import type { StampedExport } from './ExportPublisher';
import { exportTags } from './exportTags';
import { entryHash, GENESIS_HASH, sha256Hex } from './ledgerHash';
import type { RenderedExportAudio } from './renderExportAudio';

/** A stamped export and the signed record it carries. */
export interface StampedRecord extends StampedExport {
  readonly record: AttributionRecord;
}

/**
 * Stamps a payload with its place in the ledger — after `head`, at
 * `destination` — and signs it: the ledger entry, the signed record, the
 * file with the record in its tags, credits.json and the export's row.
 * Called by ExportPublisher while it holds the ledger.
 *
 * @example
 * publisher.publish(destinationOf, peaks, (head, destination) => stampExport(payload, head, destination, audio, key));
 */
export function stampExport(
  payload: AttributionPayload,
  head: LedgerEntry | undefined,
  destination: string,
  audio: Pick<RenderedExportAudio, 'withTags'>,
  key: LibraryKey,
): StampedRecord {
  const payloadJson = recordCanonicalJson(payload);
  const previousHash = head?.entryHash ?? GENESIS_HASH;
  const payloadSha256 = sha256Hex(payloadJson);
  const entry: LedgerEntry = {
    position: (head?.position ?? 0) + 1,
    exportId: payload.exportId,
    createdAt: payload.createdAt,
    payloadJson,
    payloadSha256,
    previousHash,
    entryHash: entryHash(previousHash, payloadSha256),
  };
  const record = signRecord({ ...payload, ledger: { position: entry.position, previousHash, payloadHash: payloadSha256, entryHash: entry.entryHash } }, key);
  const row: ExportRow = {
    id: payload.exportId,
    ledgerPosition: entry.position,
    projectId: payload.project.id,
    revision: payload.project.revision,
    title: payload.output.title,
    versionType: payload.output.versionType,
    format: payload.output.format,
    path: destination,
    durationSec: record.output.durationSec,
    audioSha256: record.output.audioSha256,
    createdAt: payload.createdAt,
    creator: payload.creator.name,
    isrc: payload.output.isrc ?? null,
  };
  return { file: audio.withTags(exportTags(record)), creditsJson: `${canonicalJson(record, 2)}\n`, entry, record, row };
}
