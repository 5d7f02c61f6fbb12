import type { Licence } from '../catalog/catalogPackageSchema';

/**
 * A licence a derivative relies on, directly or through its ancestors,
 * with where it comes from — so a refusal can name the original licence
 * and its licensor rather than only the derivative's own.
 */
export interface UpstreamLicence {
  readonly licence: Licence;
  readonly licensorName: string;
  /** The package that granted it (an original catalog package or an ancestor derivative). */
  readonly packageId: string;
  /** The key that package is signed with. */
  readonly packageKeyFingerprint: string;
  /** The recording it licenses (for a publishing licence: the recording whose work it licenses). */
  readonly recordingId: string;
  readonly recordingTitle: string;
}

/** An upstream catalog stem heard inside a derivative's stem. */
export interface UpstreamStem {
  readonly packageId: string;
  readonly recordingId: string;
  readonly recordingTitle: string;
  readonly stemId: string;
  readonly stemName: string;
}

/**
 * How a refusal names an upstream licence: its id, licensor and recording.
 *
 * @example
 * upstreamName(u); // 'licence L-M1 of Test Records (for "Test Song")'
 */
export function upstreamName(upstream: UpstreamLicence): string {
  return `licence ${upstream.licence.id} of ${upstream.licensorName} (for "${upstream.recordingTitle}")`;
}
