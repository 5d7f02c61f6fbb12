import type { PermittedUse } from '../catalog/catalogPackageSchema';
import type { ProjectDocument } from '../project/documentSchema';
import { keyTransposition } from '../project/musicalKey';
import { stretchFactor } from '../project/timing';
import type { SourceUsage } from '../rights/audibleUsage';
import type { RecordingFacts, RightsReason } from '../rights/ExportRights';
import { countryName } from '../rights/territories';
import { formatDate } from '../rights/formatDate';
import { coversTerritory } from './territoryCoverage';
import { upstreamName, type UpstreamLicence } from './UpstreamLicence';

const nouns: Record<PermittedUse, string> = { remix: 'remixes', cover: 'covers', sample: 'samples' };
const Nouns: Record<PermittedUse, string> = { remix: 'Remixes', cover: 'Covers', sample: 'Samples' };

/** Why one upstream licence does not cover the export here and now, or null. */
function upstreamGap(u: UpstreamLicence, use: PermittedUse, territory: string, date: string): Pick<RightsReason, 'code' | 'message'> | null {
  const name = upstreamName(u);
  if (!(u.licence.relicense ?? []).includes(use))
    return { code: 'use-not-permitted', message: `${capitalize(name)} does not let its derivatives be re-licensed for ${nouns[use]}.` };
  if (!coversTerritory(u.licence.territories, territory)) {
    const excluded = u.licence.territories.exclude.includes(territory);
    return {
      code: excluded ? 'territory-excluded' : 'territory-not-included',
      message: `${Nouns[use]} are not allowed in ${countryName(territory)} (${territory}) under ${name}.`,
    };
  }
  if (date < u.licence.validFrom) return { code: 'not-yet-valid', message: `${capitalize(name)} is not valid until ${formatDate(u.licence.validFrom)}.` };
  if (u.licence.validUntil !== undefined && date > u.licence.validUntil)
    return { code: 'expired', message: `${capitalize(name)} expired on ${formatDate(u.licence.validUntil)}.` };
  return null;
}

/**
 * The upstream half of an export decision: a derivative source is only as
 * usable as every licence above it. For each derivative heard, every
 * upstream licence (at every generation) must cover the export's use —
 * re-licensing for it —, territory and date; and every upstream stem rule
 * binds the derivative's stems that contain that stem (a vocal that may not
 * be pitch-shifted may not be, inside the mix of a remix of a remix either).
 * Reasons name the original licence, its licensor and the recording.
 *
 * @example
 * decideUpstream(view, usage, recordings, 'DE', '2026-11-24').reasons[0]?.message;
 * // 'Remixes are not allowed in Germany (DE) under licence L-M1 of Test Records (for "Test Song"), which "B flip" relies on.'
 */
export function decideUpstream(
  document: ProjectDocument,
  usage: readonly SourceUsage[],
  recordings: ReadonlyMap<string, RecordingFacts>,
  territory: string,
  date: string,
): { reasons: RightsReason[]; rules: string[] } {
  const use: PermittedUse = document.kind;
  const reasons = new Map<string, RightsReason>();
  const rules: string[] = [];
  const add = (reason: RightsReason) => {
    const key = `${reason.code}|${reason.message}`;
    const known = reasons.get(key);
    if (known) reasons.set(key, { ...known, trackIds: [...new Set([...(known.trackIds ?? []), ...(reason.trackIds ?? [])])] });
    else reasons.set(key, reason);
  };
  const checked = new Set<string>();
  for (const u of usage) {
    if (u.source.type !== 'catalog') continue;
    const source = u.source;
    const recording = recordings.get(source.recordingId);
    const derivative = recording?.derivative;
    if (!recording || !derivative) continue;
    const trackIds = [...u.trackIds];
    // Licences nearer the export were bounded by the ones above them: one cause is named once, by the original's licence (listed first).
    const causes = new Set<string>();
    for (const upstream of derivative.upstream) {
      if (!checked.has(`${recording.id}|${upstream.licence.id}`))
        rules.push(`Upstream ${upstreamName(upstream)} for "${recording.title}" (${nouns[use]}, ${territory}, ${date}).`);
      checked.add(`${recording.id}|${upstream.licence.id}`);
      const gap = upstreamGap(upstream, use, territory, date);
      if (!gap || causes.has(gap.code)) continue;
      causes.add(gap.code);
      const fix =
        gap.code === 'territory-excluded' || gap.code === 'territory-not-included'
          ? 'Choose a territory every licence in its lineage covers, or leave this release out of it.'
          : `Mute or remove the tracks using "${recording.title}".`;
      add({ ...gap, message: `${gap.message.replace(/\.$/, '')}, which "${recording.title}" relies on.`, fix, licenceId: upstream.licence.id, trackIds });
    }
    const contents = derivative.stemContents.get(source.stemId) ?? [];
    const clips = document.clips.filter((c) => c.active && c.sourceId === source.id && u.trackIds.includes(c.trackId));
    const keyShift = source.kind === 'drums' ? 0 : keyTransposition(source.key, document.key);
    const transposed = clips.some((c) => c.pitch + keyShift !== 0);
    const stretched = clips.some((c) => Math.abs(stretchFactor(c, source, document.bpm) - 1) > 1e-9);
    const stemName = recording.stemNames.get(source.stemId) ?? source.name;
    for (const inner of contents) {
      for (const upstream of derivative.upstream) {
        if (upstream.licence.type !== 'master' || upstream.recordingId !== inner.recordingId) continue;
        for (const rule of upstream.licence.stemRules.filter((r) => !r.inherited && r.stem === inner.stemId && (!r.uses || r.uses.includes(use)))) {
          rules.push(`Stem rule "${rule.rule}" of ${upstreamName(upstream)} for "${inner.stemName}", inside "${stemName}" of "${recording.title}".`);
          const inside = `The stem "${stemName}" of "${recording.title}" contains "${inner.stemName}" of "${inner.recordingTitle}", which`;
          const base = { licenceId: upstream.licence.id, trackIds };
          if (rule.rule === 'not-usable')
            add({
              ...base,
              code: 'stem-not-usable',
              message: `${inside} may not be used in ${nouns[use]} (${upstreamName(upstream)}).`,
              fix: 'Mute or remove the tracks using it.',
            });
          if (rule.rule === 'no-pitch-shift' && transposed) {
            add({
              ...base,
              code: 'no-pitch-shift',
              message: `${inside} may not be pitch-shifted (${upstreamName(upstream)}).`,
              fix: `Set its clips' pitch to 0 and the project key to ${source.key}, or mute the tracks using it.`,
            });
          }
          if (rule.rule === 'no-time-stretch' && stretched) {
            add({
              ...base,
              code: 'no-time-stretch',
              message: `${inside} may not be time-stretched (${upstreamName(upstream)}).`,
              fix: `Set the tempo back to ${source.bpm} BPM and its clips' rate to 1, or mute the tracks using it.`,
            });
          }
        }
      }
    }
  }
  return { reasons: [...reasons.values()], rules };
}

/**
 * Joins the export decision's own reasons with the upstream ones: where a
 * derivative's own licence refuses for the same cause as a licence above it
 * on the same tracks (its territory was bounded by that licence; its
 * inherited stem rule is that licence's), only the upstream reason — the
 * one naming the original licence — is kept.
 */
export function mergeUpstreamReasons(
  own: readonly RightsReason[],
  upstream: readonly RightsReason[],
  derivativeLicenceIds: ReadonlySet<string>,
): RightsReason[] {
  const kept = own.filter(
    (reason) =>
      !(
        reason.licenceId !== undefined &&
        derivativeLicenceIds.has(reason.licenceId) &&
        upstream.some((u) => u.code === reason.code && (u.trackIds ?? []).some((t) => (reason.trackIds ?? []).includes(t)))
      ),
  );
  return [...kept, ...upstream];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
