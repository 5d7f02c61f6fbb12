import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StemroomServices } from '../StemroomServices';
import { callContract } from '../../cli/callContract';
import type { ExportSummary } from '../../../shared/contract/exportsContract';
import { tempDir } from '../../../tests/helpers/tempDir';

let services: StemroomServices;
let root: string;
let summary: ExportSummary;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stemroom-bundle-'));
  services = await StemroomServices.open(path.join(root, 'data'), { now: () => new Date('2026-11-24T12:00:00Z') });
  await callContract(services, 'settings.update', { creatorName: 'DJ Lantern', territory: 'GB' });
  const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' });
  fs.mkdirSync(path.join(root, 'out'));
  summary = await callContract(services, 'exports.start', {
    projectId: project.id,
    path: path.join(root, 'out', 'Orchard flip.flac'),
    format: 'flac',
    bitDepth: 16,
    isrc: 'GB-XYZ-26-00042',
    bundle: 'folder',
  });
}, 120_000);
afterAll(() => {
  services.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const inspect = (file: string) => callContract(services, 'exports.inspect', { source: { path: file } });

describe('delivery bundle', () => {
  it('export --bundle writes the audio, credits.json, each licence in words, the ledger proof and the split sheet; inspect verifies all of it', async () => {
    expect(summary.bundlePath).toBe(path.join(root, 'out', 'Orchard flip (delivery)'));
    const files = fs.readdirSync(summary.bundlePath!).sort();
    expect(files).toEqual(['Orchard flip.flac', 'README.txt', 'credits.json', 'ledger-proof.json', 'licences', 'split-sheet.pdf']);
    expect(fs.readdirSync(path.join(summary.bundlePath!, 'licences')).sort()).toEqual(['EMB-M-0017.txt', 'NLS-P-2291.txt']);
    expect(fs.readFileSync(path.join(summary.bundlePath!, 'licences', 'EMB-M-0017.txt'), 'utf8')).toMatch(
      /Remix, cover and sampling allowed worldwide until 31 Dec 2027\. Rights holders receive 60 % of the derivative's master revenue\./,
    );
    expect(fs.readFileSync(path.join(summary.bundlePath!, 'Orchard flip.flac')).equals(fs.readFileSync(summary.path))).toBe(true);

    const inspection = await inspect(summary.bundlePath!);
    expect(inspection).toMatchObject({
      exportId: summary.exportId,
      hasRecord: true,
      audioMatches: true,
      ledger: 'matches',
      signature: { status: 'valid' },
      problems: [],
    });
    expect(inspection.bundle).toEqual({
      files: expect.arrayContaining(['credits.json', 'licences/EMB-M-0017.txt', 'split-sheet.pdf']),
      credits: 'matches',
      splitSheet: 'matches',
      missingLicences: [],
      ledgerProof: 'valid',
    });
  });

  it('the split sheet reads right: title, ISRC, sources, every party with role, IPI/ISNI and share, tables of 100 %, the verification line — on one page', () => {
    const pdf = path.join(summary.bundlePath!, 'split-sheet.pdf');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Glass Orchard \(Remix\)/);
    expect(text).toMatch(/ISRC: GB-XYZ-26-00042/);
    expect(text).toMatch(/“Glass Orchard” by Mira Vale — ISRC ZZ-EMB-26-00017/);
    expect(text).toMatch(/Ember Lane Records\s+master owner\s+—\s+0000 0004 1190 7353\s+60\.00 %/);
    expect(text).toMatch(/DJ Lantern\s+remixer\s+—\s+—\s+40\.00 %/);
    expect(text).toMatch(/Mira Vale\s+composer &\s+00571238453\s+0000 0004 7213 8519\s+25\.00 %/);
    expect(text).toMatch(/Northlight Songs Ltd\s+publisher\s+00488120543\s+—\s+50\.00 %/);
    expect(text.match(/Total\s+100\.00 %/g)).toHaveLength(2);
    expect(text).toMatch(/Verify with: stemroom inspect "Orchard flip \(delivery\)"/);
    expect(text.replace(/\s+/g, '')).toContain(summary.audioSha256);
    // Kept for a person to look at.
    fs.mkdirSync('test-artifacts', { recursive: true });
    execFileSync('pdftoppm', ['-r', '90', '-png', '-singlefile', pdf, 'test-artifacts/split-sheet']);
  });

  it('a zip bundle made later carries a proof up to the current signed head, and verifies', async () => {
    const project = await callContract(services, 'projects.create', { recordingId: 'emb-r-glass-orchard', kind: 'remix' });
    await callContract(services, 'exports.start', { projectId: project.id, path: path.join(root, 'out', 'later.wav'), format: 'wav', bitDepth: 16 });
    const bundle = await callContract(services, 'exports.bundle', { exportId: summary.exportId, kind: 'zip' });
    expect(bundle.path).toBe(path.join(root, 'out', 'Orchard flip (delivery).zip'));
    const proof = JSON.parse(execFileSync('unzip', ['-p', bundle.path, 'ledger-proof.json'], { encoding: 'utf8' }));
    expect(proof.chain).toHaveLength(1);
    expect(proof.signedHead.position).toBe(proof.entry.position + 1);
    expect(execFileSync('zipinfo', [bundle.path], { encoding: 'utf8' })).toMatch(/ stor .*Orchard flip\.flac/); // audio stored, not deflated
    const inspection = await inspect(bundle.path);
    expect(inspection.problems, inspection.problems.join('\n')).toEqual([]);
    expect(inspection.bundle).toMatchObject({ credits: 'matches', splitSheet: 'matches', ledgerProof: 'valid' });
  });

  it.each([
    [
      'credits.json edited (a share moved)',
      (dir: string) =>
        fs.writeFileSync(path.join(dir, 'credits.json'), fs.readFileSync(path.join(dir, 'credits.json'), 'utf8').replace('"shareBp": 6000', '"shareBp": 7000')),
      /credits\.json differs from the record embedded in the audio/,
    ],
    [
      'credits.json with a member named twice (a forged creator first; JSON.parse would keep the signed one)',
      (dir: string) =>
        fs.writeFileSync(
          path.join(dir, 'credits.json'),
          fs.readFileSync(path.join(dir, 'credits.json'), 'utf8').replace('{', '{\n  "creator": { "name": "Forger", "role": "remixer" },'),
        ),
      /credits\.json is not an attribution record/,
    ],
    ['split sheet missing', (dir: string) => fs.rmSync(path.join(dir, 'split-sheet.pdf')), /split-sheet\.pdf is missing/],
    [
      'split sheet of another export',
      (dir: string) => fs.writeFileSync(path.join(dir, 'split-sheet.pdf'), 'not a pdf'),
      /split-sheet\.pdf is not a readable PDF/,
    ],
    [
      'a licence text missing',
      (dir: string) => fs.rmSync(path.join(dir, 'licences', 'NLS-P-2291.txt')),
      /The terms of licence NLS-P-2291 \(licences\/NLS-P-2291\.txt\) are missing/,
    ],
    [
      'the proof rewritten to another head',
      (dir: string) => {
        const proof = JSON.parse(fs.readFileSync(path.join(dir, 'ledger-proof.json'), 'utf8'));
        proof.signedHead.entryHash = 'f'.repeat(64);
        fs.writeFileSync(path.join(dir, 'ledger-proof.json'), JSON.stringify(proof));
      },
      /Ledger proof: The signed head \(entry \d+\) is not where the chain ends.*|Ledger proof: The ledger head's signature does not verify/,
    ],
    ['the proof gone', (dir: string) => fs.rmSync(path.join(dir, 'ledger-proof.json')), /ledger-proof\.json is missing/],
    [
      'credits.json and the split sheet replaced by FIFOs (judged without waiting on them)',
      (dir: string) => {
        for (const part of ['credits.json', 'split-sheet.pdf']) {
          fs.rmSync(path.join(dir, part));
          execFileSync('mkfifo', [path.join(dir, part)]);
        }
      },
      /credits\.json is not an attribution record[^]*split-sheet\.pdf is not a readable PDF/,
    ],
  ])('a tampered bundle is caught: %s', async (_name, tamper, problem) => {
    const copy = path.join(tempDir(), 'bundle');
    fs.cpSync(summary.bundlePath!, copy, { recursive: true });
    tamper(copy);
    const inspection = await inspect(copy);
    expect(inspection.problems.join('\n')).toMatch(problem);
    const code = await import('../../cli/runCli').then(({ runCli }) =>
      runCli(['inspect', copy, '--json', '--data-dir', services.library.paths.dataDir], {}, undefined),
    );
    expect(code).toBe(1);
  });

  it('refuses an existing destination and a zip that is not a bundle, writing nothing', async () => {
    await expect(callContract(services, 'exports.bundle', { exportId: summary.exportId, path: summary.bundlePath! })).rejects.toThrow(/already exists/);
    const notBundle = path.join(tempDir(), 'x.zip');
    fs.copyFileSync(path.join(root, 'out', 'Orchard flip (delivery).zip'), notBundle);
    execFileSync('zip', ['-qd', notBundle, 'Orchard flip.flac']);
    await expect(inspect(notBundle)).rejects.toThrow(/a delivery bundle holds one audio file/);
    // The zip was unpacked to look inside; nothing of it stays.
    expect(fs.readdirSync(services.library.paths.tmpDir).filter((f) => f.startsWith('bundle-'))).toEqual([]);
  });
});
