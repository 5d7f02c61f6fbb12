/**
 * The rules that flag plays as looking artificial — signals used in public
 * practice against streaming fraud — with their thresholds and the sentence
 * each flagged play carries as its reason. Windows are whole UTC minutes,
 * so a burst is caught however it falls across an hour or midnight. The
 * store judges them (main/services/analytics/store/flagTimeline.ts), the
 * docs and the app quote them from here.
 */

/** One listener, this many plays of one export within 24 consecutive hours… */
export const REPEAT_PLAYS = 20;
export const REPEAT_WINDOW_MINUTES = 24 * 60;

/** …or this many plays ending at 30–32 s within 60 consecutive minutes, at least half of those minutes' plays… */
export const BURST_MIN_PLAYS = 10;
export const BURST_MIN_SHARE = 0.5;
export const BURST_FROM_MS = 30_000;
export const BURST_TO_MS = 32_000;
export const BURST_WINDOW_MINUTES = 60;

/** …or a listener with this many plays of the export and none of any other export in the library (with two or more exports played)… */
export const ONLY_THIS_MIN_PLAYS = 10;

/** …or a listener with this many plays of the export, every one ending exactly at its end (ms_played = its duration, to the millisecond)… */
export const EXACT_END_MIN_PLAYS = 5;

/**
 * …or this many plays within 60 consecutive minutes, this share of them
 * from one country, when that country brings under half of the export's
 * other plays (and there are at least SPIKE_MIN_OTHER_PLAYS other plays to
 * tell what is usual).
 */
export const SPIKE_MIN_PLAYS = 50;
export const SPIKE_MIN_SHARE = 0.9;
export const SPIKE_MAX_USUAL_SHARE = 0.5;
export const SPIKE_MIN_OTHER_PLAYS = 50;
export const SPIKE_WINDOW_MINUTES = 60;

/** Flag bits on a stored play: which rules caught it. */
export const FLAG_REPEAT = 1;
export const FLAG_BURST = 2;
export const FLAG_ONLY_THIS = 4;
export const FLAG_EXACT_END = 8;
export const FLAG_COUNTRY_SPIKE = 16;
/** Every rule that caught the play is disputed by the creator: it counts again unless disputes are set aside. */
export const FLAG_DISPUTED = 128;
export const RULE_BITS = FLAG_REPEAT | FLAG_BURST | FLAG_ONLY_THIS | FLAG_EXACT_END | FLAG_COUNTRY_SPIKE;

export type FlagRuleId = 'repeat' | 'burst' | 'only-this-export' | 'exact-end' | 'country-spike';

export interface FlagRule {
  readonly id: FlagRuleId;
  readonly bit: number;
  /** Why a play caught by this rule is flagged, as shown beside it. */
  readonly reason: string;
}

export const FLAG_RULES: readonly FlagRule[] = [
  { id: 'repeat', bit: FLAG_REPEAT, reason: `one listener played it ${REPEAT_PLAYS} or more times within 24 hours` },
  { id: 'burst', bit: FLAG_BURST, reason: `${BURST_MIN_PLAYS} or more plays stopped at 30–32 s within 60 minutes, half or more of those minutes' plays` },
  { id: 'only-this-export', bit: FLAG_ONLY_THIS, reason: `a listener with ${ONLY_THIS_MIN_PLAYS} or more plays of it who never played any other export` },
  { id: 'exact-end', bit: FLAG_EXACT_END, reason: `a listener with ${EXACT_END_MIN_PLAYS} or more plays of it, every one ending exactly at the track's end` },
  {
    id: 'country-spike',
    bit: FLAG_COUNTRY_SPIKE,
    reason: `${SPIKE_MIN_PLAYS} or more plays within 60 minutes, ${SPIKE_MIN_SHARE * 100} % or more from one country that usually brings under half`,
  },
];

export const flagRule = (id: FlagRuleId): FlagRule => FLAG_RULES.find((r) => r.id === id)!;

/** How a play counts in the figures: 0 not flagged, 1 flagged, 2 flagged but every rule that caught it disputed. */
export type PlayState = 0 | 1 | 2;

export function playState(flags: number): PlayState {
  return flags & RULE_BITS ? (flags & FLAG_DISPUTED ? 2 : 1) : 0;
}
