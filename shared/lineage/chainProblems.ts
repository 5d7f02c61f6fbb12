import type { Party } from '../catalog/catalogPackageSchema';
import { canonicalJson } from '../rights/canonicalJson';
import { computeSplits, type SplitUsage } from '../rights/computeSplits';
import type { AttributionRecord } from '../rights/attributionRecord';
import type { RecordingFacts } from '../rights/ExportRights';
import { derivativeMasterOwners, derivativeStemContents, derivativeWork } from './derivativeShape';
import { LineageChain, type ChainPackage } from './LineageChain';
import { relicensingProblems, termsBeyondUpstream } from './termsBeyondUpstream';
import { termsOf } from './termsOf';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Everything wrong with a derivative package's chain, after every
 * signature in it was checked: each export record must be true to the
 * signed packages it names (recordings, stems, keys, licence terms, and
 * splits that the record's own heard seconds and those terms give), each
 * derivative package must state exactly what its record says (owners,
 * composition shares, stems' contents, creator), no licence may grant more
 * than those upstream, and the package must carry every ancestor and
 * nothing else. Problems are `where: what`, the root's first.
 *
 * @example
 * chainProblems(root, new LineageChain([root, ...carried]));
 * // ['lineage: export 0190… used "Test Song" (package "pkg-test"), which this package does not carry: an ancestor was dropped']
 */
export function chainProblems(root: ChainPackage, chain: LineageChain): string[] {
  // First the shape of the family: every ancestor carried, nothing else, no loops. Only then what each says.
  const reached = new Map<string, string>();
  const structural: string[] = [];
  const stack: string[] = [];
  const walk = (pkg: ChainPackage, where: string) => {
    const id = pkg.manifest.package.id;
    if (stack.includes(id)) return void structural.push(`${where}: the lineage loops (${[...stack, id].join(' → ')})`);
    if (reached.has(id)) return;
    reached.set(id, where);
    if (!pkg.record) return;
    stack.push(id);
    for (const recordingId of LineageChain.usedRecordings(pkg.record)) {
      const used = chain.recording(recordingId);
      if (used) walk(used.pkg, `lineage/${used.pkg.manifest.package.id}`);
      else {
        const source = pkg.record.sources.find((s) => s.recording.id === recordingId)?.recording ?? pkg.record.covered?.recording;
        structural.push(
          `${where}: export ${pkg.record.exportId} used "${source?.title ?? recordingId}"${source && 'packageId' in source ? ` (package "${source.packageId}")` : ''}, which this package does not carry: an ancestor was dropped`,
        );
      }
    }
    stack.pop();
  };
  walk(root, 'derivative');
  for (const entry of root.manifest.derivative?.lineage ?? []) {
    if (!reached.has(entry.package)) structural.push(`derivative.lineage: carries package "${entry.package}", which no export in this chain used`);
  }
  if (structural.length) return [...new Set(structural)];
  const problems = [...reached].flatMap(([id, where]) => {
    const pkg = chain.package(id)!;
    return pkg.record ? derivativePackageProblems(pkg, chain, where) : [];
  });
  return [...new Set(problems)];
}

/** One derivative package against its own record and the chain. */
function derivativePackageProblems(pkg: ChainPackage, chain: LineageChain, where: string): string[] {
  const record = pkg.record!;
  const problems: string[] = [];
  const exportName = `export ${record.exportId}`;
  const recording = pkg.manifest.recordings[0]!;
  const creator = chain.creatorOf(pkg);

  // The sources: each recording the record names is in a package of the chain, signed by the key the record names, with the stems it names.
  for (const source of record.sources) {
    const found = chain.recording(source.recording.id);
    if (!found) {
      problems.push(
        `${where}: ${exportName} used "${source.recording.title}" (package "${source.recording.packageId}"), which this package does not carry: an ancestor was dropped`,
      );
      continue;
    }
    const signature = source.recording.packageSignature;
    if (found.pkg.manifest.package.id !== source.recording.packageId)
      problems.push(
        `${where}: ${exportName} names package "${source.recording.packageId}" for "${source.recording.title}", but it is in package "${found.pkg.manifest.package.id}"`,
      );
    if (signature?.status !== 'signed')
      problems.push(`${where}: ${exportName} used "${source.recording.title}" from an unsigned package; a chain can only be verified through signed packages`);
    else if (signature.keyFingerprint !== found.pkg.keyFingerprint) {
      problems.push(
        `${where}: ${exportName} says package "${source.recording.packageId}" was signed by key ${signature.keyFingerprint?.slice(0, 16)}…, but the carried one is signed by key ${found.pkg.keyFingerprint.slice(0, 16)}…`,
      );
    }
    if (found.recording.title !== source.recording.title || found.recording.isrc !== source.recording.isrc)
      problems.push(`${where}: ${exportName} describes "${source.recording.title}" other than its package does`);
    for (const stem of source.stems) {
      const actual = found.recording.stems.find((s) => s.id === stem.id);
      if (!actual || actual.sha256 !== stem.sha256)
        problems.push(`${where}: ${exportName} used stem "${stem.id}" of "${source.recording.title}", which its package does not have with that audio`);
    }
  }
  if (record.covered && !chain.recording(record.covered.recording.id)) {
    problems.push(`${where}: ${exportName} covers "${record.covered.recording.title}", whose package this package does not carry: an ancestor was dropped`);
  }
  if (problems.length) return problems;

  // The licences: the terms the record relied on are the terms the rights holders signed.
  const relied = chain.reliedOn(record);
  for (const stated of record.licences) {
    const actual = relied.find((u) => u.licence.id === stated.id);
    if (!actual) problems.push(`${where}: ${exportName} relies on licence ${stated.id}, which no package in its lineage grants for what it used`);
    else if (!same(stated.termsReliedOn, termsOf(actual.licence)) || stated.type !== actual.licence.type) {
      problems.push(`${where}: ${exportName} states other terms for licence ${stated.id} than ${actual.licensorName}'s signed package grants`);
    }
  }

  // The splits: recomputed from the record's own heard seconds and the signed terms, they must be the record's.
  const facts = new Map<string, RecordingFacts>();
  for (const id of LineageChain.usedRecordings(record)) {
    const f = chain.facts(id);
    if (f) facts.set(id, f);
  }
  // A range the record marks `heard: false` took no share (records from before the mark: every range was heard).
  const usageOf = (ranges: readonly { startSec: number; endSec: number; heard?: false }[]) => ({
    ranges,
    heardRanges: ranges.filter((r) => r.heard !== false),
  });
  const usage: SplitUsage[] = [
    ...record.sources.map((s) => ({ source: { type: 'catalog' as const, recordingId: s.recording.id }, ...usageOf(s.stems.flatMap((st) => st.ranges)) })),
    ...record.ownRecordings.map((o) => ({ source: { type: 'recording' as const }, ...usageOf(o.ranges) })),
  ];
  const splits = computeSplits(
    { kind: record.output.versionType, recordingId: record.covered?.recording.id ?? '' },
    usage,
    facts,
    relied.map((u) => u.licence),
    { name: record.creator.name, ...(record.creator.isni ? { isni: record.creator.isni } : {}), ...(record.creator.ipi ? { ipi: record.creator.ipi } : {}) },
  );
  for (const side of ['master', 'publishing'] as const) {
    const money = (list: readonly { partyId: string; role: string; shareBp: number }[]) =>
      list.map((s) => ({ partyId: s.partyId, role: s.role, shareBp: s.shareBp }));
    if (!same(money(splits[side]), money(record.splits[side]))) {
      const differs = splitDifference(splits[side], record.splits[side]);
      problems.push(`${where}: ${exportName}'s ${side} split is not what its own sources and licences give (${differs})`);
    }
  }

  // The derivative package states what its record says.
  const master = pkg.manifest.licences.filter((l) => l.type === 'master');
  const publishing = pkg.manifest.licences.filter((l) => l.type === 'publishing');
  if (master.length !== 1 || publishing.length !== 1 || master[0]!.recording !== recording.id || publishing[0]!.work !== recording.work) {
    problems.push(`${where}: a derivative grants one master licence for its recording and one publishing licence for its work`);
  }
  if (!creator || pkg.manifest.licences.some((l) => l.licensor !== creator.id))
    problems.push(`${where}: a derivative's licences are all granted by its creator`);
  else if (creator.name !== record.creator.name)
    problems.push(`${where}: the package names its creator "${creator.name}", but ${exportName} was made by "${record.creator.name}"`);
  if (creator && problems.length === 0) {
    if (!same(recording.masterOwners, derivativeMasterOwners(record, creator.id)))
      problems.push(`${where}: recordings[0].masterOwners are not ${exportName}'s master split`);
    const work = pkg.manifest.works.find((w) => w.id === recording.work);
    const expected = derivativeWork(record, recording.work, creator.id);
    if (!work || !same({ writers: work.writers, publishers: work.publishers }, { writers: expected.writers, publishers: expected.publishers })) {
      problems.push(`${where}: works: the composition's shares are not ${exportName}'s publishing split`);
    }
    problems.push(...partyProblems(pkg, chain, record, creator, where));
  }
  recording.stems.forEach((stem, i) => {
    const expected = stem.mix ? derivativeStemContents(record, null) : stem.track ? derivativeStemContents(record, stem.track) : null;
    if (!expected) problems.push(`${where}: recordings[0].stems[${i}]: a derivative's stem is its mix or one of its tracks`);
    else if (!same(stem.contains ?? [], expected))
      problems.push(
        `${where}: recordings[0].stems[${i}].contains does not name exactly the upstream stems ${exportName} played ${stem.mix ? 'in its mix' : `on track "${stem.track}"`}`,
      );
  });
  if (!recording.stems.some((s) => s.mix)) problems.push(`${where}: a derivative package carries its mix (the export itself)`);

  // Terms: never more than upstream; and the export's own use must be one upstream lets be re-licensed.
  problems.push(...relicensingProblems(relied, record.output.versionType).map((p) => `${where}: ${p}`));
  const context = {
    upstream: chain.upstream(recording.id),
    stems: recording.stems.map((s) => ({ id: s.id, name: s.name, contains: chain.stemContents(recording.id).get(s.id) ?? [] })),
  };
  pkg.manifest.licences.forEach((licence, i) => problems.push(...termsBeyondUpstream(licence, context).map((p) => `${where}: licences[${i}].${p}`)));

  // Every lineage file a carried derivative names must be the very one carried here.
  for (const entry of pkg.manifest.derivative?.lineage ?? []) {
    const carried = chain.package(entry.package);
    if (carried && carried.manifestSha256 !== entry.manifest.sha256)
      problems.push(`${where}: its lineage names manifest ${entry.manifest.sha256.slice(0, 12)}… for "${entry.package}", but another is carried`);
  }
  return problems;
}

/** Every party a derivative names from its splits is defined exactly as the package upstream that delivered it. */
function partyProblems(pkg: ChainPackage, chain: LineageChain, record: AttributionRecord, creator: Party, where: string): string[] {
  const problems: string[] = [];
  const named = new Set([...record.splits.master, ...record.splits.publishing].map((s) => s.partyId).filter((id) => id !== 'creator'));
  for (const partyId of named) {
    const mine = pkg.manifest.parties.find((p) => p.id === partyId);
    const upstream = chain
      .all()
      .filter((other) => other !== pkg)
      .flatMap((other) => other.manifest.parties.filter((p) => p.id === partyId));
    if (!mine || upstream.length === 0)
      problems.push(`${where}: party "${partyId}" of ${partyId === creator.id ? 'the creator' : 'the splits'} is not defined by any package upstream`);
    else if (!upstream.some((p) => same(p, mine))) problems.push(`${where}: party "${partyId}" is not defined as the package upstream defines it`);
  }
  return problems;
}

function splitDifference(
  computed: readonly { partyId: string; name: string; role: string; shareBp: number }[],
  stated: readonly { partyId: string; name: string; role: string; shareBp: number }[],
): string {
  for (const s of stated) {
    const c = computed.find((x) => x.partyId === s.partyId && x.role === s.role);
    if (!c) return `it pays ${s.name} (${s.role}) ${s.shareBp} bp, who has no share`;
    if (c.shareBp !== s.shareBp) return `it gives ${s.name} (${s.role}) ${s.shareBp} bp instead of ${c.shareBp}`;
  }
  const missing = computed.find((c) => !stated.some((s) => s.partyId === c.partyId && s.role === c.role));
  return missing ? `it leaves out ${missing.name} (${missing.role}), owed ${missing.shareBp} bp` : 'the lists differ';
}
