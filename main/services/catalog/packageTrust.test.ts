import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogPackageInput } from '../../../shared/catalog/catalogPackageSchema';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { generateEd25519KeyPair, keyFingerprint } from '../../trust/ed25519';
import { signPackageFolder } from '../../trust/packageSignature';

const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

beforeEach(async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
});
afterEach(() => services.close());

const importFrom = (source: string) => callContract(services, 'catalog.import', { source: { path: source } });
const librarySnapshot = () => ({
  db: dumpDatabase(services.library.paths.databasePath),
  store: snapshotDir(services.library.paths.storeDir),
  tmp: snapshotDir(services.library.paths.tmpDir),
});

async function expectRefused(source: string, message: RegExp) {
  const before = librarySnapshot();
  const error = await importFrom(source).then(
    () => null,
    (e: Error) => e,
  );
  expect(error?.message).toMatch(message);
  expect(error!.message.split('\n')).toHaveLength(1);
  expect(librarySnapshot()).toEqual(before);
}

function packageDir(change: (m: CatalogPackageInput) => void = () => undefined, version = 1, key?: string): string {
  const dir = tempDir();
  writePackage(dir, change, version);
  if (key) signPackageFolder(dir, key, now());
  return dir;
}

/** A second, unrelated package (its own ids) that declares the first package's writer. */
function impostor(change: (m: CatalogPackageInput) => void): string {
  const dir = tempDir();
  writePackage(dir, (m, stems) => {
    m.package = { id: 'pkg-other', version: 1, title: 'Other', publisher: 'Other Records' };
    m.works[0]!.id = 'w-other';
    m.recordings[0]!.id = 'r-other';
    m.recordings[0]!.work = 'w-other';
    m.recordings[0]!.stems.forEach((s) => (s.id = `${s.id}-other`));
    // Audio of its own: a package may not deliver another package's stems.
    stems.forEach((s, i) => {
      s.bytes = wavBytes(tone(300 + 50 * i, 2), 48000);
      m.recordings[0]!.stems[i]!.sha256 = sha256(s.bytes);
    });
    m.licences = [];
    change(m);
  });
  return dir;
}

describe('parties belong to the package that delivered them', () => {
  it("refuses an unrelated package that renames another package's writer or wipes their ISNI/IPI; credits stay right", async () => {
    await importFrom(packageDir());
    await expectRefused(
      impostor((m) => (m.parties[0]!.name = 'M. Impostor')),
      /parties\[0\]: "p-writer-a" belongs to package "pkg-test"; a package may name another package's parties but not change them \(name "Ada Writer" → "M. Impostor"\)/,
    );
    await expectRefused(
      impostor((m) => {
        delete m.parties[0]!.isni;
        delete m.parties[0]!.ipi;
      }),
      /\(isni "000000012146438X" → none, ipi "00123456790" → none\)/,
    );
    const recording = await callContract(services, 'catalog.recording', { id: 'r-test' });
    expect(recording.work.writers[0]).toMatchObject({ name: 'Ada Writer', isni: '000000012146438X', ipi: '00123456790' });
  });

  it('lets another package name the same party unchanged (a writer on two labels)', async () => {
    await importFrom(packageDir());
    expect((await importFrom(impostor(() => undefined))).status).toBe('imported');
    const other = await callContract(services, 'catalog.recording', { id: 'r-other' });
    expect(other.work.writers[0]!.name).toBe('Ada Writer');
  });
});

describe('signed packages: pinned on first import, continuity after', () => {
  const publisher = generateEd25519KeyPair();
  const attacker = generateEd25519KeyPair();

  it('round trip: create a key, sign, import (fingerprint shown and pinned), tamper, refuse', async () => {
    const dir = packageDir(() => undefined, 1, publisher.privateKeyPem);
    const summary = await importFrom(dir);
    expect(summary.signature).toEqual({ status: 'signed', fingerprint: keyFingerprint(publisher.publicKey), pin: 'new' });
    // Tampering with the signed manifest (a licence widened) breaks the signature of version 2.
    const v2 = packageDir(() => undefined, 2, publisher.privateKeyPem);
    const manifest = JSON.parse(fs.readFileSync(path.join(v2, 'manifest.json'), 'utf8'));
    manifest.licences[0].territories.include = ['WORLD', 'GB'];
    fs.writeFileSync(path.join(v2, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await expectRefused(v2, /^signature\.json: the signature does not match manifest\.json/);
    // A correctly signed version 2 updates, keeping the pin.
    expect((await importFrom(packageDir(() => undefined, 2, publisher.privateKeyPem))).signature.pin).toBe('kept');
  });

  it('refuses a takeover: the same package id, a newer version, signed by another key or unsigned', async () => {
    await importFrom(packageDir(() => undefined, 1, publisher.privateKeyPem));
    const takeover = (m: CatalogPackageInput) => {
      m.package.publisher = 'Other Records';
      m.licences = [];
    };
    await expectRefused(
      packageDir(takeover, 2, attacker.privateKeyPem),
      /^signature\.json: package "pkg-test" is signed by key [0-9a-f]{16}…, but this library trusts only key [0-9a-f]{16}… \(pinned 2026-11-24\) for it/,
    );
    await expectRefused(
      packageDir(takeover, 2),
      /^manifest\.json: package "pkg-test" was signed with key [0-9a-f]{16}… \(pinned 2026-11-24\); this version is unsigned/,
    );
    const recording = await callContract(services, 'catalog.recording', { id: 'r-test' });
    expect(recording.licences.map((l) => l.id)).toEqual(['L-M1', 'L-P1']);
  });

  it('refuses an unsigned package that changes hands, signed or not', async () => {
    await importFrom(packageDir());
    const takeover = (m: CatalogPackageInput) => {
      m.package.publisher = 'Other Records';
      m.licences = [];
    };
    await expectRefused(
      packageDir(takeover, 2),
      /published by "Test Records"; this version names "Other Records", and an unsigned package cannot change hands/,
    );
    await expectRefused(packageDir(takeover, 2, attacker.privateKeyPem), /cannot change hands/);
  });

  it('refuses malformed signature files with their field', async () => {
    const dir = packageDir();
    fs.writeFileSync(path.join(dir, 'signature.json'), '{"format":"stemroom-signature/1"}');
    await expectRefused(dir, /^signature\.json: signs: /);
    fs.writeFileSync(path.join(dir, 'signature.json'), 'not json');
    await expectRefused(dir, /^signature\.json: invalid JSON/);
    fs.rmSync(path.join(dir, 'signature.json'));
    fs.mkdirSync(path.join(dir, 'signature.json'));
    await expectRefused(dir, /^signature\.json: is not a regular file/);
  });
});
