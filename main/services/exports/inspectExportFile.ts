import type { Inspection } from '../../../shared/contract/exportsContract';
import { attributionRecordSchema, type AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson, recordCanonicalJson } from '../../../shared/rights/canonicalJson';
import type { ledgerQueries } from '../../db/ledgerQueries';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { verifyRecordSignature } from '../../trust/recordSignature';
import { ServiceError } from '../ServiceError';
import { sha256Hex } from './ledgerHash';
import { tagDisagreements } from './tagDisagreements';
import { NotARegularFileError, readRegularFile } from '../../media/readRegularFile';
import { strictJsonParse } from '../../../shared/text/strictJsonParse';

/** An export is at most a few hundred MB; a larger file is not read whole. */
const MAX_INSPECTED_BYTES = 2 * 2 ** 30;

export interface InspectionContext {
  readonly ledger: ReturnType<typeof ledgerQueries>;
  /** The fingerprint of this library's key (records it signed are "this library's"). */
  readonly libraryKeyFingerprint: string;
}

/**
 * Everything that can be checked about an export file, each check on its
 * own: the record's signature (no ledger needed, so it works anywhere), the
 * audio against the record's hash, the ledger entry, FILE.credits.json
 * against the embedded record, and the display tags players show against
 * the record. A file whose tags were stripped (e.g. `ffmpeg -c copy`) is
 * still recognised by its audio hash.
 */
export function inspectExportFile(context: InspectionContext, filePath: string, label = filePath): Inspection {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(filePath, MAX_INSPECTED_BYTES);
  } catch (error) {
    // A FIFO or device would block or never end: refused by what it is, not read.
    if (error instanceof NotARegularFileError) throw new ServiceError('invalid-request', `${label}: ${error.message}.`);
    throw new ServiceError('not-found', `${label}: no such file.`);
  }
  let embedded;
  try {
    embedded = readEmbeddedRecord(bytes);
  } catch (error) {
    throw new ServiceError('invalid-request', `${label}: ${(error as Error).message}.`);
  }
  const audioSha256 = sha256Hex(embedded.audioData);
  const problems: string[] = [];
  let record: AttributionRecord | null = null;
  // Checks read the record exactly as embedded: members a schema would drop still count.
  const raw = embedded.recordJson ? safeJson(embedded.recordJson) : null;
  if (embedded.recordJson) {
    const parsed = attributionRecordSchema.safeParse(raw);
    if (parsed.success) record = parsed.data;
    else problems.push('The embedded attribution record is malformed.');
  } else problems.push('The file carries no Stemroom attribution record.');

  const known = record ? [] : context.ledger.exportsByAudio(audioSha256);
  const foundByAudio = known[0] ? { exportId: known[0].id, title: known[0].title, ledgerPosition: known[0].ledgerPosition } : null;
  if (foundByAudio)
    problems.push(
      `Its audio is export ${foundByAudio.exportId} ("${foundByAudio.title}", ledger entry ${foundByAudio.ledgerPosition}): the file's tags were stripped or replaced.`,
    );

  const audioMatches = record !== null && record.output.audioSha256 === audioSha256;
  if (record && !audioMatches) problems.push('The audio differs from the audio the record describes (re-encoded or edited).');

  const signatureCheck = record ? verifyRecordSignature(record, raw as object) : null;
  const signature: Inspection['signature'] = signatureCheck
    ? {
        status: signatureCheck.status,
        byThisLibrary: signatureCheck.status === 'valid' && signatureCheck.keyFingerprint === context.libraryKeyFingerprint,
        keyFingerprint: record?.library?.keyFingerprint ?? null,
      }
    : null;
  if (signatureCheck?.status === 'invalid') problems.push(signatureCheck.problem);
  if (signatureCheck?.status === 'absent')
    problems.push('The record is not signed (made by a Stemroom from before records were signed, or its signature was removed).');

  let ledger: Inspection['ledger'] = 'absent';
  if (record) {
    const entry = context.ledger.entryOf(record.exportId);
    if (entry) {
      const { ledger: _stamp, signature: _signature, ...payload } = raw as AttributionRecord;
      ledger = entry.payloadSha256 === sha256Hex(recordCanonicalJson(payload)) && record.ledger?.entryHash === entry.entryHash ? 'matches' : 'differs';
      if (ledger === 'differs') problems.push(`The record differs from ledger entry ${entry.position} (altered after export, or the ledger was rewritten).`);
    } else problems.push("This library's ledger has no entry for this export (exported elsewhere, or not by Stemroom).");
  }

  const sidecar = record ? checkSidecar(`${filePath}.credits.json`, raw as object) : 'absent';
  if (sidecar === 'differs') problems.push(`${label}.credits.json differs from the record embedded in the file.`);
  if (sidecar === 'malformed') problems.push(`${label}.credits.json is not a valid attribution record.`);

  const tags = record ? tagDisagreements(bytes, record) : [];
  for (const t of tags) problems.push(`The ${t.tag} tag says "${t.found}", but the record says "${t.expected}".`);

  return {
    path: label,
    format: embedded.format,
    hasRecord: record !== null,
    exportId: record?.exportId ?? embedded.exportId ?? foundByAudio?.exportId ?? null,
    record,
    audioSha256,
    audioMatches,
    ledger,
    signature,
    sidecar,
    tags,
    foundByAudio,
    problems,
  };
}

/** FILE.credits.json against the embedded record, compared as canonical JSON (every member, known or not). */
function checkSidecar(file: string, embedded: object): Inspection['sidecar'] {
  let text: string;
  try {
    text = readRegularFile(file, 16 * 2 ** 20).toString('utf8');
  } catch {
    return 'absent';
  }
  const sidecar = safeJson(text);
  if (!attributionRecordSchema.safeParse(sidecar).success) return 'malformed';
  return canonicalJson(sidecar) === canonicalJson(embedded) ? 'matches' : 'differs';
}

/** The JSON value, or null for text that is not JSON or names a member twice (which JSON.parse would hide). */
function safeJson(text: string): unknown {
  try {
    return strictJsonParse(text);
  } catch {
    return null;
  }
}
