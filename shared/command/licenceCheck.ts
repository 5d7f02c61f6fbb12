import type { SourceRights } from '../contract/projectsContract';
import type { ProjectDocument } from '../project/documentSchema';
import { stemRuleBreaches, type StemRuleBreach } from '../rights/stemRuleBreaches';
import { listNames, type Reading } from './Reading';

/** What the licences say about one candidate. */
export interface LicenceCheck {
  readonly allowed: boolean;
  /** Why not, one sentence per broken rule. */
  readonly reasons: readonly string[];
  /** The rules it would break, and where. */
  readonly breaches: readonly Pick<StemRuleBreach, 'rule' | 'sourceId' | 'trackId'>[];
}

const key = (b: StemRuleBreach) => `${b.rule}|${b.sourceId}|${b.trackId}`;

/**
 * Checks a candidate against the stem rules of the project's licences:
 * refused when the document after it breaks a rule the document before
 * it did not (a rule already broken is the export's business, not this
 * edit's — "make the drums louder" is not refused because a forbidden
 * stem is already audible elsewhere).
 *
 * @example
 * licenceCheck(before, afterTempo128, rights) // `before`: the document, or its breaches when checking many candidates // { allowed: false, reasons: ['The licence of "Riser" forbids time-stretching it; …'], … }
 */
export function licenceCheck(
  before: ProjectDocument | readonly StemRuleBreach[],
  after: ProjectDocument,
  rights: Readonly<Record<string, SourceRights>>,
): LicenceCheck {
  const already = new Set((Array.isArray(before) ? (before as readonly StemRuleBreach[]) : stemRuleBreaches(before as ProjectDocument, rights)).map(key));
  const added = stemRuleBreaches(after, rights).filter((b) => !already.has(key(b)));
  return {
    allowed: added.length === 0,
    reasons: added.map((b) => b.message),
    breaches: added.map(({ rule, sourceId, trackId }) => ({ rule, sourceId, trackId })),
  };
}

const RULE_WORDS: Record<StemRuleBreach['rule'], string> = {
  'not-usable': 'may not be used here',
  'no-pitch-shift': 'may not be pitch-shifted',
  'no-time-stretch': 'may not be time-stretched',
};

/**
 * A permitted neighbour of a refused reading: the same edit, with the
 * tracks whose stems it would break muted — offered only when those are
 * not the tracks the sentence asked to change ("take it up to 128" may
 * mute the riser that may not be stretched; "transpose the vocals" is not
 * repaired by muting the vocals).
 */
export function repairReading(reading: Reading, check: LicenceCheck, document: ProjectDocument): Reading | null {
  const targets = new Set(reading.targets ?? []);
  const trackIds = [...new Set(check.breaches.map((b) => b.trackId))];
  if (trackIds.length === 0 || trackIds.some((id) => targets.has(id))) return null;
  const tracks = trackIds.map((id) => document.tracks.find((t) => t.id === id)!).filter(Boolean);
  const rules = [...new Set(check.breaches.map((b) => RULE_WORDS[b.rule]))];
  return {
    ...reading,
    description: `${reading.description}, and mute ${listNames(tracks.map((t) => t.name))} (${tracks.length > 1 ? 'their stems' : 'its stem'} ${rules.join(' and ')})`,
    commands: [...reading.commands, ...tracks.map((t) => ({ type: 'updateTrack' as const, trackId: t.id, changes: { mute: true, solo: false } }))],
  };
}
