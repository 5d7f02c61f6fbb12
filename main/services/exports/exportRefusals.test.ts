import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogPackageInput } from '../../../shared/catalog/catalogPackageSchema';
import type { Command } from '../../../shared/project/commandSchema';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { ServiceError } from '../ServiceError';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { writePackage } from '../../../tests/fixtures/writePackage';

let clock = new Date('2026-06-01T12:00:00Z');
let services: StemroomServices;
let out: string;

beforeEach(async () => {
  clock = new Date('2026-06-01T12:00:00Z');
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now: () => clock });
  await callContract(services, 'settings.update', { creatorName: 'Tester', territory: 'GB' });
  const v1 = tempDir();
  writePackage(v1);
  await callContract(services, 'catalog.import', { source: { path: v1 } });
  out = tempDir();
  return () => services.close();
});

/** Re-delivers the package as version 2 with licence changes (a revoked, narrowed or expired licence). */
async function redeliver(change: (m: CatalogPackageInput) => void) {
  const v2 = tempDir();
  writePackage(v2, (m) => change(m), 2);
  await callContract(services, 'catalog.import', { source: { path: v2 } });
}

async function expectRefused(projectId: string, message: RegExp, options: { territory?: string } = {}) {
  services.projects.flushAll(); // pending edits are saved first, by design; the export itself must write nothing
  const before = {
    db: dumpDatabase(services.library.paths.databasePath),
    out: snapshotDir(out),
    data: snapshotDir(path.join(services.library.paths.dataDir, 'store')),
  };
  let error: unknown;
  try {
    await callContract(services, 'exports.start', { projectId, path: path.join(out, 'export.wav'), format: 'wav', ...options });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe('refused');
  const reasons = ((error as ServiceError).details as { reasons: { message: string; fix: string }[] }).reasons;
  expect(reasons.map((r) => r.message).join(' | ')).toMatch(message);
  expect(reasons.every((r) => r.fix.length > 0)).toBe(true);
  // Nothing rendered or written: no file, no ledger entry, no export row.
  expect({
    db: dumpDatabase(services.library.paths.databasePath),
    out: snapshotDir(out),
    data: snapshotDir(path.join(services.library.paths.dataDir, 'store')),
  }).toEqual(before);
  expect(fs.readdirSync(out)).toEqual([]);
}

const create = (kind: 'remix' | 'cover') => callContract(services, 'projects.create', { recordingId: 'r-test', kind }).then((p) => p.id);
const edit = (projectId: string, ...commands: Command[]) => callContract(services, 'projects.edit', { projectId, commands });

describe('export refusals: each licence rule refuses with its reason and writes nothing', () => {
  it('remix not permitted', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.uses = ['cover']));
    await expectRefused(id, /Licence L-M1 does not permit remixes\./);
  });

  it('cover not permitted', async () => {
    const id = await create('cover');
    await redeliver((m) => (m.licences![1]!.uses = ['remix']));
    await expectRefused(id, /Licence L-P1 does not permit covers\./);
  });

  it('stem not usable', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.stemRules = [{ stem: 's-vox', rule: 'not-usable' }]));
    await expectRefused(id, /The vocals stem "Lead vocal" of "Test Song" may not be used in remixes \(licence L-M1\)\./);
  });

  it('no pitch shift', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.stemRules = [{ stem: 's-bass', rule: 'no-pitch-shift' }]));
    await edit(id, { type: 'setKey', key: 'B minor' });
    await expectRefused(id, /The stem "Bass" of "Test Song" may not be pitch-shifted \(licence L-M1\)\./);
  });

  it('territory excluded', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![1]!.territories = { include: ['WORLD'], exclude: ['DE'] }));
    await expectRefused(id, /Remixes are not allowed in Germany \(DE\) under licence L-P1\./, { territory: 'DE' });
  });

  it('not yet valid', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.validFrom = '2026-09-01'));
    await expectRefused(id, /Licence L-M1 is not valid until 1 Sep 2026\./);
  });

  it('expired', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.validUntil = '2026-06-30'));
    clock = new Date('2026-07-01T12:00:00Z');
    await expectRefused(id, /Licence L-M1 expired on 30 Jun 2026\./);
  });

  it('missing publishing licence for a cover', async () => {
    const id = await create('cover');
    await redeliver((m) => (m.licences = m.licences!.filter((l) => l.type !== 'publishing')));
    await expectRefused(id, /There is no publishing licence for the composition "Test Song"\./);
  });

  it('master audio in a cover without a master licence', async () => {
    const id = await create('cover');
    await redeliver((m) => (m.licences = m.licences!.filter((l) => l.type !== 'master')));
    await expectRefused(id, /There is no master licence for "Test Song", so its audio may not be used in covers\./);
  });

  it('the same projects export once the reason is fixed (muting the forbidden track)', async () => {
    const id = await create('remix');
    await redeliver((m) => (m.licences![0]!.stemRules = [{ stem: 's-vox', rule: 'not-usable' }]));
    await edit(id, { type: 'updateTrack', trackId: 'trk-s-vox', changes: { mute: true } });
    const summary = await callContract(services, 'exports.start', { projectId: id, path: path.join(out, 'ok.wav'), format: 'wav' });
    expect(fs.existsSync(summary.path)).toBe(true);
    const record = (await callContract(services, 'exports.show', { exportId: summary.exportId })).record;
    expect(record.sources[0]!.stems.map((s) => s.id)).toEqual(['s-drums', 's-bass']);
    expect(record.decision.rulesEvaluated.join(' ')).toMatch(/Master licence for "Test Song" permitting remixes/);
  });
});
