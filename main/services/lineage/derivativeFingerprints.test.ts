import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { defaultDemoCatalogDir } from '../demoCatalog';
import { generateEd25519KeyPair } from '../../trust/ed25519';
import { signPackageFolder } from '../../trust/packageSignature';
import { copyPackage, creatorLibrary, libraryKeyPem, lineageNow } from '../../../tests/fixtures/lineageFixtures';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';

/**
 * A derivative's stems carry its original's sound — that is what a remix
 * is — and the library recognises catalog sound by fingerprint. A library
 * that holds the original must still import the derivative (each stem
 * declares the upstream stems it contains, and the chain proves it), while
 * a stem that carries a stem it does not declare is still refused.
 * Real audio: Glass Orchard (38 s, 5 stems), re-licensable here.
 */
const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-derivative-fp-'));
let creator: StemroomServices;
let holder: StemroomServices;
let originalDir: string;
let packageDir: string;

beforeAll(async () => {
  originalDir = path.join(out, 'glass-orchard');
  fs.cpSync(path.join(defaultDemoCatalogDir()!, 'ember-lane-glass-orchard'), originalDir, { recursive: true });
  const manifestPath = path.join(originalDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.format = 'stemroom-catalog/2';
  for (const licence of manifest.licences) licence.relicense = ['remix'];
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  signPackageFolder(originalDir, generateEd25519KeyPair().privateKeyPem, lineageNow());

  [creator, holder] = await Promise.all([creatorLibrary('Orchard Flipper', out), creatorLibrary('Orchard Holder', out)]);
  await callContract(creator, 'catalog.import', { source: { path: originalDir } });
  const recordingId = manifest.recordings[0].id as string;
  const project = await callContract(creator, 'projects.create', { recordingId, kind: 'remix', name: 'Orchard flip' });
  const exported = await callContract(creator, 'exports.start', {
    projectId: project.id,
    path: path.join(out, 'orchard-flip.wav'),
    format: 'wav',
    bitDepth: 24,
    isrc: 'GB-ORC-26-00001',
  });
  packageDir = path.join(out, 'orchard-flip-package');
  await callContract(creator, 'lineage.publish', {
    exportId: exported.exportId,
    terms: { revenue: { master: 5000, publishing: 5000 } },
    stems: true,
    out: packageDir,
  });
  await callContract(holder, 'catalog.import', { source: { path: originalDir } });
}, 240_000);

afterAll(() => {
  creator?.close();
  holder?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe("a derivative's stems carry the original's sound", () => {
  it('a library holding the original imports the derivative with its stems', async () => {
    const before = dumpDatabase(holder.library.paths.databasePath);
    const result = await callContract(holder, 'catalog.import', { source: { path: packageDir } }).catch((e: Error) => e);
    expect(result).toMatchObject({ status: 'imported' });
    expect(dumpDatabase(holder.library.paths.databasePath)).not.toEqual(before);
  });

  it("a stem that carries an upstream stem it does not declare is refused — the creator's own key cannot launder it", async () => {
    // The creator swaps the drums track's stem for the original's lead vocal (re-encoded, as long as the stem), fixes its hash and signs again.
    const forged = copyPackage(packageDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(forged, 'manifest.json'), 'utf8'));
    const stems = manifest.recordings[0].stems as { name: string; file: string; sha256: string; contains: { stem: string }[] }[];
    const drums = stems.find((s) => s.contains.length === 1 && s.contains[0]!.stem === 'emb-go-drums')!;
    const seconds = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path.join(forged, drums.file)], {
      encoding: 'utf8',
    }).trim();
    const file = path.join(forged, drums.file);
    fs.rmSync(file);
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-i',
      path.join(originalDir, 'stems/emb-go-vocals.ogg'),
      '-af',
      'apad',
      '-t',
      seconds,
      '-ar',
      '48000',
      '-c:a',
      'flac',
      '-sample_fmt',
      's32',
      file,
    ]);
    drums.sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    fs.writeFileSync(path.join(forged, 'manifest.json'), JSON.stringify(manifest, null, 2));
    signPackageFolder(forged, libraryKeyPem(creator), lineageNow());

    const other = await creatorLibrary('Orchard Checker', out);
    try {
      await callContract(other, 'catalog.import', { source: { path: originalDir } });
      const state = () => ({ db: dumpDatabase(other.library.paths.databasePath), store: snapshotDir(other.library.paths.storeDir) });
      const before = state();
      const error = await callContract(other, 'catalog.import', { source: { path: forged } }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(
        new RegExp(
          `^manifest\\.json: recordings\\[0\\]\\.stems\\[${stems.indexOf(drums)}\\]\\.file: this audio is the stem "Lead vocal" of "Glass Orchard" \\(package "ember-lane-2026-01"\\), recognised by its fingerprint`,
        ),
      );
      expect(error!.message.split('\n')).toHaveLength(1);
      expect(state()).toEqual(before);
    } finally {
      other.close();
    }
  });
});
