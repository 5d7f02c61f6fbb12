import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { generateEd25519KeyPair } from '../../trust/ed25519';
import { signPackageFolder } from '../../trust/packageSignature';
import { addOwnTake, copyPackage, creatorLibrary, libraryKeyPem, lineageNow, writeOriginal } from '../../../tests/fixtures/lineageFixtures';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';

/**
 * A derivative package that lies — about its ancestors, its terms, its
 * owners, what its stems contain, or whose chain it is — is refused with
 * one line, and the importing library is left exactly as it was.
 */
const rightsHolder = generateEd25519KeyPair();
const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-attacks-'));
let a: StemroomServices;
let b: StemroomServices;
let verifier: StemroomServices;
let original: string;
let packageA: string;
let packageB: string;

const importInto = (services: StemroomServices, dir: string) => callContract(services, 'catalog.import', { source: { path: dir } });
const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');
type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** B, the attacker, edits their own package and signs it again with their own key (what they can always do). */
function tamper(dir: string, edit: (manifest: Manifest, root: string) => void, key = libraryKeyPem(b)): string {
  const copy = copyPackage(dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
  edit(manifest, copy);
  fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  signPackageFolder(copy, key, lineageNow());
  return copy;
}

/** Rewrites a carried lineage file and the hash B's manifest names for it. */
function rewriteCarried(manifest: Manifest, root: string, packagePrefix: string, edit: (carried: Manifest) => void, signWith?: string): void {
  const entry = manifest.derivative.lineage.find((l: { package: string }) => l.package.startsWith(packagePrefix));
  const file = path.join(root, entry.manifest.file);
  const carried = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(carried);
  fs.writeFileSync(file, JSON.stringify(carried, null, 2));
  entry.manifest.sha256 = sha256(fs.readFileSync(file));
  if (signWith) {
    const folder = path.dirname(file);
    signPackageFolder(folder, signWith, lineageNow());
    entry.signature.sha256 = sha256(fs.readFileSync(path.join(root, entry.signature.file)));
  }
}

async function expectRefused(dir: string, message: RegExp) {
  const state = () => ({
    db: dumpDatabase(verifier.library.paths.databasePath),
    store: snapshotDir(verifier.library.paths.storeDir),
    tmp: snapshotDir(verifier.library.paths.tmpDir),
  });
  const before = state();
  const error = await importInto(verifier, dir).then(
    () => null,
    (e: Error) => e,
  );
  expect(error?.message).toMatch(message);
  expect(error!.message.split('\n')).toHaveLength(1);
  expect(state()).toEqual(before);
  expect((await callContract(verifier, 'library.info', {})).schemaVersion).toBeGreaterThan(0);
}

beforeAll(async () => {
  [a, b, verifier] = await Promise.all([creatorLibrary('Ada Remix', out), creatorLibrary('Ben Flip', out), creatorLibrary('Verifier', out)]);
  original = writeOriginal(rightsHolder.privateKeyPem, out);
  await importInto(a, original);
  const projectA = await callContract(a, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'A flip' });
  const exportA = await callContract(a, 'exports.start', { projectId: projectA.id, path: path.join(out, 'a.wav'), format: 'wav', isrc: 'GB-AAA-26-00001' });
  packageA = path.join(out, 'package-a');
  await callContract(a, 'lineage.publish', {
    exportId: exportA.exportId,
    terms: { relicense: ['remix'], revenue: { master: 5000, publishing: 8000 } },
    out: packageA,
  });
  await importInto(b, packageA);
  const recordingA = (await callContract(b, 'catalog.search', {})).items[0]!;
  const projectB = await callContract(b, 'projects.create', { recordingId: recordingA.id, kind: 'remix', name: 'B flip' });
  const exportB = await callContract(b, 'exports.start', { projectId: projectB.id, path: path.join(out, 'b.wav'), format: 'wav', isrc: 'GB-BBB-26-00001' });
  packageB = path.join(out, 'package-b');
  await callContract(b, 'lineage.publish', { exportId: exportB.exportId, terms: { revenue: { master: 5000, publishing: 5000 } }, out: packageB });
}, 240_000);

afterAll(() => {
  for (const s of [a, b, verifier]) s?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('a derivative package that lies is refused, the library unchanged', () => {
  it('drops an ancestor', async () => {
    const dropped = tamper(packageB, (m) => (m.derivative.lineage = m.derivative.lineage.filter((l: { package: string }) => l.package !== 'pkg-test')));
    await expectRefused(dropped, /export .* used "Test Song" \(package "pkg-test"\), which this package does not carry: an ancestor was dropped/);
  });

  it("forges an ancestor's record (the ancestor's signature no longer matches)", async () => {
    const forged = tamper(packageB, (m, root) =>
      rewriteCarried(m, root, 'drv-', (carried) => {
        const master = carried.derivative.export.splits.master;
        master[0].shareBp = 9000;
        master[1].shareBp = 1000;
      }),
    );
    await expectRefused(forged, /the signature of ancestor "drv-.*" does not match its manifest/);
  });

  it("forges an ancestor and signs it with another key: its creator's library never published it so", async () => {
    const forger = generateEd25519KeyPair();
    const forged = tamper(packageB, (m, root) => rewriteCarried(m, root, 'drv-', (carried) => (carried.package.title = 'Mine now'), forger.privateKeyPem));
    await expectRefused(forged, /derivative\.publication: the library that made export .* did not publish it as "drv-.*" with key/);
  });

  it("widens the original's licence and signs it with another key: the records name the rights holder's key", async () => {
    const forger = generateEd25519KeyPair();
    const forged = tamper(packageB, (m, root) =>
      rewriteCarried(m, root, 'pkg-test', (carried) => (carried.licences[0].territories = { include: ['WORLD'], exclude: [] }), forger.privateKeyPem),
    );
    await expectRefused(forged, /says package "pkg-test" was signed by key .*, but the carried one is signed by key/);
  });

  it('an ancestor this library already trusts, carried under another key, is refused', async () => {
    const other = await creatorLibrary('Pinned', out);
    try {
      await importInto(other, original);
      const impostor = generateEd25519KeyPair();
      const forged = tamper(packageB, (m, root) => rewriteCarried(m, root, 'pkg-test', () => undefined, impostor.privateKeyPem));
      const error = await importInto(other, forged).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/ancestor package "pkg-test" is signed by key .*, but this library trusts only key/);
    } finally {
      other.close();
    }
  });

  it('widens its terms beyond upstream (territory, uses)', async () => {
    const wider = tamper(packageB, (m) => {
      for (const licence of m.licences) licence.territories = { include: ['WORLD'], exclude: [] };
    });
    await expectRefused(wider, /territories: Germany \(DE\) is excluded by licence L-M1 of Test Records \(for "Test Song"\)/);
    const covers = tamper(packageB, (m) => {
      for (const licence of m.licences) licence.uses = ['remix', 'cover'];
    });
    await expectRefused(covers, /uses: "cover" is wider than upstream/);
  });

  it('claims its mix does not contain the vocal whose licence forbids pitch-shifting it', async () => {
    const hidden = tamper(packageB, (m) => {
      m.recordings[0].stems[0].contains = [];
      m.licences[0].stemRules = [];
    });
    await expectRefused(hidden, /contains does not name exactly the upstream stems export .* played in its mix/);
  });

  it('drops a rights holder from its owners', async () => {
    const owners = tamper(packageB, (m) => {
      const recording = m.recordings[0];
      const creator = recording.masterOwners.find((o: { party: string }) => o.party.startsWith('lib-') && !m.derivative.lineage.some(() => false));
      recording.masterOwners = [{ party: creator.party, shareBp: 10000 }];
    });
    await expectRefused(owners, /masterOwners are not export .*'s master split/);
  });

  it("alters its own export record (the record's signature no longer verifies)", async () => {
    const altered = tamper(packageB, (m) => (m.derivative.export.splits.master[0].shareBp += 1));
    await expectRefused(altered, /derivative\.export: export .*'s record does not verify/);
  });

  it("replays another creator's chain under its own key and name", async () => {
    const thief = generateEd25519KeyPair();
    const replayed = tamper(packageB, (m) => (m.package.publisher = 'Someone Else'), thief.privateKeyPem);
    await expectRefused(replayed, /the library that made export .* did not publish it as "drv-.*" with key/);
  });

  it('carries a package no export in its chain used', async () => {
    const stranger = generateEd25519KeyPair();
    const extra = writeOriginal(stranger.privateKeyPem, out, (m) => {
      m.package.id = 'pkg-stranger';
      m.works[0]!.id = 'w-stranger';
      m.recordings[0]!.id = 'r-stranger';
      m.recordings[0]!.work = 'w-stranger';
      m.licences = [];
    });
    const padded = tamper(packageB, (m, root) => {
      fs.mkdirSync(path.join(root, 'lineage/extra'), { recursive: true });
      fs.copyFileSync(path.join(extra, 'manifest.json'), path.join(root, 'lineage/extra/manifest.json'));
      fs.copyFileSync(path.join(extra, 'signature.json'), path.join(root, 'lineage/extra/signature.json'));
      m.derivative.lineage.push({
        package: 'pkg-stranger',
        manifest: { file: 'lineage/extra/manifest.json', sha256: sha256(fs.readFileSync(path.join(extra, 'manifest.json'))) },
        signature: { file: 'lineage/extra/signature.json', sha256: sha256(fs.readFileSync(path.join(extra, 'signature.json'))) },
      });
    });
    await expectRefused(padded, /carries package "pkg-stranger", which no export in this chain used/);
  });

  it("carries an ancestor's signature file with a member named twice (a forged key first, the signed one last)", async () => {
    const doubled = tamper(packageB, (m, root) => {
      const entry = m.derivative.lineage.find((l: { package: string }) => l.package === 'pkg-test');
      const file = path.join(root, entry.signature.file);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('{', `{"publicKey": "${Buffer.alloc(32, 7).toString('base64')}",`));
      entry.signature.sha256 = sha256(fs.readFileSync(file));
    });
    await expectRefused(doubled, /lineage\/\d\/signature\.json: invalid JSON \(member "publicKey" appears twice in one object\)/);
  });

  it('is unsigned', async () => {
    const unsigned = copyPackage(packageB);
    fs.rmSync(path.join(unsigned, 'signature.json'));
    await expectRefused(unsigned, /signature\.json: a derivative package must be signed by its creator/);
  });

  it('and the honest package imports', async () => {
    expect((await importInto(verifier, packageB)).status).toBe('imported');
  });

  it('an honest derivative whose export placed an inaudible take imports: its record says which range took no share', async () => {
    const project = await callContract(a, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'A quiet flip' });
    await addOwnTake(a, project.id, 0, 2);
    // −120 dB: clip and track each at their −60 dB floor.
    await callContract(a, 'projects.edit', {
      projectId: project.id,
      commands: [
        { type: 'updateClip', clipId: 'clip-own', changes: { gainDb: -60 } },
        { type: 'updateTrack', trackId: 'trk-own', changes: { gainDb: -60 } },
      ],
    });
    const exported = await callContract(a, 'exports.start', {
      projectId: project.id,
      path: path.join(out, 'a-quiet.wav'),
      format: 'wav',
      isrc: 'GB-AAA-26-00002',
    });
    const { record } = await callContract(a, 'exports.show', { exportId: exported.exportId });
    expect(record.ownRecordings[0]!.ranges).toEqual([expect.objectContaining({ heard: false })]);
    expect(record.splits.master.find((s) => s.partyId === 'creator')!.shareBp).toBe(3000);
    const quiet = path.join(out, 'package-a-quiet');
    await callContract(a, 'lineage.publish', { exportId: exported.exportId, terms: { revenue: { master: 5000, publishing: 5000 } }, out: quiet });
    // The verifier recomputes the splits from the record: the silent take must not count there either.
    expect((await importInto(verifier, quiet)).status).toBe('imported');
  });
});
