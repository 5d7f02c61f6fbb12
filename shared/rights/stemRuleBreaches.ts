import type { SourceRights } from '../contract/projectsContract';
import { audibleTracks } from '../project/audibleTracks';
import type { ProjectDocument } from '../project/documentSchema';
import { stretchFactor } from '../project/timing';
import { clipIsStretched, clipTransposition } from './stemRestrictions';

/** One heard use of a stem that its licence's stem rules forbid. */
export interface StemRuleBreach {
  readonly rule: 'not-usable' | 'no-pitch-shift' | 'no-time-stretch';
  readonly sourceId: string;
  readonly trackId: string;
  readonly message: string;
}

/**
 * Where a document breaks the stem rules of its sources' licences, as the
 * projects service reports them per source (`rights` of the open-project
 * response: usable or not, and the no-pitch-shift / no-time-stretch
 * restrictions that remain). Judged on what is heard — mute, solo and
 * inactive takes applied — and with the pitch and stretch rules of
 * `stemRestrictions` that `decideExport` and the studio's live flags use:
 * drums are never transposed by the project key; a stem is stretched when
 * it does not play at its own tempo.
 *
 * @example
 * stemRuleBreaches(doc, { 'src-vox': { usable: true, restrictions: ['no-pitch-shift'] } })
 * // [{ rule: 'no-pitch-shift', sourceId: 'src-vox', trackId: 'trk-vox', message: '…' }] when its clips are transposed
 */
export function stemRuleBreaches(document: ProjectDocument, rights: Readonly<Record<string, SourceRights>>): StemRuleBreach[] {
  const audible = audibleTracks(document.tracks);
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  const names = new Map(document.tracks.map((t) => [t.id, t.name]));
  const breaches = new Map<string, StemRuleBreach>();
  const add = (breach: StemRuleBreach) => breaches.set(`${breach.rule}|${breach.sourceId}|${breach.trackId}`, breach);
  for (const clip of document.clips) {
    const source = sources.get(clip.sourceId);
    const right = rights[clip.sourceId];
    if (!clip.active || !audible.has(clip.trackId) || source?.type !== 'catalog' || !right) continue;
    const where = `track "${names.get(clip.trackId) ?? clip.trackId}"`;
    if (!right.usable) {
      add({
        rule: 'not-usable',
        sourceId: source.id,
        trackId: clip.trackId,
        message: `${right.reason ?? `The licence does not allow the stem "${source.name}" here.`} (It would be heard on ${where}.)`,
      });
      continue;
    }
    const shift = clipTransposition(document, source, clip);
    if (right.restrictions.includes('no-pitch-shift') && shift !== 0) {
      add({
        rule: 'no-pitch-shift',
        sourceId: source.id,
        trackId: clip.trackId,
        message: `The licence of "${source.name}" forbids pitch-shifting it; this would move it ${shift > 0 ? '+' : ''}${shift} semitone${Math.abs(shift) === 1 ? '' : 's'} on ${where}.`,
      });
    }
    if (right.restrictions.includes('no-time-stretch') && clipIsStretched(document, source, clip)) {
      const stretch = stretchFactor(clip, source, document.bpm);
      add({
        rule: 'no-time-stretch',
        sourceId: source.id,
        trackId: clip.trackId,
        message: `The licence of "${source.name}" forbids time-stretching it; this would play it at ${Math.round((1 / stretch) * 1000) / 10}% of its speed on ${where}.`,
      });
    }
  }
  return [...breaches.values()];
}
