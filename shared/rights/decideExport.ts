import type { Licence, PermittedUse } from '../catalog/catalogPackageSchema';
import type { ProjectDocument } from '../project/documentSchema';
import { audibleUsage, type SourceUsage } from './audibleUsage';
import type { RecordingFacts, RightsReason } from './ExportRights';
import { trackNames } from './trackNames';
import { licenceGap } from './licenceGap';
import { isStemRestriction, restrictionReasons } from './stemRestrictions';
import { countryName } from './territories';

export interface ExportDecision {
  readonly allowed: boolean;
  readonly reasons: readonly RightsReason[];
  /** Every rule checked, in words, for the attribution record. */
  readonly rulesEvaluated: readonly string[];
  /** The licences the export relies on (when allowed). */
  readonly relyOn: readonly (Licence & { readonly licensorName: string })[];
  readonly usage: readonly SourceUsage[];
  readonly territory: string;
  readonly date: string;
}

const useNoun: Record<PermittedUse, string> = { remix: 'remixes', cover: 'covers', sample: 'samples' };


/**
 * Decides whether a project may be exported, here and on this date, from
 * what will actually be heard: every audible catalog stem needs a master
 * licence for the project's use (remix, or original audio in a cover) whose
 * stem rules allow it as used; every composition needs a publishing licence
 * for that use. Every refusal says what to change.
 */
export function decideExport(
  document: ProjectDocument,
  recordings: ReadonlyMap<string, RecordingFacts>,
  missingSourceIds: ReadonlySet<string>,
  territory: string,
  date: string,
): ExportDecision {
  const use: PermittedUse = document.kind;
  const usage = audibleUsage(document);
  const reasons: RightsReason[] = [];
  const rules: string[] = [];
  const relyOn = new Map<string, Licence & { licensorName: string }>();
  const add = (reason: RightsReason) => {
    if (!reasons.some((r) => r.message === reason.message)) reasons.push(reason);
  };

  rules.push(`Territory ${territory} (${countryName(territory)}), date ${date}, use: ${use}.`);
  if (usage.length === 0) {
    add({ code: 'nothing-audible', message: 'Nothing would be heard: every track is muted or empty.', fix: 'Unmute a track or add a clip.' });
  }
  for (const u of usage.filter((u) => missingSourceIds.has(u.source.id))) {
    add({ code: 'audio-missing', message: `The audio of "${u.source.name}" is not in this library.`, fix: `Import the package that provides it, or remove it from ${trackNames(document, u.trackIds)}.`, trackIds: [...u.trackIds] });
  }

  const checkLicences = (licences: RecordingFacts['masterLicences'], what: 'master' | 'publishing', subject: string, trackIds: string[]) => {
    rules.push(`${what === 'master' ? 'Master' : 'Publishing'} licence for ${subject} permitting ${useNoun[use]}.`);
    if (licences.length === 0) {
      add({
        code: what === 'master' ? 'no-master-licence' : 'no-publishing-licence',
        message: what === 'master' ? `There is no master licence for ${subject}, so its audio may not be used in ${useNoun[use]}.` : `There is no publishing licence for ${subject}.`,
        fix: what === 'master' ? `Mute or remove ${trackNames(document, trackIds)}.` : 'Ask the publisher for a licence; this composition cannot be released otherwise.',
        trackIds,
      });
      return undefined;
    }
    const gaps = licences.map((l) => ({ licence: l, gap: licenceGap(l, use, territory, date) }));
    const covering = gaps.find((g) => g.gap === null);
    if (covering) {
      relyOn.set(covering.licence.id, covering.licence);
      return covering.licence;
    }
    for (const { licence, gap } of gaps) {
      const fix =
        gap!.code === 'territory-excluded' || gap!.code === 'territory-not-included'
          ? 'Choose a territory the licence covers, or leave this release out of it.'
          : gap!.code === 'expired' || gap!.code === 'not-yet-valid'
            ? `Ask ${licence.licensorName} to renew or extend licence ${licence.id}${what === 'master' ? `, or mute ${trackNames(document, trackIds)}` : ''}.`
            : what === 'master'
              ? `Mute or remove ${trackNames(document, trackIds)}.`
              : `This composition may not be used in ${useNoun[use]}.`;
      add({ code: gap!.code, message: gap!.message, fix, licenceId: licence.id, trackIds });
    }
    return undefined;
  };

  const catalogUsage = usage.filter((u) => u.source.type === 'catalog' && !missingSourceIds.has(u.source.id));
  const works = new Map<string, { recording: RecordingFacts; trackIds: string[] }>();
  for (const u of catalogUsage) {
    const source = u.source;
    if (source.type !== 'catalog') continue;
    const recording = recordings.get(source.recordingId);
    if (!recording) {
      add({ code: 'unknown-recording', message: `"${source.name}" comes from a recording that is not in this library.`, fix: `Remove it from ${trackNames(document, u.trackIds)}.`, trackIds: [...u.trackIds] });
      continue;
    }
    const master = checkLicences(recording.masterLicences, 'master', `"${recording.title}"`, [...u.trackIds]);
    const stemName = recording.stemNames.get(source.stemId) ?? source.name;
    if (master) {
      const stemRules = master.stemRules.filter((r) => r.stem === source.stemId && (!r.uses || r.uses.includes(use)));
      for (const rule of stemRules) {
        rules.push(`Stem rule "${rule.rule}" of licence ${master.id} for "${stemName}".`);
        if (rule.rule === 'not-usable') {
          add({ code: 'stem-not-usable', message: `The ${source.kind} stem "${stemName}" of "${recording.title}" may not be used in ${useNoun[use]} (licence ${master.id}).`, fix: `Mute or remove ${trackNames(document, u.trackIds)}.`, licenceId: master.id, trackIds: [...u.trackIds] });
        }
      }
      const restrictions = stemRules.map((r) => r.rule).filter(isStemRestriction);
      for (const reason of restrictionReasons(document, u, restrictions, { stemName, recordingTitle: recording.title, licenceId: master.id })) add(reason);
    }
    const work = works.get(recording.work.id) ?? { recording, trackIds: [] };
    work.trackIds.push(...u.trackIds);
    works.set(recording.work.id, work);
  }
  if (use === 'cover') {
    const covered = recordings.get(document.recordingId);
    if (covered && !works.has(covered.work.id)) works.set(covered.work.id, { recording: covered, trackIds: [] });
  }
  for (const { recording, trackIds } of works.values()) checkLicences(recording.publishingLicences, 'publishing', `the composition "${recording.work.title}"`, trackIds);

  return { allowed: reasons.length === 0, reasons, rulesEvaluated: rules, relyOn: [...relyOn.values()], usage, territory, date };
}
