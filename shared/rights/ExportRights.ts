import type { Licence } from '../catalog/catalogPackageSchema';
import type { DerivativeFacts } from '../lineage/DerivativeFacts';

import type { ShareRef } from './partyRefs';
export type { PartyRef, ShareRef } from './partyRefs';

/** Everything the library knows about one catalog recording a project uses. */
export interface RecordingFacts {
  readonly id: string;
  readonly title: string;
  readonly isrc: string;
  readonly displayArtist: string;
  readonly label: string;
  readonly packageId: string;
  /** The key the package is signed with (pinned at import); null when the package is unsigned. */
  readonly packageKeyFingerprint: string | null;
  readonly work: {
    readonly id: string;
    readonly title: string;
    readonly iswc: string | null;
    readonly writers: readonly ShareRef[];
    readonly publishers: readonly ShareRef[];
  };
  readonly masterOwners: readonly ShareRef[];
  readonly masterLicences: readonly (Licence & { readonly licensorName: string })[];
  readonly publishingLicences: readonly (Licence & { readonly licensorName: string })[];
  /** Stem names by stem id. */
  readonly stemNames: ReadonlyMap<string, string>;
  /** Present when the recording is a derivative (a creator's published export): its verified chain. */
  readonly derivative?: DerivativeFacts;
}

/** The creator of the export (the user), as credited. */
export interface Creator {
  readonly name: string;
  readonly isni?: string;
  readonly ipi?: string;
}

/** Why an export is refused: plain words, and what to change. */
export interface RightsReason {
  readonly code:
    | 'nothing-audible'
    | 'audio-missing'
    | 'no-master-licence'
    | 'no-publishing-licence'
    | 'use-not-permitted'
    | 'territory-excluded'
    | 'territory-not-included'
    | 'not-yet-valid'
    | 'expired'
    | 'stem-not-usable'
    | 'no-pitch-shift'
    | 'no-time-stretch'
    | 'unknown-recording'
    | 'source-misidentified'
    | 'channel-not-permitted'
    | 'ai-use-not-permitted'
    | 'approval-missing';
  readonly message: string;
  readonly fix: string;
  readonly licenceId?: string;
  readonly trackIds?: string[];
}
