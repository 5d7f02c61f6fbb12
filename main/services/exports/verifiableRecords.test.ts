import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { tempDir } from '../../../tests/helpers/tempDir';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import { entryHash, GENESIS_HASH, sha256Hex } from './ledgerHash';
import { verifyBytes } from '../../trust/ed25519';
import { recordSigningBytes } from '../../trust/recordSignature';
import { remixLibraryPerTest } from '../../../tests/fixtures/openTestLibrary';

const now = () => new Date('2026-11-24T12:00:00Z');
const lib = remixLibraryPerTest(now);
const verify = () => callContract(lib.services, 'ledger.verify', {});

/** The attacker's tools: raw SQL on the library with the append-only triggers dropped. */
function tamper(sql: (db: Database.Database) => void) {
  const db = new Database(lib.services.library.paths.databasePath);
  db.exec('DROP TRIGGER IF EXISTS ledger_no_update; DROP TRIGGER IF EXISTS ledger_no_delete; PRAGMA foreign_keys = OFF;');
  sql(db);
  db.close();
}

describe('the ledger sees its own tail (signed head kept outside the database)', () => {
  beforeEach(async () => {
    for (const name of ['a', 'b', 'c']) await lib.exportAs(name);
    expect(await verify()).toMatchObject({ ok: true, entries: 3, signedHead: { position: 3 } });
  });

  it('catches a deleted newest entry, and pauses exports', async () => {
    tamper((db) => db.exec('DELETE FROM exports WHERE ledger_position = 3; DELETE FROM ledger WHERE position = 3'));
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadPosition: 3,
      problem: expect.stringMatching(/^Entry 3 is missing: the ledger ends at entry 2, but its signed head \(signed .*\) says 3\. Its tail was deleted\.$/),
    });
    await expect(lib.exportAs('d')).rejects.toThrow(
      /^The ledger does not match its signed head: its signed head names entry 3, which the ledger no longer has \(its tail was deleted\)\. Exports are paused/,
    );
    expect(fs.readdirSync(lib.out).sort()).toEqual(['a.wav', 'a.wav.credits.json', 'b.wav', 'b.wav.credits.json', 'c.wav', 'c.wav.credits.json']);
  });

  it('catches a deleted ledger', async () => {
    tamper((db) => db.exec('DELETE FROM exports; DELETE FROM ledger'));
    expect(await verify()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^The ledger is empty, but its signed head .* says it had 3 entries: the ledger was deleted\.$/),
    });
  });

  it('catches a chain rewritten with recomputed hashes (entry 2 altered, everything after re-chained)', async () => {
    tamper((db) => {
      const rows = db.prepare('SELECT position, payload_json AS payloadJson FROM ledger ORDER BY position').all() as {
        position: number;
        payloadJson: string;
      }[];
      let previous = GENESIS_HASH;
      for (const row of rows) {
        const payload = row.position === 2 ? row.payloadJson.replace('"name":"Tester"', '"name":"Impostor"') : row.payloadJson;
        const payloadSha = sha256Hex(payload);
        const hash = entryHash(previous, payloadSha);
        db.prepare('UPDATE ledger SET payload_json = ?, payload_sha256 = ?, previous_hash = ?, entry_hash = ? WHERE position = ?').run(
          payload,
          payloadSha,
          previous,
          hash,
          row.position,
        );
        previous = hash;
      }
    });
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadPosition: 3,
      problem: expect.stringMatching(/^Entry 3's hash is [0-9a-f]{16}…, but its signed head .* says [0-9a-f]{16}…: the chain was rewritten\.$/),
    });
    // The export made before the rewrite carries its own signed stamp, which the rewritten ledger no longer matches.
    expect((await lib.inspect(path.join(lib.out, 'b.wav'))).ledger).toBe('differs');
  });

  it('catches a deleted or edited ledger-head.json', async () => {
    const head = lib.services.library.paths.ledgerHeadPath;
    const text = fs.readFileSync(head, 'utf8');
    fs.writeFileSync(head, text.replace('"position": 3', '"position": 2'));
    expect(await verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/signature does not verify \(it was edited\)/) });
    fs.rmSync(head);
    expect(await verify()).toMatchObject({ ok: false, problem: 'The signed ledger head (ledger-head.json) is missing, so a deleted tail could not be seen.' });
  });
});

describe('records anyone can verify', () => {
  it('signs every record; the signature verifies with nothing but the public key it carries', async () => {
    const summary = await lib.exportAs('song');
    const record = JSON.parse(fs.readFileSync(summary.creditsPath, 'utf8'));
    expect(record.library.publicKey).toBe(lib.services.library.key.publicKey);
    expect(verifyBytes(record.library.publicKey, recordSigningBytes(record), record.signature.value)).toBe(true);
    // What docs/attribution-record.md tells a third party to do, with Node alone.
    const { signature, ...signed } = record;
    expect(verifyBytes(record.library.publicKey, Buffer.from(canonicalJson(signed)), signature.value)).toBe(true);
    const inspection = await lib.inspect(summary.path);
    expect(inspection).toMatchObject({
      signature: { status: 'valid', byThisLibrary: true },
      sidecar: 'matches',
      tags: [],
      audioMatches: true,
      ledger: 'matches',
      problems: [],
    });
    expect((await callContract(lib.services, 'exports.show', { exportId: summary.exportId })).record).toEqual(record);
  });

  it('catches an edited credits.json beside the file, and an added member anywhere', async () => {
    const summary = await lib.exportAs('song');
    const record = JSON.parse(fs.readFileSync(summary.creditsPath, 'utf8'));
    fs.writeFileSync(summary.creditsPath, JSON.stringify({ ...record, creator: { ...record.creator, name: 'Impostor' } }));
    expect(await lib.inspect(summary.path)).toMatchObject({
      sidecar: 'differs',
      problems: [expect.stringMatching(/song\.wav\.credits\.json differs from the record embedded in the file/)],
    });
    fs.writeFileSync(summary.creditsPath, JSON.stringify({ ...record, bonus: 'unsigned claim' }));
    expect((await lib.inspect(summary.path)).sidecar).toBe('differs');
  });

  it('catches a record altered inside the file (signature), with no ledger needed', async () => {
    const summary = await lib.exportAs('song', 'flac');
    const bytes = fs.readFileSync(summary.path);
    // Same length, so the FLAC stays readable: one writer's name changed in the embedded record.
    const altered = Buffer.from(bytes.toString('latin1').replace(/Ada Writer/g, 'Ada Wrytar'), 'latin1');
    fs.writeFileSync(summary.path, altered);
    lib.services.close();
    const elsewhere = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now });
    const inspection = await callContract(elsewhere, 'exports.inspect', { source: { path: summary.path } });
    elsewhere.close();
    expect(inspection.signature).toMatchObject({ status: 'invalid', byThisLibrary: false });
    expect(inspection.problems).toContain("The record's signature does not verify: the record was altered after it was signed.");
  });

  it('reports display tags that disagree with the record (artist changed in a tag editor)', async () => {
    const summary = await lib.exportAs('song', 'mp3');
    const bytes = fs.readFileSync(summary.path);
    const artist = Buffer.from('The Testers');
    const at = bytes.indexOf(Buffer.concat([Buffer.from('TPE1'), Buffer.alloc(0)]));
    const value = bytes.indexOf(artist, at);
    Buffer.from('The Fakers!').copy(bytes, value);
    fs.writeFileSync(summary.path, bytes);
    const inspection = await lib.inspect(summary.path);
    expect(inspection.tags).toEqual([{ tag: 'artist', found: 'The Fakers!', expected: 'The Testers' }]);
    expect(inspection.problems).toContain('The artist tag says "The Fakers!", but the record says "The Testers".');
  });

  it('finds the export by its audio when the tags were stripped (ffmpeg -c copy)', async () => {
    const summary = await lib.exportAs('song', 'wav');
    const stripped = path.join(lib.out, 'stripped.wav');
    execFileSync('ffmpeg', ['-v', 'error', '-i', summary.path, '-map_metadata', '-1', '-fflags', '+bitexact', '-c', 'copy', stripped]);
    const inspection = await lib.inspect(stripped);
    expect(inspection).toMatchObject({ hasRecord: false, exportId: summary.exportId, foundByAudio: { exportId: summary.exportId, ledgerPosition: 1 } });
  });
});
