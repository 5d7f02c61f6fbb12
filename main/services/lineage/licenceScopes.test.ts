import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { generateEd25519KeyPair } from '../../trust/ed25519';
import { libraryMetaQueries } from '../../db/libraryMetaQueries';
import { creatorLibrary, ownAudio, writeOriginal } from '../../../tests/fixtures/lineageFixtures';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { runCliCaptured } from '../../../tests/helpers/runCliCaptured';

/**
 * Scopes in a licence: the channel an export goes to, AI use, and the
 * licensor's signed approval of the exact revision. A licence without
 * scopes (stemroom-catalog/1) keeps its old meaning: every channel.
 */
const label = generateEd25519KeyPair();
const out = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'stemroom-scopes-'));
let services: StemroomServices;
let dataDir: string;
let databasePath: string;
let projectId: string;
let legacyProject: string;

const cli = (...args: string[]) => runCliCaptured([...args, '--data-dir', dataDir]);

/** The first JSON document a command printed (a refusal prints the reasons, then the error). */
const firstJson = (stdout: string) => JSON.parse(/^\{[\s\S]*?\n\}\n/.exec(stdout)![0]);

beforeAll(async () => {
  services = await creatorLibrary('Scoped Creator', out);
  dataDir = services.library.paths.dataDir;
  databasePath = services.library.paths.databasePath;
  libraryMetaQueries(services.library.db).set('demo_catalog', 'none');
  await callContract(services, 'catalog.import', {
    source: {
      path: writeOriginal(label.privateKeyPem, out, (m) => {
        m.licences![0]!.scopes = { channels: ['social-only', 'non-commercial'], approvalRequired: true };
      }),
    },
  });
  // The same song from a stemroom-catalog/1 package (no scopes): its ids renamed.
  await callContract(services, 'catalog.import', {
    source: {
      path: writeOriginal(generateEd25519KeyPair().privateKeyPem, out, (m, stems) => {
        ownAudio(m, stems);
        m.format = 'stemroom-catalog/1';
        m.package = { id: 'pkg-legacy', version: 1, title: 'Legacy', publisher: 'Legacy Records' };
        m.works[0]!.id = 'w-legacy';
        m.recordings[0]!.id = 'r-legacy';
        m.recordings[0]!.work = 'w-legacy';
        m.recordings[0]!.stems.forEach((s) => (s.id = `${s.id}-legacy`));
        m.licences!.forEach((l, i) => {
          Object.assign(l, { id: `L-legacy-${i}`, relicense: undefined, stemRules: [] });
          if (l.recording) l.recording = 'r-legacy';
          if (l.work) l.work = 'w-legacy';
        });
      }),
    },
  });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
  legacyProject = (await callContract(services, 'projects.create', { recordingId: 'r-legacy', kind: 'remix' })).id;
  services.close();
}, 120_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('licence scopes', () => {
  it('refuses a channel the licence does not name, an AI use it does not allow, and an export without the approval it requires', async () => {
    const streaming = await cli('export', projectId, '--out', path.join(out, 'streaming.wav'), '--json');
    expect(streaming.code).toBe(1);
    const refusal = firstJson(streaming.stdout);
    expect(refusal.reasons.map((r: { code: string }) => r.code)).toEqual(['channel-not-permitted', 'approval-missing']);
    expect(refusal.reasons[0].message).toBe(
      'Licence L-M1 of Test Records (for "Test Song") allows social media only, non-commercial use; this export is for streaming and download distribution.',
    );
    const training = firstJson(
      (await cli('export', projectId, '--out', path.join(out, 'ai.wav'), '--channel', 'social-only', '--ai-use', 'training', '--json')).stdout,
    );
    expect(training.reasons.map((r: { code: string }) => r.code)).toEqual(['ai-use-not-permitted', 'approval-missing', 'ai-use-not-permitted']);
    expect((await cli('export', projectId, '--channel', 'radio', '--out', path.join(out, 'x.wav'))).code).toBe(2);
  });

  it('a licence without scopes (stemroom-catalog/1) allows every channel and needs no approval', async () => {
    const sync = await cli(
      'export',
      legacyProject,
      '--out',
      path.join(out, 'legacy.wav'),
      '--channel',
      'sync-on-request',
      '--creator',
      'Scoped Creator',
      '--json',
    );
    expect(sync.code).toBe(0);
  });

  it("an approval signed by another key is refused (nothing kept); the licensor's approval of this revision and channel allows the export, and the record carries both", async () => {
    const request = path.join(out, 'request.json');
    expect((await cli('approval', 'request', projectId, '--licence', 'L-M1', '--channel', 'social-only', '--out', request)).code).toBe(0);
    const wrongKey = path.join(out, 'impostor.key');
    fs.writeFileSync(wrongKey, generateEd25519KeyPair().privateKeyPem);
    const forged = path.join(out, 'forged-approval.json');
    expect((await cli('approval', 'sign', request, '--key', wrongKey, '--out', forged)).code).toBe(0);
    const before = dumpDatabase(databasePath);
    const refused = await cli('approval', 'import', forged);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^stemroom: The approval is signed by key .*, but licence L-M1 is granted by package "pkg-test", signed by key .*\. Nothing was imported\.\n$/,
    );
    expect(dumpDatabase(databasePath)).toEqual(before);

    const labelKey = path.join(out, 'label.key');
    fs.writeFileSync(labelKey, label.privateKeyPem);
    const approval = path.join(out, 'approval.json');
    expect((await cli('approval', 'sign', request, '--key', labelKey, '--out', approval, '--valid-until', '2027-06-30')).code).toBe(0);
    const edited = JSON.parse(fs.readFileSync(approval, 'utf8'));
    fs.writeFileSync(path.join(out, 'edited.json'), JSON.stringify({ ...edited, channel: 'streaming-distribution' }));
    expect((await cli('approval', 'import', path.join(out, 'edited.json'))).stderr).toMatch(/signature does not verify/);
    // A channel named twice: a reader sees the first, JSON.parse keeps the last (the signed one).
    const signedText = fs.readFileSync(approval, 'utf8');
    fs.writeFileSync(path.join(out, 'doubled.json'), signedText.replace('{', '{"channel": "streaming-distribution",'));
    expect((await cli('approval', 'import', path.join(out, 'doubled.json'))).stderr).toBe(
      'stemroom: The approval is not valid JSON (member "channel" appears twice in one object). Nothing was imported.\n',
    );
    expect(dumpDatabase(databasePath)).toEqual(before);
    expect((await cli('approval', 'import', approval)).code).toBe(0);

    expect((await cli('export', projectId, '--out', path.join(out, 'still-streaming.wav'))).code).toBe(1);
    const allowed = await cli('export', projectId, '--out', path.join(out, 'social.wav'), '--channel', 'social-only', '--json');
    expect(allowed.code).toBe(0);
    const record = JSON.parse(fs.readFileSync(path.join(out, 'social.wav.credits.json'), 'utf8'));
    expect(record.decision).toMatchObject({ channel: 'social-only', approvals: [{ licence: 'L-M1', signature: edited.signature }] });
  });
});
