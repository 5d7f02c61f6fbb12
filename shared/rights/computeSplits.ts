import type { ProjectDocument } from '../project/documentSchema';
import { INAUDIBLE_GAIN_DB, unionLength, type UsedRange } from './audibleUsage';
import type { Creator, RecordingFacts, ShareRef } from './ExportRights';
import type { Licence } from '../catalog/catalogPackageSchema';
import { largestRemainder } from './largestRemainder';

export interface SplitEntry {
  readonly partyId: string;
  readonly name: string;
  readonly role: string;
  readonly shareBp: number;
  readonly isni?: string;
  readonly ipi?: string;
}

export interface Splits {
  /** Revenue of the sound recording: master owners of the sources used, and the creator. */
  readonly master: readonly SplitEntry[];
  /** Revenue of the composition(s): writers, publishers, and the creator's participation. */
  readonly publishing: readonly SplitEntry[];
  readonly basis: readonly string[];
}

export const CREATOR_PARTY_ID = 'creator';
/** When a work has publishers, publishing income is split half writers' share, half publishers' share. */
const WRITER_SHARE_WITH_PUBLISHERS = 0.5;

type Weighted = { party: ShareRef; role: string; weight: number };

/**
 * What the splits need of a source in the export: which recording (or own
 * audio), the timeline ranges it plays and those of them that can be heard
 * (audibleUsage; a record says which were not — see chainProblems).
 */
export interface SplitUsage {
  readonly source: { readonly type: 'catalog'; readonly recordingId: string } | { readonly type: 'recording' };
  readonly ranges: readonly Pick<UsedRange, 'startSec' | 'endSec'>[];
  readonly heardRanges: readonly Pick<UsedRange, 'startSec' | 'endSec'>[];
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)} %`;
const shareList = (shares: readonly ShareRef[]) => shares.map((s) => `${s.name} ${percent(s.shareBp / 10000)}`).join(', ');

function collapse(entries: readonly Weighted[]): SplitEntry[] {
  const byKey = new Map<string, Weighted>();
  for (const e of entries) {
    if (e.weight <= 0) continue;
    const key = `${e.party.partyId}|${e.role}`;
    const existing = byKey.get(key);
    byKey.set(key, existing ? { ...existing, weight: existing.weight + e.weight } : e);
  }
  const list = [...byKey.values()].sort((a, b) => b.weight - a.weight || a.party.name.localeCompare(b.party.name) || a.role.localeCompare(b.role));
  const shares = largestRemainder(list.map((e) => e.weight));
  return list.map((e, i) => ({
    partyId: e.party.partyId,
    name: e.party.name,
    role: e.role,
    shareBp: shares[i]!,
    ...(e.party.isni ? { isni: e.party.isni } : {}),
    ...(e.party.ipi ? { ipi: e.party.ipi } : {}),
  }));
}

/**
 * Master and publishing splits in basis points, each list summing to
 * exactly 10000 (largest remainder). Several sources share pro rata by the
 * seconds each is heard; each licence's revenue terms decide how much of a
 * source's part goes to its rights holders and how much stays with the
 * creator. The creator's own recordings are the creator's master share.
 *
 * A derivative source (another creator's published export) passes its
 * rights holders' part on exactly as that export's own splits divided it —
 * so the original rights holders' shares flow through every generation,
 * each generation's licence deciding how much of its part flows back.
 */
export function computeSplits(
  document: Pick<ProjectDocument, 'kind' | 'recordingId'>,
  usage: readonly SplitUsage[],
  recordings: ReadonlyMap<string, RecordingFacts>,
  relyOn: readonly Licence[],
  creator: Creator,
): Splits {
  const me: ShareRef = { partyId: CREATOR_PARTY_ID, name: creator.name, isni: creator.isni ?? null, ipi: creator.ipi ?? null, role: 'creator', shareBp: 10000 };
  const relied = new Map(relyOn.map((l) => [l.id, l]));
  const licenceFor = (licences: readonly Licence[]) => licences.find((l) => relied.has(l.id));
  const creatorRole = document.kind === 'remix' ? 'remixer' : 'performer';

  // Seconds heard per recording (all its stems together) and of the creator's own takes; inaudible clips take no share.
  const intervals = new Map<string, [number, number][]>();
  const own: [number, number][] = [];
  let unheard = 0;
  for (const u of usage) {
    const target = u.source.type === 'catalog' ? (intervals.get(u.source.recordingId) ?? []) : own;
    target.push(...u.heardRanges.map((r): [number, number] => [r.startSec, r.endSec]));
    unheard += u.ranges.length - u.heardRanges.length;
    if (u.source.type === 'catalog') intervals.set(u.source.recordingId, target);
  }
  const perRecording = new Map([...intervals].map(([id, list]) => [id, unionLength(list)]));
  const ownSeconds = unionLength(own);
  const totalSeconds = [...perRecording.values()].reduce((a, b) => a + b, 0) + ownSeconds;
  const basis: string[] = [`Sources share by seconds heard (total ${totalSeconds.toFixed(3)} s).`];
  if (unheard)
    basis.push(
      `${unheard} clip${unheard === 1 ? '' : 's'} at or below ${INAUDIBLE_GAIN_DB} dB gain ${unheard === 1 ? 'is' : 'are'} placed but not heard, and take${unheard === 1 ? 's' : ''} no share.`,
    );

  const master: Weighted[] = [];
  if (ownSeconds > 0) master.push({ party: me, role: creatorRole, weight: ownSeconds / totalSeconds });
  for (const [recordingId, seconds] of perRecording) {
    const recording = recordings.get(recordingId);
    if (!recording) continue;
    const weight = seconds / totalSeconds;
    const licence = licenceFor(recording.masterLicences);
    const holders = (licence?.revenue.rightsHolderShareBp ?? 10000) / 10000;
    if (recording.derivative) {
      basis.push(
        `"${recording.title}" (${recording.derivative.use} by ${recording.derivative.creator}, export ${recording.derivative.exportId}): ${percent(weight)} of the audio; its rights holders take ${holders * 100} % of that under licence ${licence?.id ?? '—'}, passed on as that export's master split (${shareList(recording.masterOwners)}).`,
      );
    } else {
      basis.push(
        `"${recording.title}": ${(weight * 100).toFixed(2)} % of the audio; its master owners take ${holders * 100} % of that under licence ${licence?.id ?? '—'}.`,
      );
    }
    for (const owner of recording.masterOwners)
      master.push({ party: owner, role: owner.role || 'master owner', weight: weight * holders * (owner.shareBp / 10000) });
    master.push({ party: me, role: creatorRole, weight: weight * (1 - holders) });
  }

  // Compositions, by seconds heard: each catalog recording's work; for a cover, the creator's own performance is the
  // covered work (and all of it when nothing is heard yet). A cover that samples other recordings shares with their works.
  const workWeights = new Map<string, { recording: RecordingFacts; weight: number }>();
  const addWork = (recording: RecordingFacts, weight: number) => {
    const existing = workWeights.get(recording.work.id);
    workWeights.set(recording.work.id, { recording: existing?.recording ?? recording, weight: (existing?.weight ?? 0) + weight });
  };
  const catalogSeconds = [...perRecording.values()].reduce((a, b) => a + b, 0);
  const covered = document.kind === 'cover' ? recordings.get(document.recordingId) : undefined;
  const compositionSeconds = catalogSeconds + (covered ? ownSeconds : 0);
  if (covered && compositionSeconds === 0) addWork(covered, 1);
  if (covered && ownSeconds > 0) addWork(covered, ownSeconds / compositionSeconds);
  for (const [recordingId, seconds] of perRecording) {
    const recording = recordings.get(recordingId);
    if (recording && compositionSeconds > 0) addWork(recording, seconds / compositionSeconds);
  }
  const publishing: Weighted[] = [];
  for (const { recording, weight } of workWeights.values()) {
    const licence = licenceFor(recording.publishingLicences);
    const holders = (licence?.revenue.rightsHolderShareBp ?? 10000) / 10000;
    if (recording.derivative) {
      const shares = recording.derivative.publishingShares;
      basis.push(
        `"${recording.work.title}" (in "${recording.title}"): rights holders take ${holders * 100} % under licence ${licence?.id ?? '—'}, passed on as export ${recording.derivative.exportId}'s publishing split (${shareList(shares)}).`,
      );
      for (const share of shares) publishing.push({ party: share, role: share.role, weight: weight * holders * (share.shareBp / 10000) });
      publishing.push({ party: me, role: creatorRole, weight: weight * (1 - holders) });
      continue;
    }
    const { writers, publishers } = recording.work;
    const writerPart = publishers.length ? WRITER_SHARE_WITH_PUBLISHERS : 1;
    basis.push(
      `"${recording.work.title}": rights holders take ${holders * 100} % under licence ${licence?.id ?? '—'}; writers ${writerPart * 100} %, publishers ${(1 - writerPart) * 100} % of that.`,
    );
    for (const w of writers) publishing.push({ party: w, role: w.role, weight: weight * holders * writerPart * (w.shareBp / 10000) });
    for (const p of publishers) publishing.push({ party: p, role: 'publisher', weight: weight * holders * (1 - writerPart) * (p.shareBp / 10000) });
    publishing.push({ party: me, role: creatorRole, weight: weight * (1 - holders) });
  }
  return { master: master.length ? collapse(master) : [], publishing: publishing.length ? collapse(publishing) : [], basis };
}
