import type { RecordLineage } from '../rights/attributionRecord';
import type { ShareRef } from '../rights/ExportRights';
import type { UpstreamLicence, UpstreamStem } from './UpstreamLicence';

/**
 * What a library knows of a catalog recording that is a derivative — another
 * creator's export published as a source — from the signed chain its
 * package carried (verified at import).
 */
export interface DerivativeFacts {
  /** The export it publishes: id, creator, and its record's signature and ledger entry hash. */
  readonly exportId: string;
  readonly creator: string;
  readonly use: 'remix' | 'cover';
  /** Every licence upstream of it, at every generation (its own licences are the recording's). */
  readonly upstream: readonly UpstreamLicence[];
  /** For each of its stems, the upstream catalog stems heard in it (through every generation). */
  readonly stemContents: ReadonlyMap<string, readonly UpstreamStem[]>;
  /** Publishing shares exactly as its export split them (writers and publishers already apportioned upstream). */
  readonly publishingShares: readonly ShareRef[];
  /** The chain: this export and every ancestor export, and the originals. */
  readonly lineage: RecordLineage;
}
