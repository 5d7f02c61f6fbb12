import { FLAG_DISPUTED, FLAG_RULES } from '../../../../shared/analytics/flagRules';
import { DAY_MS } from '../../../../shared/analytics/playDefinitions';
import type { StoredDay } from '../../../db/analytics/analyticsWriteQueries';
import { countryName, PlayDayScratch } from '../store/PlayDay';
import { pseudonym } from './flagCatches';

const scratch = new PlayDayScratch();

/** An export's flagged plays with the rules that caught each (its stored flag bits), newest first — read from the stored days, newest first. */
export function flaggedPlaysOf(days: readonly StoredDay[], limit: number) {
  const found: { playedAt: number; listener: string; msPlayed: number; country: string; rules: (typeof FLAG_RULES)[number]['id'][]; disputed: boolean }[] = [];
  for (let d = days.length - 1; d >= 0 && found.length < limit; d--) {
    const day = scratch.decode(days[d]!.columns, days[d]!.plays);
    const ofDay: typeof found = [];
    for (let i = 0; i < day.length; i++) {
      const flags = day.flags[i]!;
      if (!(flags & ~FLAG_DISPUTED)) continue;
      ofDay.push({
        playedAt: days[d]!.day * DAY_MS + day.msIntoDay[i]!,
        listener: pseudonym(day.listener[i]!),
        msPlayed: day.msPlayed[i]!,
        country: countryName(day.country[i]!),
        rules: FLAG_RULES.filter((r) => flags & r.bit).map((r) => r.id),
        disputed: (flags & FLAG_DISPUTED) !== 0,
      });
    }
    found.push(...ofDay.sort((a, b) => b.playedAt - a.playedAt));
  }
  return found.slice(0, limit).map((p) => ({ ...p, playedAt: new Date(p.playedAt).toISOString() }));
}
