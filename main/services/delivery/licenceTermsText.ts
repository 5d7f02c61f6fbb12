import type { Licence } from '../../../shared/catalog/catalogPackageSchema';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import { licenceSummary } from '../../../shared/rights/licenceSummary';

type RecordLicence = AttributionRecord['licences'][number];

/** The catalog licence a record's licence entry describes (its terms as relied on). */
function asLicence(licence: RecordLicence): Licence {
  const terms = licence.termsReliedOn as Pick<Licence, 'uses' | 'territories' | 'validFrom' | 'stemRules' | 'revenue'> & { validUntil: string | null };
  return {
    id: licence.id,
    licensor: licence.licensor,
    type: licence.type,
    creditText: licence.creditText,
    ...terms,
    validUntil: terms.validUntil ?? undefined,
  };
}

/**
 * One licence an export relies on, in plain words, for `licences/ID.txt`
 * of a delivery bundle: who granted it, for which export and judgement,
 * its terms as a person would state them (licenceSummary, as of the date
 * the export was judged), then the terms exactly as recorded.
 *
 * @example
 * licenceTermsText(record, record.licences[0]); // "Licence EMB-M-0017 — master licence from Ember Lane Records …"
 */
export function licenceTermsText(record: AttributionRecord, licence: RecordLicence): string {
  const stemNames = new Map(record.sources.flatMap((s) => s.stems.map((stem): [string, string] => [stem.id, stem.name])));
  const subject = licence.type === 'master' ? 'the sound recording' : 'the composition';
  return [
    `Licence ${licence.id} — ${licence.type} licence from ${licence.licensor}`,
    '',
    `Relied on by Stemroom export ${record.exportId} ("${record.output.title}", a ${record.output.versionType} by ${record.creator.name}),`,
    `judged for ${record.decision.territory} on ${record.decision.date}. It licenses ${subject}.`,
    '',
    'In plain words:',
    licenceSummary(asLicence(licence), record.decision.date, stemNames),
    '',
    'The terms as recorded in the export (credits.json, licences[]):',
    canonicalJson(licence.termsReliedOn, 2),
    '',
  ].join('\n');
}
