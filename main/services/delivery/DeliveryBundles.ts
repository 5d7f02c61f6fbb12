import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Inspection } from '../../../shared/contract/exportsContract';
import { attributionRecordSchema, type AttributionRecord } from '../../../shared/rights/attributionRecord';
import { canonicalJson } from '../../../shared/rights/canonicalJson';
import { strictJsonParse } from '../../../shared/text/strictJsonParse';
import { extractZip } from '../../media/extractZip';
import type { ZipLimits } from '../../media/ZipLimits';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { readRegularFile } from '../../media/readRegularFile';
import { AUDIO_LIMITS } from '../../media/audioLimits';
import { ServiceError } from '../ServiceError';
import type { ExportService } from '../exports/ExportService';
import { buildLedgerProof, checkLedgerProof, type LedgerProof } from './ledgerProof';
import { BUNDLE_FILES, writeDeliveryBundle } from './writeDeliveryBundle';

type BundleCheck = NonNullable<Inspection['bundle']>;

const AUDIO = /\.(wav|flac|mp3)$/i;

/** The most a bundle's JSON or PDF part may hold (they are a few KB; a bundle is someone else's folder). */
const MAX_PART_BYTES = 16 * 2 ** 20;

/** A bundle part as JSON, or undefined (absent, unreadable, a FIFO or device, too large, not JSON, a member named twice). */
function readJson(file: string): unknown {
  try {
    return strictJsonParse(readRegularFile(file, MAX_PART_BYTES).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, relative, with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]))
    .sort();
}

/**
 * Delivery bundles: written for an export (at export time, or later with
 * a ledger proof reaching the current signed head), and inspected — the
 * audio as any export file, then each part of the bundle against the
 * record embedded in that audio.
 */
export class DeliveryBundles {
  constructor(
    private readonly exports: ExportService,
    private readonly scratchDir: string,
    private readonly zipLimits?: ZipLimits,
  ) {}

  /**
   * Writes the bundle of an export: `path`, or beside its file as
   * "NAME (delivery)" / "NAME (delivery).zip" (numbered when taken).
   */
  async write(exportId: string, kind: 'folder' | 'zip', destination?: string): Promise<{ path: string; files: string[] }> {
    const { item } = this.exports.show(exportId);
    if (!fs.existsSync(item.path)) throw new ServiceError('not-found', `The file of export ${exportId} is gone (${item.path}); a bundle needs its audio.`);
    // The record exactly as embedded (signature included): credits.json must be that record.
    const embedded = readEmbeddedRecord(fs.readFileSync(item.path));
    const parsed = attributionRecordSchema.safeParse(embedded.recordJson ? JSON.parse(embedded.recordJson) : null);
    if (!parsed.success || parsed.data.exportId !== exportId)
      throw new ServiceError('conflict', `${item.path} no longer carries the record of export ${exportId}.`);
    const chain = this.exports.ledgerChainOf(exportId);
    const proof = buildLedgerProof(chain.entry, chain.after, chain.signedHead);
    const target = destination ? path.resolve(destination) : this.freeName(item.path, kind);
    if (destination && fs.existsSync(target)) throw new ServiceError('conflict', `${target} already exists; choose another name.`);
    if (!fs.existsSync(path.dirname(target))) throw new ServiceError('invalid-request', `The folder ${path.dirname(target)} does not exist.`);
    const written = await writeDeliveryBundle(target, { record: JSON.parse(embedded.recordJson!) as AttributionRecord, audioPath: item.path, proof }, kind);
    return { path: written.path, files: [...written.files] };
  }

  /** A folder, or a zip archive (by its first bytes). */
  isBundle(file: string): boolean {
    try {
      if (fs.statSync(file).isDirectory()) return true;
      // Opened non-blocking and judged by its own fstat: a FIFO must not hang this check (inspect refuses it after).
      const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const head = Buffer.alloc(4);
      try {
        if (!fs.fstatSync(fd).isFile()) return false;
        fs.readSync(fd, head, 0, 4, 0);
      } finally {
        fs.closeSync(fd);
      }
      return head.readUInt32LE(0) === 0x04034b50;
    } catch {
      return false;
    }
  }

  /** Inspects a bundle (folder or .zip): its audio like any export file, and every part against that audio's record. */
  async inspect(bundle: string, label = bundle): Promise<Inspection> {
    if (fs.statSync(bundle).isDirectory()) return this.inspectFolder(bundle, label);
    const folder = path.join(this.scratchDir, `bundle-${crypto.randomBytes(6).toString('hex')}`);
    try {
      await extractZip(bundle, folder, this.zipLimits);
      return await this.inspectFolder(folder, label); // awaited here: the folder goes in `finally`
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  private async inspectFolder(folder: string, label: string): Promise<Inspection> {
    const files = listFiles(folder);
    const audio = files.filter((f) => !f.includes('/') && AUDIO.test(f));
    if (audio.length !== 1)
      throw new ServiceError('invalid-request', `${label}: a delivery bundle holds one audio file (WAV, FLAC or MP3); this one holds ${audio.length}.`);
    const inspection = this.exports.inspect(path.join(folder, audio[0]!), `${label}/${audio[0]}`);
    const problems = inspection.problems.filter((p) => !/\.credits\.json/.test(p));
    const embedded = readEmbeddedRecord(readRegularFile(path.join(folder, audio[0]!), AUDIO_LIMITS.maxFileBytes)).recordJson;
    const raw = embedded ? (JSON.parse(embedded) as object) : null;
    const record = inspection.record;

    const creditsJson = readJson(path.join(folder, BUNDLE_FILES.credits));
    const credits: BundleCheck['credits'] =
      creditsJson === undefined
        ? fs.existsSync(path.join(folder, BUNDLE_FILES.credits))
          ? 'malformed'
          : 'absent'
        : !attributionRecordSchema.safeParse(creditsJson).success
          ? 'malformed'
          : raw && canonicalJson(creditsJson) === canonicalJson(raw)
            ? 'matches'
            : 'differs';
    if (credits !== 'matches')
      problems.push(
        `credits.json ${credits === 'absent' ? 'is missing' : credits === 'malformed' ? 'is not an attribution record' : 'differs from the record embedded in the audio'}.`,
      );

    const missingLicences = (record?.licences ?? []).map((l) => l.id).filter((id) => !fs.existsSync(path.join(folder, BUNDLE_FILES.licences, `${id}.txt`)));
    for (const id of missingLicences) problems.push(`The terms of licence ${id} (licences/${id}.txt) are missing.`);

    const proofJson = readJson(path.join(folder, BUNDLE_FILES.proof));
    const proofProblems = proofJson === undefined || !record ? null : checkLedgerProof(proofJson as LedgerProof, record);
    const ledgerProof: BundleCheck['ledgerProof'] = proofProblems === null ? 'absent' : proofProblems.length ? 'invalid' : 'valid';
    if (ledgerProof === 'absent') problems.push('ledger-proof.json is missing (or the audio has no record to prove).');
    problems.push(...(proofProblems ?? []).map((p) => `Ledger proof: ${p}`));

    const splitSheet = await this.checkSplitSheet(path.join(folder, BUNDLE_FILES.splitSheet), record);
    if (splitSheet !== 'matches')
      problems.push(
        `split-sheet.pdf ${splitSheet === 'absent' ? 'is missing' : splitSheet === 'malformed' ? 'is not a readable PDF' : 'is not the one-page split sheet of this export'}.`,
      );

    return { ...inspection, path: label, problems, bundle: { files, credits, splitSheet, missingLicences, ledgerProof } };
  }

  /** The split sheet: a one-page PDF whose subject names this export. */
  private async checkSplitSheet(file: string, record: AttributionRecord | null): Promise<BundleCheck['splitSheet']> {
    if (!fs.existsSync(file)) return 'absent';
    try {
      const { PDFDocument } = await import('pdf-lib');
      const doc = await PDFDocument.load(readRegularFile(file, MAX_PART_BYTES), { updateMetadata: false });
      return record && doc.getPageCount() === 1 && doc.getSubject() === `Stemroom export ${record.exportId}` ? 'matches' : 'differs';
    } catch {
      return 'malformed';
    }
  }

  private freeName(audioPath: string, kind: 'folder' | 'zip'): string {
    const base = path.join(path.dirname(audioPath), `${path.basename(audioPath, path.extname(audioPath))} (delivery)`);
    for (let n = 1; ; n++) {
      const candidate = `${base}${n === 1 ? '' : ` ${n}`}${kind === 'zip' ? '.zip' : ''}`;
      if (!fs.existsSync(candidate)) return candidate;
    }
  }
}
