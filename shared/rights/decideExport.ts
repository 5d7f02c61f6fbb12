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

/** A reason whose fix is written once every affected track is known (`tracks` names them: `track "A"` or `tracks "A", "B"`). */
interface PendingReason {
  readonly code: RightsReason['code'];
  readonly message: string;
  readonly fix: (tracks: string) => string;
  readonly licenceId?: string;
  readonly trackIds: string[];
}

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
  const rules: string[] = [];
  const relyOn = new Map<string, Licence & { licensorName: string }>();
  // One reason per distinct problem, naming every track it affects: an expired licence refuses each
  // stem of its recording with the same message, and the creator must see all of their tracks at once.
  const pending = new Map<string, PendingReason>();
  const add = (reason: PendingReason) => {
    const key = `${reason.code}\u0000${reason.message}`;
    const known = pending.get(key);
    if (known) known.trackIds.push(...reason.trackIds.filter((id) => !known.trackIds.includes(id)));
    else pending.set(key, { ...reason, trackIds: [...new Set(reason.trackIds)] });
  };

  rules.push(`Territory ${territory} (${countryName(territory)}), date ${date}, use: ${use}.`);
  if (usage.length === 0) {
    add({
      code: 'nothing-audible',
      message: 'Nothing would be heard: every track is muted or empty.',
      fix: () => 'Unmute a track or add a clip.',
      trackIds: [],
    });
  }
  for (const u of usage.filter((u) => missingSourceIds.has(u.source.id))) {
    add({
      code: 'audio-missing',
      message: `The audio of "${u.source.name}" is not in this library.`,
      fix: (tracks) => `Import the package that provides it, or remove it from ${tracks}.`,
      trackIds: [...u.trackIds],
    });
  }

  /**
   * The licence the export relies on for `subject`, or undefined (with the reasons) when none covers it.
   * `candidate` is then the licence that would cover it but for territory or dates: its stem rules
   * still apply, so a territory refusal does not hide a forbidden stem.
   */
  const checkLicences = (licences: RecordingFacts['masterLicences'], what: 'master' | 'publishing', subject: string, trackIds: string[]) => {
    rules.push(`${what === 'master' ? 'Master' : 'Publishing'} licence for ${subject} permitting ${useNoun[use]}.`);
    if (licences.length === 0) {
      add({
        code: what === 'master' ? 'no-master-licence' : 'no-publishing-licence',
        message:
          what === 'master'
            ? `There is no master licence for ${subject}, so its audio may not be used in ${useNoun[use]}.`
            : `There is no publishing licence for ${subject}.`,
        fix:
          what === 'master' ? (tracks) => `Mute or remove ${tracks}.` : () => 'Ask the publisher for a licence; this composition cannot be released otherwise.',
        trackIds,
      });
      return { covering: undefined, candidate: undefined };
    }
    const gaps = licences.map((l) => ({ licence: l, gap: licenceGap(l, use, territory, date) }));
    const covering = gaps.find((g) => g.gap === null);
    if (covering) {
      relyOn.set(covering.licence.id, covering.licence);
      return { covering: covering.licence, candidate: covering.licence };
    }
    for (const { licence, gap } of gaps) {
      const fix =
        gap!.code === 'territory-excluded' || gap!.code === 'territory-not-included'
          ? () => 'Choose a territory the licence covers, or leave this release out of it.'
          : gap!.code === 'expired' || gap!.code === 'not-yet-valid'
            ? (tracks: string) =>
                `Ask ${licence.licensorName} to renew or extend licence ${licence.id}${what === 'master' && tracks ? `, or mute ${tracks}` : ''}.`
            : what === 'master'
              ? (tracks: string) => `Mute or remove ${tracks}.`
              : () => `This composition may not be used in ${useNoun[use]}.`;
      add({ code: gap!.code, message: gap!.message, fix, licenceId: licence.id, trackIds });
    }
    return { covering: undefined, candidate: gaps.find((g) => g.gap!.code !== 'use-not-permitted')?.licence };
  };

  const catalogUsage = usage.filter((u) => u.source.type === 'catalog' && !missingSourceIds.has(u.source.id));
  const works = new Map<string, { recording: RecordingFacts; trackIds: string[] }>();
  for (const u of catalogUsage) {
    const source = u.source;
    if (source.type !== 'catalog') continue;
    const recording = recordings.get(source.recordingId);
    if (!recording) {
      add({
        code: 'unknown-recording',
        message: `"${source.name}" comes from a recording that is not in this library.`,
        fix: (tracks) => `Remove it from ${tracks}.`,
        trackIds: [...u.trackIds],
      });
      continue;
    }
    const { candidate: master } = checkLicences(recording.masterLicences, 'master', `"${recording.title}"`, [...u.trackIds]);
    const stemName = recording.stemNames.get(source.stemId) ?? source.name;
    if (master) {
      const stemRules = master.stemRules.filter((r) => r.stem === source.stemId && (!r.uses || r.uses.includes(use)));
      for (const rule of stemRules) {
        rules.push(`Stem rule "${rule.rule}" of licence ${master.id} for "${stemName}".`);
        if (rule.rule === 'not-usable') {
          add({
            code: 'stem-not-usable',
            message: `The ${source.kind} stem "${stemName}" of "${recording.title}" may not be used in ${useNoun[use]} (licence ${master.id}).`,
            fix: (tracks) => `Mute or remove ${tracks}.`,
            licenceId: master.id,
            trackIds: [...u.trackIds],
          });
        }
      }
      const restrictions = stemRules.map((r) => r.rule).filter(isStemRestriction);
      for (const reason of restrictionReasons(document, u, restrictions, { stemName, recordingTitle: recording.title, licenceId: master.id })) {
        // The shared rule words the fix for this usage's tracks; named again here once every affected track is known.
        const named = trackNames(document, u.trackIds);
        add({ ...reason, fix: (tracks) => (tracks === named ? reason.fix : reason.fix.replace(named, tracks)), trackIds: [...u.trackIds] });
      }
    }
    const work = works.get(recording.work.id) ?? { recording, trackIds: [] };
    work.trackIds.push(...u.trackIds);
    works.set(recording.work.id, work);
  }
  if (use === 'cover') {
    const covered = recordings.get(document.recordingId);
    if (covered && !works.has(covered.work.id)) works.set(covered.work.id, { recording: covered, trackIds: [] });
  }
  for (const { recording, trackIds } of works.values())
    checkLicences(recording.publishingLicences, 'publishing', `the composition "${recording.work.title}"`, trackIds);

  const reasons = [...pending.values()].map(({ fix, trackIds, ...reason }): RightsReason => ({
    ...reason,
    fix: fix(trackIds.length ? trackNames(document, trackIds) : ''),
    ...(trackIds.length ? { trackIds } : {}),
  }));
  return { allowed: reasons.length === 0, reasons, rulesEvaluated: [...new Set(rules)], relyOn: [...relyOn.values()], usage, territory, date };
}
