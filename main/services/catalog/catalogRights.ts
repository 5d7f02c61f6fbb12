import type { Licence } from '../../../shared/catalog/catalogPackageSchema';
import type { RecordingRights } from '../../../shared/rights/recordingPermission';
import type { LicenceRow } from '../../db/catalogReadQueries';

/** Splits a recording's licence rows into the rights the shared rules read. */
export function recordingRights(title: string, workTitle: string, rows: readonly LicenceRow[]): RecordingRights {
  const masterLicences: Licence[] = [];
  const publishingLicences: Licence[] = [];
  for (const { licence } of rows) (licence.type === 'master' ? masterLicences : publishingLicences).push(licence);
  return { title, workTitle, masterLicences, publishingLicences };
}
