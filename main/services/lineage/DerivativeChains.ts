import { validateCatalogPackage } from '../../../shared/catalog/validateCatalogPackage';
import { attributionRecordSchema } from '../../../shared/rights/attributionRecord';
import { LineageChain, type ChainPackage } from '../../../shared/lineage/LineageChain';
import { lineageQueries } from '../../db/lineageQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';

/**
 * The verified chains of the derivatives in this library, rebuilt from
 * what their imports stored (the derivative's manifest, its export record
 * and the ancestor manifests it carried) and kept until the catalog
 * changes. The chain was verified when the package arrived; here it is
 * only read.
 *
 * @example
 * const chain = chains.ofRecording('drv-0190…-r');
 * chain?.facts('drv-0190…-r')?.derivative?.upstream;
 */
export class DerivativeChains {
  private readonly queries;
  private cache = new Map<string, LineageChain | null>();
  private version = '';

  constructor(db: LibraryDatabase) {
    this.queries = lineageQueries(db);
  }

  /** The chain of the derivative package a recording belongs to; null for an original recording. */
  ofRecording(recordingId: string): LineageChain | null {
    const row = this.queries.derivativeByRecording(recordingId);
    return row ? this.ofPackage(row.packageId) : null;
  }

  ofPackage(packageId: string): LineageChain | null {
    const version = this.queries.catalogVersion();
    if (version !== this.version) {
      this.cache = new Map();
      this.version = version;
    }
    if (!this.cache.has(packageId)) this.cache.set(packageId, this.load(packageId));
    return this.cache.get(packageId)!;
  }

  /** Every derivative package in the library. */
  derivatives() {
    return this.queries.derivatives();
  }

  private load(packageId: string): LineageChain | null {
    const derivative = this.queries.derivativeByPackage(packageId);
    const current = this.queries.currentManifest(packageId);
    if (!derivative || !current?.keyFingerprint) return null;
    const root = validateCatalogPackage(JSON.parse(current.manifestJson));
    if (!root.ok) return null;
    const packages: ChainPackage[] = [
      {
        manifest: root.value,
        keyFingerprint: current.keyFingerprint,
        manifestSha256: current.manifestSha256,
        record: attributionRecordSchema.parse(JSON.parse(derivative.recordJson)),
      },
    ];
    for (const carried of this.queries.carried(packageId)) {
      const parsed = validateCatalogPackage(JSON.parse(carried.manifestJson));
      if (!parsed.ok) continue;
      const raw = parsed.value.derivative?.export;
      packages.push({
        manifest: parsed.value,
        keyFingerprint: carried.keyFingerprint,
        manifestSha256: carried.manifestSha256,
        ...(raw ? { record: attributionRecordSchema.parse(raw) } : {}),
      });
    }
    return new LineageChain(packages);
  }
}
