import crypto from 'node:crypto';
import fs from 'node:fs';
import { formatIssues } from '../../shared/contract/formatIssues';
import { packageSignatureSchema } from '../../shared/catalog/packageSignatureSchema';
import { validateCatalogPackage } from '../../shared/catalog/validateCatalogPackage';
import type { CatalogPackage } from '../../shared/catalog/catalogPackageSchema';
import { attributionRecordSchema, type AttributionRecord } from '../../shared/rights/attributionRecord';
import { LineageChain, type ChainPackage } from '../../shared/lineage/LineageChain';
import { chainProblems } from '../../shared/lineage/chainProblems';
import type { ArchiveFolder } from '../media/ArchiveFolder';
import { readEmbeddedRecord } from '../media/metadata/readEmbeddedRecord';
import { importRefusal } from '../services/importRefusal';
import { keyFingerprint, verifyBytes } from './ed25519';
import type { PackageSignatureCheck } from './packageSignature';
import { verifyRecordSignature } from './recordSignature';
import { ledgerStampProblem } from './recordLedgerStamp';
import { verifyPublication } from './publicationStatement';
import { strictJsonParse } from '../../shared/text/strictJsonParse';

const MAX_LINEAGE_FILE = 16 * 2 ** 20;

/** An ancestor package as carried, verified: what the library keeps as evidence of the chain. */
export interface CarriedManifest {
  readonly packageId: string;
  readonly manifestJson: string;
  readonly manifestSha256: string;
  readonly signatureJson: string;
  readonly keyFingerprint: string;
}

export interface VerifiedDerivative {
  readonly record: AttributionRecord;
  readonly carried: readonly CarriedManifest[];
  readonly chain: LineageChain;
}

/** What the library already trusts: the key pinned to a package id, if any. */
export type PinnedKeyOf = (packageId: string) => string | null;

/**
 * Verifies a derivative package's whole chain from what it carries, with
 * no other library's help: the creator's signature, the export record's
 * signature and ledger stamp, the exporting library's publication
 * statement for this package and key, the mix being the export itself,
 * then every ancestor package (signature, and for derivatives the same
 * checks again) — and finally, with every signature good, that the chain
 * is true to itself (chainProblems). Keys this library pinned must match.
 * Refuses with one line naming the first problem.
 */
export function verifyDerivativeChain(
  folder: ArchiveFolder,
  pkg: CatalogPackage,
  manifestSha256: string,
  signature: PackageSignatureCheck,
  pinnedKeyOf: PinnedKeyOf,
): VerifiedDerivative {
  const derivative = pkg.derivative!;
  if (signature.status !== 'signed') throw importRefusal('signature.json', ['a derivative package must be signed by its creator (stemroom publish signs it)']);
  const record = verifiedRecord(derivative.export, 'manifest.json', 'derivative.export');
  if (!verifyPublication(record.library!.publicKey, derivative.publication.signature, record.exportId, pkg.package.id, signature.fingerprint)) {
    throw importRefusal('manifest.json', [
      `derivative.publication: the library that made export ${record.exportId} did not publish it as "${pkg.package.id}" with key ${signature.fingerprint.slice(0, 16)}… (a chain cannot be re-published under another key or name)`,
    ]);
  }
  const mix = pkg.recordings[0]?.stems.find((s) => s.mix);
  if (mix) {
    let embedded: ReturnType<typeof readEmbeddedRecord>;
    try {
      embedded = readEmbeddedRecord(fs.readFileSync(folder.resolve(mix.file, 'mix')));
    } catch (error) {
      throw importRefusal(mix.file, [`the mix is not a Stemroom export file (${(error as Error).message})`]);
    }
    const audio = crypto.createHash('sha256').update(embedded.audioData).digest('hex');
    if (audio !== record.output.audioSha256 || embedded.exportId !== record.exportId) {
      throw importRefusal(mix.file, [`the mix is not export ${record.exportId} (its audio or its embedded record differs from the signed record)`]);
    }
  }

  const carried: CarriedManifest[] = [];
  const chainPackages: ChainPackage[] = [{ manifest: pkg, keyFingerprint: signature.fingerprint, manifestSha256, record }];
  derivative.lineage.forEach((entry, i) => {
    const field = `derivative.lineage[${i}]`;
    const manifestBytes = lineageFile(folder, entry.manifest, `${field}.manifest`);
    const signatureBytes = lineageFile(folder, entry.signature, `${field}.signature`);
    const where = entry.manifest.file;
    let json: unknown;
    try {
      json = strictJsonParse(manifestBytes.toString('utf8'));
    } catch (error) {
      throw importRefusal(where, [`invalid JSON (${(error as Error).message})`]);
    }
    const validation = validateCatalogPackage(json);
    if (!validation.ok) throw importRefusal(where, validation.problems);
    const ancestor = validation.value;
    if (ancestor.package.id !== entry.package)
      throw importRefusal('manifest.json', [`${field}: names package "${entry.package}", but its manifest is package "${ancestor.package.id}"`]);
    let signatureJson: unknown;
    try {
      signatureJson = strictJsonParse(signatureBytes.toString('utf8'));
    } catch (error) {
      throw importRefusal(entry.signature.file, [`invalid JSON (${(error as Error).message})`]);
    }
    const parsed = packageSignatureSchema.safeParse(signatureJson);
    if (!parsed.success) throw importRefusal(entry.signature.file, formatIssues(parsed.error));
    if (!verifyBytes(parsed.data.publicKey, manifestBytes, parsed.data.signature)) {
      throw importRefusal(entry.signature.file, [
        `the signature of ancestor "${entry.package}" does not match its manifest (it was changed after its publisher signed it)`,
      ]);
    }
    const fingerprint = keyFingerprint(parsed.data.publicKey);
    const pinned = pinnedKeyOf(entry.package);
    if (pinned && pinned !== fingerprint) {
      throw importRefusal(entry.signature.file, [
        `ancestor package "${entry.package}" is signed by key ${fingerprint.slice(0, 16)}…, but this library trusts only key ${pinned.slice(0, 16)}… for it`,
      ]);
    }
    let ancestorRecord: AttributionRecord | undefined;
    if (ancestor.derivative) {
      ancestorRecord = verifiedRecord(ancestor.derivative.export, where, 'derivative.export');
      if (
        !verifyPublication(
          ancestorRecord.library!.publicKey,
          ancestor.derivative.publication.signature,
          ancestorRecord.exportId,
          ancestor.package.id,
          fingerprint,
        )
      ) {
        throw importRefusal(where, [
          `derivative.publication: the library that made export ${ancestorRecord.exportId} did not publish it as "${ancestor.package.id}" with key ${fingerprint.slice(0, 16)}…`,
        ]);
      }
    }
    const sha = entry.manifest.sha256;
    chainPackages.push({ manifest: ancestor, keyFingerprint: fingerprint, manifestSha256: sha, ...(ancestorRecord ? { record: ancestorRecord } : {}) });
    carried.push({
      packageId: entry.package,
      manifestJson: manifestBytes.toString('utf8'),
      manifestSha256: sha,
      signatureJson: signatureBytes.toString('utf8'),
      keyFingerprint: fingerprint,
    });
  });

  const chain = new LineageChain(chainPackages);
  const problems = chainProblems(chainPackages[0]!, chain);
  if (problems.length) throw importRefusal('manifest.json', problems);
  return { record, carried, chain };
}

/** A record as carried: a valid attribution record whose signature and ledger stamp are its own. */
function verifiedRecord(raw: Record<string, unknown>, file: string, field: string): AttributionRecord {
  const parsed = attributionRecordSchema.safeParse(raw);
  if (!parsed.success)
    throw importRefusal(
      file,
      formatIssues(parsed.error).map((p) => `${field}.${p}`),
    );
  const record = parsed.data;
  const check = verifyRecordSignature(record, raw);
  if (check.status !== 'valid') {
    throw importRefusal(file, [
      `${field}: export ${record.exportId}'s record ${check.status === 'absent' ? 'is not signed' : `does not verify: ${check.problem}`}`,
    ]);
  }
  const stamp = ledgerStampProblem(raw);
  if (stamp) throw importRefusal(file, [`${field}: export ${record.exportId}'s record: ${stamp}`]);
  return record;
}

function lineageFile(folder: ArchiveFolder, entry: { file: string; sha256: string }, field: string): Buffer {
  const file = folder.resolve(entry.file, field);
  const size = fs.statSync(file).size;
  if (size > MAX_LINEAGE_FILE) throw importRefusal(entry.file, [`is ${size} bytes; at most ${MAX_LINEAGE_FILE} are allowed`]);
  const bytes = fs.readFileSync(file);
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== entry.sha256) throw importRefusal(entry.file, [`SHA-256 is ${actual}, but the manifest (${field}.sha256) says ${entry.sha256}`]);
  return bytes;
}
