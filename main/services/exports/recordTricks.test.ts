import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callContract } from '../../cli/callContract';
import { attributionRecordSchema } from '../../../shared/rights/attributionRecord';
import { verifyRecordSignature } from '../../trust/recordSignature';
import { remixLibraryPerTest } from '../../../tests/fixtures/openTestLibrary';

/**
 * Review of issue 12 — records and the ledger against someone who edits
 * JSON by hand: members a canonical serialiser loses, duplicate keys, and a
 * ledger head copied back from a backup.
 */
const now = () => new Date('2026-11-24T12:00:00Z');
const lib = remixLibraryPerTest(now);

describe('nothing can be added to a signed record', () => {
  it('a "__proto__" member (which JSON.parse keeps as a member) is not dropped from what the signature covers', async () => {
    const summary = await lib.exportAs('song');
    const text = fs.readFileSync(summary.creditsPath, 'utf8');
    const added = text.replace(/^\{/, '{\n  "__proto__": { "creator": { "name": "Impostor", "role": "remixer" } },');
    const raw = JSON.parse(added) as object;
    expect(Object.keys(raw)).toContain('__proto__');
    // The embedded record is checked the same way: its signature must not cover a record without the added member.
    expect(verifyRecordSignature(attributionRecordSchema.parse(raw), raw).status).toBe('invalid');
    fs.writeFileSync(summary.creditsPath, added);
    expect((await lib.inspect(summary.path)).sidecar).toBe('differs');
  });

  // JSON.parse keeps the last of two equal keys while a reader of the text sees the first: records are parsed strictly.
  it('a credits.json with a duplicate key (a forged creator first, the signed one last) is refused as malformed', async () => {
    const summary = await lib.exportAs('song');
    const text = fs.readFileSync(summary.creditsPath, 'utf8');
    fs.writeFileSync(summary.creditsPath, text.replace(/^\{/, '{\n  "credits": ["Remix by Impostor. Written by Impostor."],'));
    const inspection = await lib.inspect(summary.path);
    expect(inspection.sidecar).toBe('malformed');
    expect(inspection.problems).toContain('song.wav.credits.json is not a valid attribution record.'.replace('song.wav', summary.path));
  });
});

describe('a ledger head copied back from a backup', () => {
  // A library rolled back whole (database and head file) is consistent with itself: that is restoring a backup, and no
  // local check can tell the two apart (docs/attribution-record.md, "What this does not protect against"). What catches
  // the rollback is every file exported since: each carries its signed ledger stamp, and the library no longer has it.
  it('passes ledger verify, but the export made after the backup names the entry the library lost', async () => {
    await lib.exportAs('a');
    const backup = fs.readFileSync(lib.services.library.paths.ledgerHeadPath);
    const b = await lib.exportAs('b');
    const db = new Database(lib.services.library.paths.databasePath);
    db.exec('DROP TRIGGER IF EXISTS ledger_no_update; DROP TRIGGER IF EXISTS ledger_no_delete; PRAGMA foreign_keys = OFF;');
    db.exec('DELETE FROM exports WHERE ledger_position = 2; DELETE FROM ledger WHERE position = 2');
    db.close();
    fs.writeFileSync(lib.services.library.paths.ledgerHeadPath, backup);
    expect(await callContract(lib.services, 'ledger.verify', {})).toMatchObject({ ok: true });
    const witness = await lib.inspect(b.path);
    expect(witness.signature).toMatchObject({ status: 'valid', byThisLibrary: true });
    expect(witness.ledger).toBe('absent');
    expect(witness.problems).toContain("This library's ledger has no entry for this export (exported elsewhere, or not by Stemroom).");
  });
});
