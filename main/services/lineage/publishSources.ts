import { validateCatalogPackage } from '../../../shared/catalog/validateCatalogPackage';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { attributionRecordSchema } from '../../../shared/rights/attributionRecord';
import { LineageChain, type ChainPackage } from '../../../shared/lineage/LineageChain';
import { termsOf } from '../../../shared/lineage/termsOf';
import type { lineageQueries } from '../../db/lineageQueries';
import { sha256Hex } from '../exports/ledgerHash';
import { ServiceError } from '../ServiceError';

/** An ancestor package as it will be carried: its exact manifest and signature bytes. */
export interface CarriedFiles {
  readonly packageId: string;
  readonly manifestJson: string;
  readonly signatureJson: string;
}

/**
 * The packages an export's chain consists of, read from this library: for
 * each recording the export used, the version of its package whose
 * licences say what the record relied on (signed — a chain can only be
 * verified through signatures), and for a derivative also every ancestor
 * it carried. Two sources relying on different versions of one ancestor
 * cannot be carried together and are refused.
 */
export function publishSources(
  record: AttributionRecord,
  lineage: ReturnType<typeof lineageQueries>,
  keyOf: (packageId: string) => string | null,
): { chain: LineageChain; carried: CarriedFiles[] } {
  const carried = new Map<string, CarriedFiles>();
  const packages = new Map<string, ChainPackage>();
  const add = (files: CarriedFiles, keyFingerprint: string, from: string) => {
    const known = carried.get(files.packageId);
    if (known && known.manifestJson !== files.manifestJson) {
      throw new ServiceError(
        'refused',
        `The export's sources rely on two different versions of package "${files.packageId}" (through ${from}); a derivative can carry only one.`,
      );
    }
    const parsed = validateCatalogPackage(JSON.parse(files.manifestJson));
    if (!parsed.ok) throw new ServiceError('refused', `The stored manifest of package "${files.packageId}" is no longer valid: ${parsed.problems[0]}`);
    const raw = parsed.value.derivative?.export;
    carried.set(files.packageId, files);
    packages.set(files.packageId, {
      manifest: parsed.value,
      keyFingerprint,
      manifestSha256: sha256Hex(files.manifestJson),
      ...(raw ? { record: attributionRecordSchema.parse(raw) } : {}),
    });
  };
  for (const recordingId of LineageChain.usedRecordings(record)) {
    const title = record.sources.find((s) => s.recording.id === recordingId)?.recording.title ?? record.covered?.recording.title ?? recordingId;
    const packageId = lineage.packageOfRecording(recordingId);
    if (!packageId) throw new ServiceError('refused', `"${title}" is not in this library any more.`);
    const key = keyOf(packageId);
    if (!key)
      throw new ServiceError(
        'refused',
        `"${title}" comes from the unsigned package "${packageId}": a derivative's chain is verified through signatures, so it can be published only from signed sources.`,
      );
    const relied = new Map(record.licences.map((l) => [l.id, canonicalJson(l.termsReliedOn)]));
    const version = lineage.versions(packageId).find((v) => {
      if (!v.signatureJson) return false;
      const parsed = validateCatalogPackage(JSON.parse(v.manifestJson));
      if (!parsed.ok) return false;
      return parsed.value.licences.filter((l) => relied.has(l.id)).every((l) => relied.get(l.id) === canonicalJson(termsOf(l)));
    });
    if (!version)
      throw new ServiceError(
        'refused',
        `No signed version of package "${packageId}" in this library grants the licences as this export relied on them; export again under the current licences.`,
      );
    add({ packageId, manifestJson: version.manifestJson, signatureJson: version.signatureJson! }, key, `"${title}"`);
    if (lineage.derivativeByPackage(packageId)) for (const ancestor of lineage.carried(packageId)) add(ancestor, ancestor.keyFingerprint, `"${title}"`);
  }
  return { chain: new LineageChain(packages.values()), carried: [...carried.values()] };
}
