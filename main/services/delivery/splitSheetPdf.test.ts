import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { largestRemainder } from '../../../shared/rights/largestRemainder';
import { splitSheetPdf } from './splitSheetPdf';
import { tempDir } from '../../../tests/helpers/tempDir';

const LONG = 'Maximiliana Konstantinopoulou-Vanderbilt de la Fuente y Hohenzollern-Sigmaringen';

/** A record with many parties and very long names: what the layout must still fit on one page. */
function crowdedRecord(writers: number): AttributionRecord {
  const names = Array.from({ length: writers }, (_, i) => (i === 0 ? LONG : `Writer Number ${i + 1} Of The Collective`));
  const writerShares = largestRemainder(
    names.map(() => 1),
    5000,
  );
  const party = (name: string, i: number, role: string, shareBp: number) => ({
    partyId: `p-${role}-${i}`,
    name,
    role,
    shareBp,
    ipi: String(100000000 + i).padStart(11, '0'),
    isni: `000000012345678${i % 10}`,
  });
  return {
    schema: 'stemroom-attribution/1',
    canonicalization: 'RFC8785',
    exportId: '01900000-0000-7000-8000-000000000042',
    createdAt: '2026-11-24T12:00:00.000Z',
    app: { name: 'Stemroom', version: '0.1.0' },
    project: { id: 'p', name: 'n', revision: 1, revisionSha256: 'a'.repeat(64) },
    output: {
      title: `${LONG} — the extended club remix with a title long enough to wrap`,
      versionType: 'remix',
      format: 'wav',
      bitDepth: 24,
      sampleRate: 48000,
      channels: 2,
      durationSec: 241.5,
      audioSha256: 'b'.repeat(64),
      loudness: { integratedLufs: -14, truePeakDbtp: -1.2, normalizedTo: -14, targetReached: true, ceilingDbtp: -1 },
    },
    creator: { name: 'DJ Ünïcödé Ελληνικά Кириллица', role: 'remixer' },
    sources: [
      {
        recording: { id: 'r', title: 'A Song', isrc: 'ZZEMB2600017', displayArtist: LONG, label: 'Label', packageId: 'pkg' },
        work: {
          id: 'w',
          title: 'A Song',
          iswc: 'T3174520964',
          writers: names.map((n, i) => party(n, i, 'composer', writerShares[i]!)),
          publishers: [party('Publisher', 0, 'publisher', 10000)],
        },
        masterOwners: [party('Label', 0, 'master owner', 10000)],
        stems: [],
        audibleSeconds: 241.5,
      },
    ],
    ownRecordings: [],
    licences: [{ id: 'L-M', licensor: 'Label', type: 'master', termsReliedOn: {}, creditText: 'Credit.' }],
    splits: {
      master: [party('Label', 0, 'master owner', 6000), party('DJ Ünïcödé Ελληνικά Кириллица', 1, 'remixer', 4000)],
      publishing: [party('Publisher', 0, 'publisher', 5000), ...names.map((n, i) => party(n, i, 'composer & lyricist', writerShares[i]!))],
      basis: ['Sources share by seconds heard.'],
    },
    decision: { allowed: true, territory: 'GB', date: '2026-11-24', rulesEvaluated: [] },
    credits: [],
    ledger: { position: 7, previousHash: 'c'.repeat(64), payloadHash: 'd'.repeat(64), entryHash: 'e'.repeat(64) },
  } as AttributionRecord;
}

describe('splitSheetPdf', () => {
  it.each([3, 28])('%i writers with very long names: one page, every name whole (wrapped, not cut), Greek and Cyrillic drawn', async (writers) => {
    const record = crowdedRecord(writers);
    const file = path.join(tempDir(), 'sheet.pdf');
    fs.writeFileSync(file, await splitSheetPdf(record, 'Crowded (delivery)'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split(/\s+/);
    for (const word of LONG.split(' ')) expect(words).toContain(word);
    expect(words).toContain('Ελληνικά');
    expect(words).toContain('Кириллица');
    expect(words.filter((w) => w === 'Total')).toHaveLength(2);
    expect(words.join(' ')).not.toContain('?'); // DejaVu has every character here
    fs.mkdirSync('test-artifacts', { recursive: true });
    execFileSync('pdftoppm', ['-r', '90', '-png', '-singlefile', file, `test-artifacts/split-sheet-${writers}-writers`]);
  });

  it('is the same bytes for the same record (its dates are the export’s)', async () => {
    const record = crowdedRecord(3);
    expect(Buffer.from(await splitSheetPdf(record, 'x')).equals(Buffer.from(await splitSheetPdf(record, 'x')))).toBe(true);
  });
});
