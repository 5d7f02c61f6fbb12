import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import { syncDirectory } from '../../media/syncDirectory';
import { syncFile } from '../../media/syncFile';
import { writeZip, type ZipEntry } from '../../media/writeZip';
import { writeNewFileSynced } from '../../media/writeNewFileSynced';
import type { LedgerProof } from './ledgerProof';
import { licenceTermsText } from './licenceTermsText';

/** The files of a delivery bundle besides the audio (named after the export's file). */
export const BUNDLE_FILES = {
  credits: 'credits.json',
  proof: 'ledger-proof.json',
  splitSheet: 'split-sheet.pdf',
  readme: 'README.txt',
  licences: 'licences',
} as const;

export interface BundleContents {
  /** The export's record, as embedded in its file (signed, with its ledger stamp). */
  readonly record: AttributionRecord;
  /** The exported file. */
  readonly audioPath: string;
  readonly proof: LedgerProof;
}

function readme(record: AttributionRecord, audioName: string, bundleName: string): string {
  const contents: [string, string][] = [
    [audioName, 'the audio, with the attribution record embedded in its tags'],
    [BUNDLE_FILES.credits, 'the attribution record (who made it, what it uses, the licences, the splits), signed by the library'],
    [`${BUNDLE_FILES.licences}/*.txt`, 'each licence the export relies on, in plain words and as recorded'],
    [BUNDLE_FILES.proof, "the export's ledger entry, the chain after it and the library's signed ledger head"],
    [BUNDLE_FILES.splitSheet, 'the split sheet: parties, roles, IPI/ISNI and shares (master and publishing)'],
  ];
  const width = Math.max(...contents.map(([name]) => name.length)) + 3;
  return [
    `${record.output.title} — ${record.output.versionType} by ${record.creator.name}`,
    `Stemroom export ${record.exportId}, made ${record.createdAt}.`,
    '',
    ...contents.map(([name, what]) => `${name.padEnd(width)}${what}`),
    '',
    `Check all of it with: stemroom inspect "${bundleName}"`,
    'The record format, its canonical JSON (RFC 8785) and how to verify its signature with only Node or openssl are described in',
    "Stemroom's docs/attribution-record.md.",
    '',
  ].join('\n');
}

/** Name → content of every file but the audio. */
async function bundleFiles(contents: BundleContents, bundleName: string): Promise<Map<string, Uint8Array>> {
  const { record, proof } = contents;
  const files = new Map<string, Uint8Array>();
  files.set(BUNDLE_FILES.credits, Buffer.from(`${canonicalJson(record, 2)}\n`));
  for (const licence of record.licences) files.set(`${BUNDLE_FILES.licences}/${licence.id}.txt`, Buffer.from(licenceTermsText(record, licence)));
  files.set(BUNDLE_FILES.proof, Buffer.from(`${canonicalJson(proof, 2)}\n`));
  // pdf-lib and fontkit load only when a bundle is made (fontkit unpacks its tables at import).
  const { splitSheetPdf } = await import('./splitSheetPdf');
  files.set(BUNDLE_FILES.splitSheet, await splitSheetPdf(record, bundleName));
  files.set(BUNDLE_FILES.readme, Buffer.from(readme(record, path.basename(contents.audioPath), bundleName)));
  return files;
}

/**
 * Writes a delivery bundle — what a distributor asks a remixer for — as a
 * folder or a .zip at `destination`: the audio, `credits.json` (the
 * record, exactly as embedded), each relied-on licence in plain words,
 * the ledger proof and the one-page split sheet. All or nothing: a folder
 * is assembled under a temporary name and renamed; a zip is streamed to a
 * temporary file and renamed (audio stored as is). Refuses an existing
 * `destination`.
 *
 * @example
 * await writeDeliveryBundle('/exports/Orchard flip (delivery).zip', { record, audioPath, proof }, 'zip');
 */
export async function writeDeliveryBundle(
  destination: string,
  contents: BundleContents,
  kind: 'folder' | 'zip',
): Promise<{ readonly path: string; readonly files: readonly string[] }> {
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists`);
  const bundleName = path.basename(destination);
  const files = await bundleFiles(contents, bundleName);
  const audioName = path.basename(contents.audioPath);
  const names = [audioName, ...files.keys()];
  if (kind === 'zip') {
    const entries: ZipEntry[] = [{ name: audioName, path: contents.audioPath }, ...[...files].map(([name, data]) => ({ name, data }))];
    await writeZip(destination, entries, { modified: new Date(contents.record.createdAt) });
    return { path: destination, files: names };
  }
  const parent = path.dirname(destination);
  const temp = path.join(parent, `.${bundleName}.${crypto.randomBytes(4).toString('hex')}.partial`);
  fs.mkdirSync(temp);
  try {
    fs.copyFileSync(contents.audioPath, path.join(temp, audioName), fs.constants.COPYFILE_FICLONE);
    syncFile(path.join(temp, audioName));
    for (const [name, data] of files) {
      fs.mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
      writeNewFileSynced(path.join(temp, name), data);
    }
    if (fs.existsSync(path.join(temp, BUNDLE_FILES.licences))) syncDirectory(path.join(temp, BUNDLE_FILES.licences));
    syncDirectory(temp);
    fs.renameSync(temp, destination);
    syncDirectory(parent);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { path: destination, files: names };
}
