import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { zipBytes } from '../../../tests/helpers/writeZip';
import { writePackage } from '../../../tests/fixtures/writePackage';
import { sampleDocument } from '../../../tests/fixtures/sampleDocument';

/**
 * Project files and edits cannot smuggle in text a terminal would obey or
 * that a lenient decoder would rewrite: each is refused with one line,
 * the library byte for byte as it was.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;
let projectId: string;

beforeEach(async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
  const pkg = tempDir();
  writePackage(pkg);
  await callContract(services, 'catalog.import', { source: { path: pkg } });
  projectId = (await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' })).id;
  services.projects.flushAll();
});
afterEach(() => services.close());

const snapshot = () => ({
  db: dumpDatabase(services.library.paths.databasePath),
  store: snapshotDir(services.library.paths.storeDir),
  tmp: snapshotDir(services.library.paths.tmpDir),
});

async function expectRefused(call: () => Promise<unknown>, reason: RegExp) {
  const before = snapshot();
  const error = (await call().then(
    () => null,
    (e: Error) => e,
  ))!;
  expect(error, 'refused').not.toBeNull();
  expect(error.message).toMatch(reason);
  expect(error.message).not.toContain('\n');
  services.projects.flushAll();
  expect(snapshot()).toEqual(before);
}

describe('.stemroom files', () => {
  const fileOf = (projectJson: Buffer) => {
    const file = path.join(tempDir(), 'crafted.stemroom');
    fs.writeFileSync(file, zipBytes([{ name: 'project.json', data: projectJson }]));
    return file;
  };
  const projectJson = (document: unknown) =>
    Buffer.from(JSON.stringify({ format: 'stemroom-project/1', exportedAt: 'x', appVersion: '0.1.0', document, catalog: [], audio: [] }));
  const importFile = (file: string) => () => callContract(services, 'projects.importFile', { source: { path: file } });

  it('refuses invalid UTF-8 in project.json rather than replacing it', async () => {
    const json = projectJson(sampleDocument());
    const at = json.indexOf('"name"') + 9;
    json[at] = 0xff;
    await expectRefused(importFile(fileOf(json)), new RegExp(`^project\\.json: is not valid UTF-8 \\(byte ${at}\\)\\. Nothing was imported\\.$`));
  });

  it('refuses a project name carrying an escape sequence', async () => {
    await expectRefused(
      importFile(fileOf(projectJson({ ...sampleDocument(), name: 'Remix\u001b]0;pwned\u0007' }))),
      /the project name contains U\+001B \(ESC\)/,
    );
  });

  it('refuses a track name with a bidirectional override', async () => {
    const document = sampleDocument();
    document.tracks[0]!.name = 'Vox \u202e3pm.exe';
    await expectRefused(importFile(fileOf(projectJson(document))), /track "[^"]+" name contains U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/);
  });
});

describe('edits and requests', () => {
  it('refuses a rename to a name with control characters', async () => {
    await expectRefused(
      () => callContract(services, 'projects.edit', { projectId, commands: [{ type: 'rename', name: 'a\rb' }] }),
      /the project name contains U\+000D \(CR\)/,
    );
  });

  it('refuses such a name when creating, duplicating or exporting', async () => {
    await expectRefused(
      () => callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix', name: '\u001b[31mred' }),
      /name: contains U\+001B \(ESC\)/,
    );
    await expectRefused(() => callContract(services, 'projects.duplicate', { projectId, name: 'x\u2067y' }), /name: contains U\+2067/);
    await expectRefused(
      () => callContract(services, 'exports.start', { projectId, format: 'wav', creator: 'DJ \u001b[2J' }),
      /creator: contains U\+001B \(ESC\)/,
    );
    await expectRefused(() => callContract(services, 'settings.update', { creatorName: 'Ada\u0085' }), /creatorName: contains U\+0085/);
  });
});
