import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordingSource } from '../../../shared/project/documentSchema';
import { sha256, writePackage } from '../../../tests/fixtures/writePackage';
import { dumpDatabase } from '../../../tests/helpers/dumpDatabase';
import { snapshotDir } from '../../../tests/helpers/snapshotDir';
import { tempDir } from '../../../tests/helpers/tempDir';
import { callContract } from '../../cli/callContract';
import { defaultDemoCatalogDir } from '../demoCatalog';
import type { StemroomServices } from '../StemroomServices';
import { openTestLibrary } from '../../../tests/fixtures/openTestLibrary';
import { takeOnNewTrack } from '../../../tests/fixtures/sampleDocument';

/**
 * Review of issue 12 — licence laundering through the catalog itself. An
 * adversarial creator (or a rights holder pirating another label) writes a
 * "shell" package of their own whose stem is Night Ferry's vocal (its remix
 * licence expired, its publishing licence forbids remixes) and grants it
 * every use. Ids are all new, so no id check fires; nothing compares a new
 * stem's audio with the stems other packages delivered.
 */
const ferryDir = path.join(defaultDemoCatalogDir()!, 'saltmarsh-night-ferry');
const ferryVocalFile = path.join(ferryDir, 'stems/slt-nf-vocals.ogg');
const now = () => new Date('2026-11-24T12:00:00Z');
let services: StemroomServices;

beforeEach(async () => {
  services = await openTestLibrary({ creatorName: 'DJ Mallory', territory: 'GB' }, now);
  await callContract(services, 'catalog.import', { source: { path: ferryDir } });
}, 60_000);
afterEach(() => services.close());

const librarySnapshot = () => ({ db: dumpDatabase(services.library.paths.databasePath), store: snapshotDir(services.library.paths.storeDir) });

/** A package of the attacker's own (new ids, permissive licences) whose one stem is `audio`; `a-vox` sorts before `slt-nf-vocals`. */
function shellPackage(audio: Buffer, extension: string): string {
  const dir = tempDir();
  writePackage(dir, (m, stems) => {
    m.package = { id: 'aa-shell', version: 1, title: 'Shell stems', publisher: 'Shell Records' };
    m.parties = m.parties.map((p) => ({ ...p, id: `${p.id}-shell`, isni: undefined, ipi: undefined }));
    m.works[0] = {
      ...m.works[0]!,
      id: 'w-shell',
      title: 'Shell Song',
      iswc: undefined,
      writers: [{ party: 'p-writer-a-shell', role: 'composer', shareBp: 10000 }],
      publishers: [{ party: 'p-pub-shell', shareBp: 10000 }],
    };
    const file = `stems/a-vox.${extension}`;
    stems.splice(0, stems.length, { id: 'a-vox', name: 'Vocal', kind: 'vocals', file, bytes: audio });
    m.recordings[0] = {
      ...m.recordings[0]!,
      id: 'r-shell',
      work: 'w-shell',
      title: 'Shell Song',
      isrc: 'ZZ-SHL-26-00001',
      durationMs: 40000,
      masterOwners: [{ party: 'p-label-shell', shareBp: 10000 }],
      credits: [],
      stems: [{ id: 'a-vox', name: 'Vocal', kind: 'vocals', file, sha256: sha256(audio) }],
    };
    m.licences = m.licences!.map((l) => ({
      ...l,
      id: `${l.id}-shell`,
      licensor: l.type === 'master' ? 'p-label-shell' : 'p-pub-shell',
      ...(l.type === 'master' ? { recording: 'r-shell' } : { work: 'w-shell' }),
      revenue: { rightsHolderShareBp: 0 },
    }));
  });
  return dir;
}

function ffmpeg(input: string, args: string[], extension: string): Buffer {
  const out = path.join(tempDir(), `disguised.${extension}`);
  execFileSync('ffmpeg', ['-v', 'error', '-i', input, ...args, out]);
  return fs.readFileSync(out);
}

async function importRefused(dir: string): Promise<string> {
  const before = librarySnapshot();
  const error = await callContract(services, 'catalog.import', { source: { path: dir } }).then(
    () => null,
    (e: Error) => e,
  );
  if (error) {
    expect(error.message.split('\n')).toHaveLength(1);
    expect(librarySnapshot()).toEqual(before);
  }
  return error?.message ?? 'imported';
}

const take = (sha: string): RecordingSource => ({
  id: 'src-take',
  type: 'recording',
  sha256: sha,
  name: 'My vocal take',
  bpm: 120,
  durationSec: 40,
  sampleRate: 44100,
  recordedAt: now().toISOString(),
});

describe('a package may not deliver audio another package delivered', () => {
  it("refuses a shell package whose stem is the same bytes as Night Ferry's vocal", async () => {
    const message = await importRefused(shellPackage(fs.readFileSync(ferryVocalFile), 'ogg'));
    expect(message).toMatch(
      /^manifest\.json: recordings\[0\]\.stems\[0\]\.sha256: this audio is already the stem "Lead vocal" of "Night Ferry" \(package "saltmarsh-2025-07"\)/,
    );
  });

  it("refuses a shell package whose stem is Night Ferry's vocal re-encoded (the same sound)", async () => {
    const disguised = ffmpeg(ferryVocalFile, ['-af', 'volume=-3dB', '-ar', '48000', '-c:a', 'flac'], 'flac');
    const message = await importRefused(shellPackage(disguised, 'flac'));
    expect(message).toMatch(
      /^manifest\.json: recordings\[0\]\.stems\[0\]\.file: this audio is the stem "Lead vocal" of "Night Ferry" \(package "saltmarsh-2025-07"\), recognised by its fingerprint/,
    );
  });

  it("an own take with Night Ferry's vocal bytes stays Night Ferry's vocal once a shell package exists (export refused)", async () => {
    const vocal = fs.readFileSync(ferryVocalFile);
    await callContract(services, 'catalog.import', { source: { path: shellPackage(vocal, 'ogg') } }).catch(() => undefined);
    const stored = await services.userAudio.put(vocal, 'My vocal take');
    const { id } = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
    await callContract(services, 'projects.edit', {
      projectId: id,
      commands: takeOnNewTrack(take(stored.sha256), 4),
    });
    const check = await callContract(services, 'exports.check', { projectId: id });
    expect(check.allowed).toBe(false);
    expect(check.reasons.map((r) => r.message).join(' ')).toMatch(/Night Ferry|HLM-P-0815/);
  });
});
