import type { Command } from '../../project/commandSchema';
import { LIMITS } from '../../project/documentSchema';
import type { Amount } from '../findAmounts';
import { describeSplits, regionEdit } from '../regionEdit';
import { clamp, formatDb, possessive, tidy, type Reading, type ReadingSource } from '../Reading';
import { scopeOptions } from '../scopeOptions';
import { range, type Sentence } from '../Sentence';
import { everyTrack, targetOptions } from '../targetOptions';

const UP = ['louder', 'raise', 'boost', 'increase', 'lift', 'crank', 'up', 'push', 'hotter', 'bigger'];
const DOWN = ['quieter', 'softer', 'lower', 'reduce', 'decrease', 'duck', 'tame', 'down', 'attenuate', 'quiet', 'soft'];
const LEVEL = ['volume', 'level', 'gain', 'fader', 'loudness', 'louder', 'quieter', 'softer'];

/** Steps for "a bit", plain and "much" louder, in dB: the first is the reading offered first. */
const STEPS: Record<'small' | 'normal' | 'large', number[]> = { small: [2, 1], normal: [3, 6], large: [6, 9] };

interface GainIntent {
  readonly direction: 1 | -1 | 0;
  readonly uses: number[];
  readonly score: number;
}

function gainIntent(s: Sentence): GainIntent | null {
  const up = s.find(UP);
  const down = s.find(DOWN);
  const level = s.find(LEVEL);
  // "half as loud", "twice as loud"
  if (s.has('loud', 'loudness') && s.has('half', 'twice', 'double')) {
    return { direction: s.has('half') ? -1 : 1, uses: s.find(['loud', 'half', 'twice', 'double', 'as']), score: 1 };
  }
  const decibels = s.amounts.filter((a) => a.unit === 'db').flatMap((a) => range(a.start, a.end));
  if (up.length === 0 && down.length === 0 && level.length === 0 && decibels.length === 0) return null;
  const direction = up.length > down.length ? 1 : down.length > up.length ? -1 : up.length && down.length ? (Math.max(...up) > Math.max(...down) ? 1 : -1) : 0;
  const strong = s.has('louder', 'quieter', 'softer', 'volume', 'level', 'gain', 'boost', 'fader') || decibels.length > 0;
  return { direction, uses: [...up, ...down, ...level, ...decibels, ...s.find(['turn', 'bring', 'make', 'set', 'by'])], score: strong ? 1 : 0.8 };
}

/** The dB change or level asked for, as readings: [value, absolute?, words used, score]. */
function gainAmounts(s: Sentence, intent: GainIntent): { db: number; absolute: boolean; uses: number[]; score: number }[] {
  const dB = s.amounts.filter((a) => a.unit === 'db' || (a.unit === null && Math.abs(a.value) <= 60));
  const out: { db: number; absolute: boolean; uses: number[]; score: number }[] = [];
  const used = (a: Amount) => range(a.start, a.end);
  for (const amount of dB) {
    const to = s.words[amount.start - 1] === 'to' || s.words[amount.start - 1] === 'at';
    const explicit = amount.unit === 'db' ? 1 : 0.85;
    if (to || (intent.direction === 0 && amount.signed)) out.push({ db: amount.value, absolute: true, uses: used(amount), score: explicit });
    else if (intent.direction !== 0) out.push({ db: intent.direction * Math.abs(amount.value), absolute: false, uses: used(amount), score: explicit });
  }
  if (out.length) return out;
  if (s.has('half', 'twice', 'double') && s.has('loud')) return [{ db: intent.direction * 6, absolute: false, uses: [], score: 1 }];
  if (intent.direction === 0 || s.amounts.some((a) => a.unit !== null && a.unit !== 'db')) return [];
  const steps = STEPS[s.size];
  const sizeWords = s.find(['bit', 'little', 'slightly', 'touch', 'tad', 'much', 'lot', 'way', 'lots', 'really', 'very', 'far', 'hair', 'notch']);
  return steps.map((db, i) => ({ db: intent.direction * db, absolute: false, uses: sizeWords, score: i === 0 ? 1 : 0.9 }));
}

/** "3 dB" (the verb says which way). */
const dB = (value: number) => `${tidy(Math.abs(value), 1)} dB`;

function verb(db: number, absolute: boolean): string {
  return absolute ? 'Set' : db > 0 ? 'Raise' : 'Lower';
}

/**
 * Volume: of tracks ("make the bass a bit louder", "turn the kick up 3 dB",
 * "set the piano to -6 dB"), of the master ("turn everything down a
 * bit"), or of the clips in a stretch of time ("make the piano louder in
 * the chorus": the clip is split at the chorus and that piece's gain
 * raised).
 */
export const gainReadings: ReadingSource = (s, ids) => {
  const intent = gainIntent(s);
  if (!intent) return [];
  const amounts = gainAmounts(s, intent);
  if (amounts.length === 0) return [];
  const readings: Reading[] = [];
  const scopes = scopeOptions(s);
  const named = targetOptions(s);
  // "make the chorus louder": every track, there.
  const targets = named.length === 0 && scopes.length ? [everyTrack(s)] : named;
  const master = targets.length === 0 || targets[0]!.how === 'all';
  // With no track named, only a word about loudness makes it the master's volume ("take it up to 128" is not).
  if (targets.length === 0 && !s.has('louder', 'quieter', 'softer', 'volume', 'level', 'gain', 'loud') && !s.amounts.some((a) => a.unit === 'db')) return [];
  for (const amount of amounts) {
    const uses = [...intent.uses, ...amount.uses];
    const score = intent.score * amount.score;
    if (master && scopes.length === 0) {
      const now = s.document.master.gainDb;
      const gainDb = tidy(clamp(amount.absolute ? amount.db : now + amount.db, LIMITS.gainDb.min, LIMITS.gainDb.max));
      const allUses = [...uses, ...(targets[0]?.uses ?? [])];
      readings.push({
        description: amount.absolute
          ? `Set the master to ${formatDb(gainDb)}`
          : `${verb(amount.db, false)} the master by ${dB(gainDb - now)} (to ${formatDb(gainDb)})`,
        commands: [{ type: 'updateMaster', changes: { gainDb } }],
        score,
        uses: allUses,
      });
    }
    for (const target of targets) {
      const tracks = target.trackIds.map((id) => s.document.tracks.find((t) => t.id === id)!);
      if (scopes.length === 0) {
        const commands: Command[] = tracks.map((t) => ({
          type: 'updateTrack',
          trackId: t.id,
          changes: { gainDb: tidy(clamp(amount.absolute ? amount.db : t.gainDb + amount.db, LIMITS.gainDb.min, LIMITS.gainDb.max)) },
        }));
        const description = amount.absolute ? `Set ${target.label} to ${formatDb(amount.db)}` : `${verb(amount.db, false)} ${target.label} by ${dB(amount.db)}`;
        readings.push({ description, commands, score: score * target.score * (master ? 0.9 : 1), uses: [...uses, ...target.uses], targets: target.trackIds });
        // The same change as clip gain: the fader stays where it is.
        const clips = s.document.clips.filter((c) => c.active && target.trackIds.includes(c.trackId));
        if (!master && clips.length) {
          const clipCommands: Command[] = clips.map((c) => ({
            type: 'updateClip',
            clipId: c.id,
            changes: { gainDb: tidy(clamp(amount.absolute ? amount.db : c.gainDb + amount.db, LIMITS.gainDb.min, LIMITS.gainDb.max)) },
          }));
          readings.push({
            description: `${amount.absolute ? `Set the gain of ${possessive(target.label)} clips to ${formatDb(amount.db)}` : `${verb(amount.db, false)} the gain of ${possessive(target.label)} clips by ${dB(amount.db)}`} (the fader stays)`,
            commands: clipCommands,
            score: score * target.score * 0.75,
            uses: [...uses, ...target.uses],
            targets: target.trackIds,
          });
        }
      }
      for (const scope of scopes) {
        const edit = regionEdit(s.document, target.trackIds, scope.ranges, ids.fork(), (clip) => ({
          gainDb: tidy(clamp(amount.absolute ? amount.db : clip.gainDb + amount.db, LIMITS.gainDb.min, LIMITS.gainDb.max)),
        }));
        if (edit.pieces.length === 0) continue;
        const description = `${verb(amount.db, amount.absolute)} ${target.label} ${amount.absolute ? `to ${formatDb(amount.db)}` : `by ${dB(amount.db)}`} ${scope.phrase}${describeSplits(edit.splits, s.vocab.beatsPerBar, edit.pieces.length)}`;
        readings.push({
          description,
          commands: edit.commands,
          score: score * target.score * scope.score,
          uses: [...uses, ...target.uses, ...scope.uses],
          targets: target.trackIds,
        });
      }
    }
  }
  return readings;
};
