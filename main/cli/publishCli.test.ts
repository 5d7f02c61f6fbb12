import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callContract } from './callContract';
import { generateEd25519KeyPair } from '../trust/ed25519';
import { libraryMetaQueries } from '../db/libraryMetaQueries';
import { creatorLibrary, termsFile, writeOriginal } from '../../tests/fixtures/lineageFixtures';
import { runCliCaptured } from '../../tests/helpers/runCliCaptured';

const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-publish-cli-'));
let dataDir: string;
let exportId: string;

const cli = (...args: string[]) => runCliCaptured([...args, '--data-dir', dataDir]);

beforeAll(async () => {
  const services = await creatorLibrary('Cli Creator', out);
  dataDir = services.library.paths.dataDir;
  libraryMetaQueries(services.library.db).set('demo_catalog', 'none');
  await callContract(services, 'catalog.import', { source: { path: writeOriginal(generateEd25519KeyPair().privateKeyPem, out) } });
  const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: 'Cli flip' });
  exportId = (
    await callContract(services, 'exports.start', { projectId: project.id, path: path.join(out, 'cli.flac'), format: 'flac', isrc: 'GB-CLI-26-00001' })
  ).exportId;
  services.close();
}, 120_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

it('stemroom publish: wider terms refused in one line naming the upstream rule (nothing written); within the bound, a signed package; lineage prints the tree', async () => {
  const wide = await cli(
    'publish',
    exportId,
    '--terms',
    termsFile({ validUntil: '2030-01-01', revenue: { master: 5000, publishing: 5000 } }),
    '--out',
    path.join(out, 'wide'),
  );
  expect(wide.code).toBe(1);
  expect(wide.stderr).toMatch(
    /^stemroom: publish refused: The terms are refused: validUntil: 2030-01-01 is after licence L-M1 of Test Records \(for "Test Song"\) ends \(2027-12-31\)/,
  );
  expect(wide.stderr.trim().split('\n')).toHaveLength(1);
  expect(fs.existsSync(path.join(out, 'wide'))).toBe(false);
  expect((await cli('publish', exportId, '--out', path.join(out, 'x'))).code).toBe(2);

  const ok = await cli(
    'publish',
    exportId,
    '--terms',
    termsFile({ revenue: { master: 5000, publishing: 5000 } }),
    '--stems',
    '--out',
    path.join(out, 'cli-package'),
  );
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(
    /^Published .*cli-package \(package drv-.*\), signed with key [0-9a-f ]+\.\nStems: Mix, Drums, Bass, Lead vocal \(they sum to the mix: residual -\d+(\.\d)? dBFS\); 1 ancestor package carried\./,
  );
  expect(fs.existsSync(path.join(out, 'cli-package', 'signature.json'))).toBe(true);

  const tree = await cli('lineage', 'r-test');
  expect(tree.stdout).toMatch(/▶ Test Song — original by The Testers/);
  expect(tree.stdout).toMatch(/ {2}Cli flip — export by Cli Creator \(from Test Song\)/);
  expect(tree.stdout).toMatch(/master: Test Records 70\.00 %, Cli Creator 30\.00 %/);
});
