import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import { ledgerQueries } from '../../db/ledgerQueries';
import { wavChunks, wavFile } from '../../media/encode/wavFile';
import { sortedKeysJson } from '../../../shared/rights/canonicalJson';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { exportTags } from './exportTags';
import { entryHash, sha256Hex } from './ledgerHash';
import { tempDir } from '../../../tests/helpers/tempDir';
import { writePackage } from '../../../tests/fixtures/writePackage';

describe('records made before RFC 8785', () => {
  it('a record without a canonicalization member (hashed with sorted keys) still matches its ledger entry; RFC 8785 records say so', async () => {
    const services = await StemroomServices.open(tempDir(), { demoCatalogDir: null, now: () => new Date('2026-11-24T12:00:00Z') });
    try {
      await callContract(services, 'settings.update', { creatorName: 'Tester' });
      const pkg = tempDir();
      writePackage(pkg);
      await callContract(services, 'catalog.import', { source: { path: pkg } });
      const project = await callContract(services, 'projects.create', { recordingId: 'r-test', kind: 'remix' });
      const out = tempDir();
      const current = await callContract(services, 'exports.start', { projectId: project.id, path: path.join(out, 'now.wav'), format: 'wav', bitDepth: 16 });
      const { record } = await callContract(services, 'exports.show', { exportId: current.exportId });
      expect(record.canonicalization).toBe('RFC8785');

      // The same export as an earlier Stemroom made it: no canonicalization member, its payload hashed
      // in the sorted-keys form — with integer-like names, where the two forms differ.
      // (Records from before RFC 8785 were not signed either: no signature, no library key.)
      const { ledger: _stamp, canonicalization: _scheme, signature: _signature, library: _library, ...payload } = record;
      const old = {
        ...payload,
        exportId: '01900000-0000-7000-8000-000000000001',
        licences: payload.licences.map((l) => ({ ...l, termsReliedOn: { ...(l.termsReliedOn as object), 10: 'ten', 9: 'nine' } })),
      };
      const payloadJson = sortedKeysJson(old);
      const ledger = ledgerQueries(services.library.db);
      const head = ledger.head()!;
      const position = head.position + 1;
      const payloadSha256 = sha256Hex(payloadJson);
      const stamped = {
        ...old,
        ledger: { position, previousHash: head.entryHash, payloadHash: payloadSha256, entryHash: entryHash(head.entryHash, payloadSha256) },
      } as AttributionRecord;
      const file = path.join(out, 'old.wav');
      const fmt = Buffer.from(wavChunks(fs.readFileSync(current.path)).get('fmt ')!);
      const data = Buffer.from(wavChunks(fs.readFileSync(current.path)).get('data')!);
      fs.writeFileSync(file, wavFile(data, fmt.readUInt16LE(2), fmt.readUInt32LE(4), 16, exportTags(stamped)));
      ledger.commit(
        {
          position,
          exportId: old.exportId,
          createdAt: old.createdAt,
          payloadJson,
          payloadSha256,
          previousHash: head.entryHash,
          entryHash: stamped.ledger!.entryHash,
        },
        {
          id: old.exportId,
          ledgerPosition: position,
          projectId: project.id,
          revision: 1,
          title: 'old',
          versionType: 'remix',
          format: 'wav',
          path: file,
          durationSec: 1,
          audioSha256: current.audioSha256,
          createdAt: old.createdAt,
          creator: 'Tester',
          isrc: null,
        },
        null,
      );

      const inspection = await callContract(services, 'exports.inspect', { source: { path: file } });
      expect(inspection).toMatchObject({
        hasRecord: true,
        audioMatches: true,
        ledger: 'matches',
        problems: [expect.stringMatching(/^The record is not signed/)],
      });
      expect(inspection.record!.canonicalization).toBeUndefined();
      expect(await callContract(services, 'ledger.verify', {})).toMatchObject({ ok: true, entries: 2 });
    } finally {
      services.close();
    }
  });
});
