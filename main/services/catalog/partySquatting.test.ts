import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogPackageInput } from '../../../shared/catalog/catalogPackageSchema';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { tempDir } from '../../../tests/helpers/tempDir';
import { tone, wavBytes } from '../../../tests/helpers/writeWav';
import { callContract } from '../../cli/callContract';
import { StemroomServices } from '../StemroomServices';

/**
 * Review of issue 12 — party hijack by squatting. A party belongs to the
 * first package that delivered it; another package may name it unchanged.
 * So a shell package that declares a label's writer exactly as the label
 * does — imported first — owns that writer when the label's package
 * arrives, and its next version may rename the writer or swap their IPI:
 * every Test Song export then credits (and pays) the impostor.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

beforeEach(async () => {
  services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
});
afterEach(() => services.close());

const importFrom = (dir: string) => callContract(services, 'catalog.import', { source: { path: dir } });
const librarySnapshot = () => ({ db: dumpDatabase(services.library.paths.databasePath), store: snapshotDir(services.library.paths.storeDir) });

/** The shell: ids and audio of its own, but the label's parties declared exactly as the label declares them. */
function shell(version: number, change: (m: CatalogPackageInput) => void = () => undefined): string {
  const dir = tempDir();
  writePackage(
    dir,
    (m, stems) => {
      m.package = { id: 'pkg-shell', version, title: 'Shell', publisher: 'Shell Records' };
      m.works[0]!.id = 'w-shell';
      m.works[0]!.iswc = undefined;
      m.recordings[0]!.id = 'r-shell';
      m.recordings[0]!.work = 'w-shell';
      m.recordings[0]!.isrc = 'ZZ-SHL-26-00001';
      stems.forEach((s, i) => {
        s.bytes = wavBytes(tone(300 + 50 * i, 2), 48000);
        m.recordings[0]!.stems[i] = { ...m.recordings[0]!.stems[i]!, id: `${s.id}-shell`, sha256: sha256(s.bytes) };
      });
      m.licences = [];
      change(m);
    },
    version,
  );
  return dir;
}

describe('a party named by several packages', () => {
  it('cannot be renamed, or its IPI wiped, by the shell that happened to deliver it first', async () => {
    await importFrom(shell(1));
    const label = tempDir();
    writePackage(label);
    expect((await importFrom(label)).status).toBe('imported');
    const before = librarySnapshot();
    const error = await importFrom(
      shell(2, (m) => {
        m.parties[0] = { id: 'p-writer-a', name: 'Mallory', kind: 'person' };
      }),
    ).then(
      () => null,
      (e: Error) => e,
    );
    const writer = (await callContract(services, 'catalog.recording', { id: 'r-test' })).work.writers[0]!;
    expect(writer).toMatchObject({ name: 'Ada Writer', isni: '000000012146438X', ipi: '00123456790' });
    expect(error?.message).toMatch(/^manifest\.json: parties\[0\]: "p-writer-a" .* Nothing was imported\.$/);
    expect(librarySnapshot()).toEqual(before);
  });
});
