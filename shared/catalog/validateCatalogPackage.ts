import { formatIssues } from '../contract/formatIssues';
import { CATALOG_FORMAT, CATALOG_FORMAT_2, catalogPackageSchema, type CatalogPackage } from './catalogPackageSchema';

export type ValidationResult = { ok: true; value: CatalogPackage } | { ok: false; problems: string[] };

/**
 * Schema first, then what a schema cannot say: every id unique across the
 * package, every reference resolves, every share list sums to exactly 10000
 * basis points. Problems are `field.path: what is wrong`, all of them at once.
 */
export function validateCatalogPackage(manifest: unknown): ValidationResult {
  const parsed = catalogPackageSchema.safeParse(manifest);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error) };
  const pkg = parsed.data;
  const problems: string[] = [];

  const seen = new Map<string, string>();
  const claim = (idValue: string, path: string) => {
    const earlier = seen.get(idValue);
    if (earlier) problems.push(`${path}: duplicate id "${idValue}" (also ${earlier})`);
    else seen.set(idValue, path);
  };
  pkg.parties.forEach((p, i) => claim(p.id, `parties[${i}].id`));
  pkg.works.forEach((w, i) => claim(w.id, `works[${i}].id`));
  pkg.recordings.forEach((r, i) => {
    claim(r.id, `recordings[${i}].id`);
    r.stems.forEach((s, j) => claim(s.id, `recordings[${i}].stems[${j}].id`));
  });
  pkg.licences.forEach((l, i) => claim(l.id, `licences[${i}].id`));

  const parties = new Set(pkg.parties.map((p) => p.id));
  const works = new Set(pkg.works.map((w) => w.id));
  const recordings = new Map(pkg.recordings.map((r) => [r.id, r]));
  const stemOwner = new Map(pkg.recordings.flatMap((r) => r.stems.map((s) => [s.id, r.id] as const)));
  const ref = (set: { has(v: string): boolean }, value: string | undefined, what: string, path: string) => {
    if (value !== undefined && !set.has(value)) problems.push(`${path}: unknown ${what} "${value}"`);
  };
  const sums = (list: { shareBp: number }[], path: string) => {
    if (list.length === 0) return;
    const total = list.reduce((sum, s) => sum + s.shareBp, 0);
    if (total !== 10_000) problems.push(`${path}: shares sum to ${total} basis points, not 10000`);
  };

  pkg.works.forEach((w, i) => {
    w.writers.forEach((s, j) => ref(parties, s.party, 'party', `works[${i}].writers[${j}].party`));
    w.publishers.forEach((s, j) => ref(parties, s.party, 'party', `works[${i}].publishers[${j}].party`));
    sums(w.writers, `works[${i}].writers`);
    sums(w.publishers, `works[${i}].publishers`);
  });
  const files = new Map<string, string>();
  pkg.recordings.forEach((r, i) => {
    ref(works, r.work, 'work', `recordings[${i}].work`);
    r.masterOwners.forEach((s, j) => ref(parties, s.party, 'party', `recordings[${i}].masterOwners[${j}].party`));
    r.credits.forEach((c, j) => ref(parties, c.party, 'party', `recordings[${i}].credits[${j}].party`));
    sums(r.masterOwners, `recordings[${i}].masterOwners`);
    r.stems.forEach((s, j) => {
      const earlier = files.get(s.file);
      if (earlier) problems.push(`recordings[${i}].stems[${j}].file: "${s.file}" is also used by ${earlier}`);
      files.set(s.file, `recordings[${i}].stems[${j}]`);
    });
  });
  pkg.licences.forEach((l, i) => {
    ref(parties, l.licensor, 'party', `licences[${i}].licensor`);
    ref(recordings, l.recording, 'recording', `licences[${i}].recording`);
    ref(works, l.work, 'work', `licences[${i}].work`);
    l.stemRules.forEach((rule, j) => {
      const owner = stemOwner.get(rule.stem);
      if (!owner) problems.push(`licences[${i}].stemRules[${j}].stem: unknown stem "${rule.stem}"`);
      else if (l.type === 'master' && l.recording && owner !== l.recording) {
        problems.push(`licences[${i}].stemRules[${j}].stem: stem "${rule.stem}" belongs to recording "${owner}", not the licensed "${l.recording}"`);
      }
    });
  });
  problems.push(...formatTwoProblems(pkg), ...derivativeShapeProblems(pkg));
  return problems.length ? { ok: false, problems } : { ok: true, value: pkg };
}

/** A stemroom-catalog/1 manifest says nothing of scopes, re-licensing or lineage: members that would are refused, not ignored. */
function formatTwoProblems(pkg: CatalogPackage): string[] {
  if (pkg.format !== CATALOG_FORMAT) return [];
  const problems: string[] = [];
  const needs = (path: string, what: string) => problems.push(`${path}: ${what} needs format "${CATALOG_FORMAT_2}" (this manifest says "${CATALOG_FORMAT}")`);
  pkg.licences.forEach((l, i) => {
    if (l.relicense !== undefined) needs(`licences[${i}].relicense`, 're-licensing');
    if (l.scopes !== undefined) needs(`licences[${i}].scopes`, 'a scope');
    l.stemRules.forEach((r, j) => r.inherited !== undefined && needs(`licences[${i}].stemRules[${j}].inherited`, 'an inherited rule'));
  });
  pkg.recordings.forEach((r, i) =>
    r.stems.forEach((s, j) => {
      for (const member of ['mix', 'track', 'contains'] as const) if (s[member] !== undefined) needs(`recordings[${i}].stems[${j}].${member}`, `"${member}"`);
    }),
  );
  if (pkg.derivative) needs('derivative', 'a derivative');
  return problems;
}

/** A derivative package publishes one export: one recording, at most one mix, lineage files named once each. */
function derivativeShapeProblems(pkg: CatalogPackage): string[] {
  const problems: string[] = [];
  pkg.recordings.forEach((r, i) => {
    if (r.stems.filter((s) => s.mix).length > 1) problems.push(`recordings[${i}].stems: more than one stem is marked as the mix`);
  });
  if (!pkg.derivative) {
    if (pkg.recordings.some((r) => r.stems.some((s) => s.mix || s.track || s.contains)))
      problems.push('recordings: "mix", "track" and "contains" describe a derivative\'s stems; this package has no "derivative"');
    return problems;
  }
  if (pkg.recordings.length !== 1)
    problems.push(`recordings: a derivative package publishes one export, so it has one recording (it has ${pkg.recordings.length})`);
  const seen = new Set<string>();
  pkg.derivative.lineage.forEach((entry, i) => {
    if (seen.has(entry.package)) problems.push(`derivative.lineage[${i}].package: "${entry.package}" is named twice`);
    seen.add(entry.package);
    if (entry.package === pkg.package.id) problems.push(`derivative.lineage[${i}].package: a package cannot be its own ancestor`);
  });
  return problems;
}
