import type { CatalogSource, Clip, ProjectDocument } from '../project/documentSchema';
import { keyTransposition } from '../project/musicalKey';
import { stretchFactor } from '../project/timing';
import { audibleUsage, type SourceUsage } from './audibleUsage';
import type { RightsReason } from './ExportRights';
import { trackNames } from './trackNames';

/** Stem rules that allow a stem but not every way of changing it. */
export type StemRestriction = 'no-pitch-shift' | 'no-time-stretch';

export const isStemRestriction = (rule: string): rule is StemRestriction => rule === 'no-pitch-shift' || rule === 'no-time-stretch';

/**
 * Semitones a clip sounds away from its source: its own pitch plus the
 * project's key change (drum stems are not transposed by the key).
 *
 * @example clipTransposition({ key: 'C major' }, { kind: 'bass', key: 'A minor' }, { pitch: 0 }) // 0: the same key signature
 */
export function clipTransposition(document: Pick<ProjectDocument, 'key'>, source: Pick<CatalogSource, 'kind' | 'key'>, clip: Pick<Clip, 'pitch'>): number {
  const keyShift = source.kind === 'drums' ? 0 : keyTransposition(source.key, document.key);
  return clip.pitch + keyShift;
}

/**
 * Whether a clip plays its source at another speed than recorded (project
 * tempo against the source's, times the clip's rate).
 *
 * @example clipIsStretched({ bpm: 126 }, { bpm: 120 }, { rate: 1 }) // true
 */
export function clipIsStretched(document: Pick<ProjectDocument, 'bpm'>, source: Pick<CatalogSource, 'bpm'>, clip: Pick<Clip, 'rate'>): boolean {
  return Math.abs(stretchFactor(clip, source, document.bpm) - 1) > 1e-9;
}

/** Whether one clip breaks one restriction of its stem. */
export function clipBreaks(
  rule: StemRestriction,
  document: Pick<ProjectDocument, 'key' | 'bpm'>,
  source: CatalogSource,
  clip: Pick<Clip, 'pitch' | 'rate'>,
): boolean {
  return rule === 'no-pitch-shift' ? clipTransposition(document, source, clip) !== 0 : clipIsStretched(document, source, clip);
}

/** Where the words come from: the stem's name, its recording's title and the licence that sets the rule (when known). */
export interface RestrictionNames {
  readonly stemName: string;
  readonly recordingTitle?: string;
  readonly licenceId?: string;
}

/**
 * The reasons one heard catalog source breaks its stem's restrictions:
 * "may not be pitch-shifted" when any of its audible clips is transposed,
 * "may not be time-stretched" when any plays at another speed — each with
 * what to change. The export decision and the studio's live flags both
 * judge with this, so they always agree.
 *
 * @example
 * restrictionReasons(doc, usage, ['no-pitch-shift'], { stemName: 'Lead vocal', recordingTitle: 'Strict Song', licenceId: 'L-M1' })
 * // [{ code: 'no-pitch-shift', message: 'The stem "Lead vocal" of "Strict Song" may not be pitch-shifted (licence L-M1).', fix: "Set its clips' pitch to 0 …", … }]
 */
export function restrictionReasons(document: ProjectDocument, usage: SourceUsage, rules: readonly StemRestriction[], names: RestrictionNames): RightsReason[] {
  const source = usage.source;
  if (source.type !== 'catalog') return [];
  const clips = document.clips.filter((c) => c.active && c.sourceId === source.id && usage.trackIds.includes(c.trackId));
  const stem = `The stem "${names.stemName}"${names.recordingTitle === undefined ? '' : ` of "${names.recordingTitle}"`}`;
  const licence = names.licenceId === undefined ? '' : ` (licence ${names.licenceId})`;
  const common = { ...(names.licenceId === undefined ? {} : { licenceId: names.licenceId }), trackIds: [...usage.trackIds] };
  const reasons: RightsReason[] = [];
  for (const rule of new Set(rules)) {
    if (!clips.some((clip) => clipBreaks(rule, document, source, clip))) continue;
    if (rule === 'no-pitch-shift') {
      reasons.push({
        code: rule,
        message: `${stem} may not be pitch-shifted${licence}.`,
        fix: `Set its clips' pitch to 0 and the project key to ${source.key}, or mute ${trackNames(document, usage.trackIds)}.`,
        ...common,
      });
    } else {
      reasons.push({
        code: rule,
        message: `${stem} may not be time-stretched${licence}.`,
        fix: `Set the tempo back to ${source.bpm} BPM and its clips' rate to 1, or mute ${trackNames(document, usage.trackIds)}.`,
        ...common,
      });
    }
  }
  return reasons;
}

/** What the library says about one catalog source of a project: its stem's restrictions and the names to word them with. */
export interface SourceRestrictions {
  readonly restrictions: readonly string[];
  readonly licenceId?: string;
  readonly stemName?: string;
  readonly recordingTitle?: string;
}

/**
 * Every restriction the project breaks where it is heard (muted tracks and
 * alternative takes do not count), for live flags while editing and for
 * `stemroom project show`.
 *
 * @example restrictionFlags(open.document, open.rights) // [] while nothing restricted is pitched or stretched
 */
export function restrictionFlags(
  document: ProjectDocument,
  rights: Readonly<Record<string, SourceRestrictions | undefined>>,
  usage: readonly SourceUsage[] = audibleUsage(document),
): RightsReason[] {
  return usage.flatMap((u) => {
    const known = rights[u.source.id];
    const rules = known?.restrictions.filter(isStemRestriction) ?? [];
    if (!known || rules.length === 0) return [];
    return restrictionReasons(document, u, rules, {
      stemName: known.stemName ?? u.source.name,
      recordingTitle: known.recordingTitle,
      licenceId: known.licenceId,
    });
  });
}
