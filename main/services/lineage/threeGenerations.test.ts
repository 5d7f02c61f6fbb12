import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { generateEd25519KeyPair } from '../../trust/ed25519';
import { signPackageFolder } from '../../trust/packageSignature';
import { addOwnTake, creatorLibrary, libraryKeyPem, lineageNow, termsFile, writeOriginal } from '../../../tests/fixtures/lineageFixtures';
import { tempDir } from '../../../tests/helpers/tempDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';

/**
 * Original → remix by A → remix of that by B → remix of that by C, each on
 * its own library with its own key; packages move between libraries as
 * folders. A fourth library that never saw the original verifies B's chain.
 */
const rightsHolder = generateEd25519KeyPair();
let a: StemroomServices;
let b: StemroomServices;
let c: StemroomServices;
const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-lineage-'));
let packageA: string;
let packageB: string;
let exportB: string;

const importInto = (services: StemroomServices, dir: string) => callContract(services, 'catalog.import', { source: { path: dir } });
const lib = (services: StemroomServices) => `lib-${services.library.key.fingerprint.slice(0, 16)}`;
const money = (list: readonly { partyId: string; role: string; shareBp: number }[]) => list.map((s) => [s.partyId, s.role, s.shareBp]);

beforeAll(async () => {
  [a, b, c] = await Promise.all([creatorLibrary('Ada Remix', out), creatorLibrary('Ben Flip', out), creatorLibrary('Cleo Edit', out)]);

  // Generation 1 — A remixes the original, every stem, and publishes with per-track stems.
  await importInto(a, writeOriginal(rightsHolder.privateKeyPem, out));
  const projectA = await callContract(a, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'A flip' });
  const exportA = await callContract(a, 'exports.start', {
    projectId: projectA.id,
    path: path.join(out, 'a-flip.wav'),
    format: 'wav',
    bitDepth: 24,
    isrc: 'GB-AAA-26-00001',
  });
  packageA = path.join(out, 'a-flip-package');
  await callContract(a, 'lineage.publish', {
    exportId: exportA.exportId,
    terms: JSON.parse(fs.readFileSync(termsFile({ relicense: ['remix'], revenue: { master: 5000, publishing: 8000 } }), 'utf8')),
    stems: true,
    out: packageA,
  });

  // Generation 2 — B (who never had the original) remixes A's stems and adds 0.5 s of their own.
  await importInto(b, packageA);
  const recordingA = (await callContract(b, 'catalog.search', {})).items[0]!;
  const projectB = await callContract(b, 'projects.create', { recordingId: recordingA.id, kind: 'remix', name: 'B flip' });
  await addOwnTake(b, projectB.id, 2, 0.5);
  exportB = (
    await callContract(b, 'exports.start', { projectId: projectB.id, path: path.join(out, 'b-flip.wav'), format: 'wav', bitDepth: 24, isrc: 'GB-BBB-26-00001' })
  ).exportId;
  packageB = path.join(out, 'b-flip-package');
  await callContract(b, 'lineage.publish', { exportId: exportB, terms: { relicense: ['remix'], revenue: { master: 5000, publishing: 5000 } }, out: packageB });

  await importInto(c, packageB);
}, 240_000);

afterAll(() => {
  for (const s of [a, b, c]) s?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('three generations: original → A → B → C', () => {
  it("A's stems sum to A's export (null test) and the derivative names what each stem contains", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageA, 'manifest.json'), 'utf8'));
    const stems = manifest.recordings[0].stems as { name: string; mix?: boolean; track?: string; contains: { stem: string }[] }[];
    expect(stems.map((s) => s.name)).toEqual(['Mix', 'Drums', 'Bass', 'Lead vocal']);
    expect(stems[0]!.contains.map((x) => x.stem)).toEqual(['s-bass', 's-drums', 's-vox']);
    expect(stems[3]!.contains.map((x) => x.stem)).toEqual(['s-vox']);
    const vocalRule = manifest.licences[0].stemRules.find((r: { stem: string; rule: string }) => r.rule === 'no-pitch-shift' && r.stem.endsWith('-t3'));
    expect(vocalRule.inherited).toMatchObject({ licence: 'L-M1', package: 'pkg-test', stem: 's-vox' });
    expect(manifest.licences[0].territories).toEqual({ include: ['WORLD'], exclude: ['DE'] });
  });

  it("C's export is refused when it pitch-shifts B's mix (it contains the original vocal) and in Germany — naming the original licence", async () => {
    const recordingB = (await callContract(c, 'catalog.search', {})).items[0]!;
    const project = await callContract(c, 'projects.create', { recordingId: recordingB.id, kind: 'remix', name: 'C flip' });
    const { document } = await callContract(c, 'projects.open', { projectId: project.id });
    expect(document.sources.map((s) => s.name)).toEqual(['Mix']);
    const clip = document.clips[0]!;
    await callContract(c, 'projects.edit', { projectId: project.id, commands: [{ type: 'updateClip', clipId: clip.id, changes: { pitch: 2 } }] });
    const shifted = await callContract(c, 'exports.check', { projectId: project.id });
    expect(shifted.allowed).toBe(false);
    expect(shifted.reasons.map((r) => r.message)).toContain(
      `The stem "Mix" of "B flip" contains "Lead vocal" of "Test Song", which may not be pitch-shifted (licence L-M1 of Test Records (for "Test Song")).`,
    );
    await callContract(c, 'projects.edit', { projectId: project.id, commands: [{ type: 'updateClip', clipId: clip.id, changes: { pitch: 0 } }] });
    const germany = await callContract(c, 'exports.check', { projectId: project.id, territory: 'DE' });
    expect(germany.allowed).toBe(false);
    expect(germany.reasons[0]).toMatchObject({ code: 'territory-excluded', licenceId: 'L-M1' });
    expect(germany.reasons[0]!.message).toBe(
      'Remixes are not allowed in Germany (DE) under licence L-M1 of Test Records (for "Test Song"), which "B flip" relies on.',
    );
    // B's own licence excludes Germany too (it was bounded by L-M1): the reason naming the original replaces it.
    expect(germany.reasons.filter((r) => r.code === 'territory-excluded')).toHaveLength(1);
    // Not only the dialog's check: the export itself is refused, and nothing is written.
    const refused = await callContract(c, 'exports.start', {
      projectId: project.id,
      territory: 'DE',
      path: path.join(out, 'c-flip-de.flac'),
      format: 'flac',
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toMatch(/^The export is not allowed: Remixes are not allowed in Germany \(DE\) under licence L-M1 of Test Records/);
    expect(fs.existsSync(path.join(out, 'c-flip-de.flac'))).toBe(false);
    expect(await callContract(c, 'exports.list', {})).toHaveLength(0);

    const summary = await callContract(c, 'exports.start', { projectId: project.id, path: path.join(out, 'c-flip.flac'), format: 'flac' });
    const { record } = await callContract(c, 'exports.show', { exportId: summary.exportId });

    // The hand-computed table (docs/lineage.md works the same arithmetic through).
    // A: Test Records 70 % (L-M1 gives its holders 70 %), A 30 %. Writers 60/40 of the writers' half, publisher the other half.
    // B: A's flip is 2.0 of 2.5 s (80 %), half of it passed on (A's licence: 50 %): Test Records 0.8·0.5·0.7 = 28 %, A 12 %, B 60 %.
    // C: B's flip is all of it, half passed on (B's licence: 50 %) as B's split says.
    expect(money(record.splits.master)).toEqual([
      ['creator', 'remixer', 5000],
      [lib(b), 'remixer', 3000],
      ['p-label', 'master owner', 1400],
      [lib(a), 'remixer', 600],
    ]);
    // Publishing: B kept 20 % (A's licence passes on 80 %), C keeps 50 % (B's passes on 50 %).
    expect(money(record.splits.publishing)).toEqual([
      ['creator', 'remixer', 5000],
      ['p-pub', 'publisher', 2000],
      ['p-writer-a', 'composer', 1200],
      [lib(b), 'remixer', 1000],
      ['p-writer-b', 'lyricist', 800],
    ]);
    for (const side of [record.splits.master, record.splits.publishing]) expect(side.reduce((sum, s) => sum + s.shareBp, 0)).toBe(10000);
    expect(record.splits.basis.join(' ')).toMatch(/passed on as that export's master split \(Ben Flip 60\.00 %, Test Records 28\.00 %, Ada Remix 12\.00 %\)/);

    // The record names the whole chain: each ancestor export (id, record signature, ledger entry hash) back to the original.
    const { record: recordB } = await callContract(b, 'exports.show', { exportId: exportB });
    expect(record.lineage!.ancestors.map((x) => [x.creator, x.exportId, x.signature, x.entryHash])).toEqual([
      ['Ben Flip', exportB, recordB.signature!.value, recordB.ledger!.entryHash],
      ['Ada Remix', recordB.lineage!.ancestors[0]!.exportId, recordB.lineage!.ancestors[0]!.signature, recordB.lineage!.ancestors[0]!.entryHash],
    ]);
    expect(record.lineage!.originals).toEqual([expect.objectContaining({ recordingId: 'r-test', packageId: 'pkg-test' })]);
    expect(record.credits).toContain('Contains stems of "Test Song" courtesy of Test Records.');
    expect(record.decision.channel).toBe('streaming-distribution');
  });

  it("the rounding step of docs/lineage.md: with 0.7 s of B's own, B's master is 6296 / 2593 / 1111 (the left-over basis point to the largest remainder)", async () => {
    const recordingA = (await callContract(b, 'catalog.search', {})).items.find((r) => r.title === 'A flip')!;
    const project = await callContract(b, 'projects.create', { recordingId: recordingA.id, kind: 'remix', name: 'B flip, longer take' });
    await addOwnTake(b, project.id, 2, 0.7, 350);
    const check = await callContract(b, 'exports.check', { projectId: project.id });
    // 2/2.7 of the flip is A's: B 0.2593 + 0.7407 × 0.5 = 0.62963, Test Records 0.7407 × 0.5 × 0.7 = 0.25926, A 0.11111 → 6296.30, 2592.59, 1111.11.
    expect(money(check.splits!.master)).toEqual([
      ['creator', 'remixer', 6296],
      ['p-label', 'master owner', 2593],
      [lib(a), 'remixer', 1111],
    ]);
    expect(check.splits!.basis.join(' ')).toMatch(
      /"A flip" \(remix by Ada Remix, export [0-9a-f-]+\): 74\.07 % of the audio; its rights holders take 50 % of that under licence drv-[^ ]+-LM, passed on as that export's master split \(Test Records 70\.00 %, Ada Remix 30\.00 %\)/,
    );
  });

  it('B may not publish terms wider than upstream: the refusal names the original licence', async () => {
    const error = await callContract(b, 'lineage.publish', {
      exportId: exportB,
      terms: { territories: { include: ['WORLD'], exclude: [] }, revenue: { master: 5000, publishing: 5000 } },
      out: path.join(out, 'too-wide'),
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^The terms are refused: territories: Germany \(DE\) is excluded by licence L-M1 of Test Records \(for "Test Song"\)/);
    expect(fs.existsSync(path.join(out, 'too-wide'))).toBe(false);
  });

  it("a library that never saw the original or A verifies B's chain — and refuses it, unchanged, when an ancestor's signature was tampered with", async () => {
    const verifier = await creatorLibrary('Verifier', out);
    try {
      const tampered = path.join(tempDir('stemroom-tampered-'), 'b');
      fs.cpSync(packageB, tampered, { recursive: true });
      const manifest = JSON.parse(fs.readFileSync(path.join(tampered, 'manifest.json'), 'utf8'));
      const entry = manifest.derivative.lineage.find((l: { package: string }) => l.package.startsWith('drv-'));
      const signatureFile = path.join(tampered, entry.signature.file);
      const signature = JSON.parse(fs.readFileSync(signatureFile, 'utf8'));
      signature.signature = `${signature.signature[0] === 'A' ? 'B' : 'A'}${signature.signature.slice(1)}`;
      fs.writeFileSync(signatureFile, JSON.stringify(signature));
      // The lineage file's hash is in B's signed manifest: replaced, the package no longer matches its signature either way.
      const before = { db: dumpDatabase(verifier.library.paths.databasePath), store: snapshotDir(verifier.library.paths.storeDir) };
      const refused = await importInto(verifier, tampered).then(
        () => null,
        (e: Error) => e,
      );
      expect(refused?.message).toMatch(/lineage\/\d\/signature\.json: SHA-256 is/);
      expect(refused!.message.split('\n')).toHaveLength(1);
      expect({ db: dumpDatabase(verifier.library.paths.databasePath), store: snapshotDir(verifier.library.paths.storeDir) }).toEqual(before);

      // The strongest forger short of A and the rights holder: B, who can re-sign B's own package after fixing the hashes.
      // Each ancestor's own signature is then what refuses it — A's flip's, and the original's.
      for (const ancestor of ['drv-', 'pkg-test']) {
        const resigned = path.join(tempDir('stemroom-tampered-'), 'b');
        fs.cpSync(packageB, resigned, { recursive: true });
        const m = JSON.parse(fs.readFileSync(path.join(resigned, 'manifest.json'), 'utf8'));
        const carried = m.derivative.lineage.find((l: { package: string }) => l.package.startsWith(ancestor));
        const file = path.join(resigned, carried.signature.file);
        const sig = JSON.parse(fs.readFileSync(file, 'utf8'));
        const raw = Buffer.from(sig.signature, 'base64');
        raw[0]! ^= 1;
        sig.signature = raw.toString('base64');
        fs.writeFileSync(file, JSON.stringify(sig));
        carried.signature.sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
        fs.writeFileSync(path.join(resigned, 'manifest.json'), JSON.stringify(m, null, 2));
        signPackageFolder(resigned, libraryKeyPem(b), lineageNow());
        const error = await importInto(verifier, resigned).then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.message).toMatch(new RegExp(`the signature of ancestor "${ancestor}[^"]*" does not match its manifest`));
        expect(error!.message.split('\n')).toHaveLength(1);
        expect({ db: dumpDatabase(verifier.library.paths.databasePath), store: snapshotDir(verifier.library.paths.storeDir) }).toEqual(before);
      }

      const imported = await importInto(verifier, packageB);
      expect(imported).toMatchObject({ status: 'imported', signature: { status: 'signed' } });
      const graph = await callContract(verifier, 'lineage.graph', { recordingId: (await callContract(verifier, 'catalog.search', {})).items[0]!.id });
      expect(graph.nodes.map((n) => [n.title, n.kind, n.generation, n.inLibrary])).toEqual([
        ['Test Song', 'original', 0, false],
        ['A flip', 'derivative', 1, false],
        ['B flip', 'derivative', 2, true],
      ]);
    } finally {
      verifier.close();
    }
  });
});
