import type { ExportSummary } from '../../../shared/contract/exportsContract';
import type { ExportAudioFacts } from './exportAudioJob';
import type { StampedRecord } from './stampExport';

/**
 * What `exports.start` answers once an export is published: where the
 * file and its credits are, what the ledger and the record say of it.
 *
 * @example
 * exportSummary(stamped, audio.facts); // { exportId, path, creditsPath, ledgerPosition, credits, loudness, notes, … }
 */
export function exportSummary({ entry, record, row }: StampedRecord, audio: Pick<ExportAudioFacts, 'notes'>): ExportSummary {
  return {
    exportId: row.id,
    path: row.path,
    creditsPath: `${row.path}.credits.json`,
    format: record.output.format,
    durationSec: row.durationSec,
    audioSha256: row.audioSha256,
    ledgerPosition: entry.position,
    credits: record.credits,
    loudness: record.output.loudness,
    notes: [...audio.notes],
  };
}
