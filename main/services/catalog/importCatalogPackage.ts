import { validateCatalogPackage } from '../../../shared/catalog/validateCatalogPackage';
import type { CatalogPackage } from '../../../shared/catalog/catalogPackageSchema';
import type { ImportSummary } from '../../../shared/contract/catalogContract';
import { catalogWriteQueries, type StoredStemAnalysis } from '../../db/catalogWriteQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { ContentStore } from '../../media/ContentStore';
import type { PcmStaging } from '../../media/PcmCache';
import { sha256File } from '../../media/sha256File';
import type { TaskHandle } from '../TaskRegistry';
import { analyzeAudio, AudioProblem } from '../../media/analyzeAudio';
import { importRefusal } from '../importRefusal';
import { ArchiveFolder } from '../../media/ArchiveFolder';
import type { ZipLimits } from '../../media/ZipLimits';
import { checkPackageSignature, type PackageSignatureCheck } from '../../trust/packageSignature';
import { judgePackageKey } from '../../../shared/catalog/judgePackageKey';
import { foreignPartyChanges } from './foreignPartyChanges';
import { verifyDerivativeChain } from '../../trust/verifyDerivativeChain';
import { lineageQueries, type LineageWrite } from '../../db/lineageQueries';
import { stemDurationProblems } from './stemDurationProblems';
import { refuseRecognisedAudio, type RecognisedStem } from './refuseRecognisedAudio';

export interface ImportContext {
  /** PCM cache files for the stems, written from the import's own decode and kept only if the import commits. */
  readonly pcm?: PcmStaging;
  readonly db: LibraryDatabase;
  readonly store: ContentStore;
  readonly scratchDir: string;
  readonly task: TaskHandle;
  readonly now: () => Date;
  readonly zipLimits?: ZipLimits;
  /** Stored stems whose sound a new stem's fingerprint contains (the library's AudioIdentifier); absent: no fingerprint check. */
  readonly recogniseStem?: (fingerprint: Uint8Array) => Promise<readonly RecognisedStem[]>;
}

/**
 * Imports a catalog package (folder or .zip) in the order that keeps the
 * library unchanged on any refusal: validate the manifest, check every
 * stem (path, hash, decode, analysis), copy the audio into the content
 * store, and only then write the catalog rows in one transaction. If the
 * transaction fails, the blobs it added are removed again.
 */
export async function importCatalogPackage(source: string, context: ImportContext): Promise<ImportSummary> {
  const { task } = context;
  task.progress('Opening package', 0, 1);
  const folder = await ArchiveFolder.open(source, context.scratchDir, { indexFile: 'manifest.json', what: 'a package', zipLimits: context.zipLimits });
  try {
    const manifest = folder.readIndex();
    let json: unknown;
    try {
      json = JSON.parse(manifest.text);
    } catch (error) {
      throw importRefusal('manifest.json', [`invalid JSON (${(error as Error).message})`]);
    }
    const validation = validateCatalogPackage(json);
    if (!validation.ok) throw importRefusal('manifest.json', validation.problems);
    const pkg = validation.value;
    const signature = checkPackageSignature(folder, manifest.bytes);
    const writes = catalogWriteQueries(context.db);

    const existing = writes.packageVersion(pkg.package.id);
    const summary = (
      status: ImportSummary['status'],
      licenceChanges: ImportSummary['licenceChanges'] = [],
      pin: 'new' | 'kept' | 'none' = 'none',
    ): ImportSummary => ({
      packageId: pkg.package.id,
      title: pkg.package.title,
      version: pkg.package.version,
      status,
      recordings: pkg.recordings.length,
      stems: pkg.recordings.reduce((n, r) => n + r.stems.length, 0),
      licenceChanges,
      signature: { status: signature.status, fingerprint: signature.status === 'signed' ? signature.fingerprint : null, pin },
    });
    if (existing) {
      if (existing.version === pkg.package.version && existing.manifest_sha256 === manifest.sha256) return summary('unchanged');
      if (existing.version === pkg.package.version) {
        throw importRefusal('manifest.json', [
          `package.version: version ${existing.version} of "${pkg.package.id}" is already in the library with different contents; a changed package needs a new version number`,
        ]);
      }
      if (existing.version > pkg.package.version) {
        throw importRefusal('manifest.json', [
          `package.version: the library already has version ${existing.version} of "${pkg.package.id}", newer than ${pkg.package.version}`,
        ]);
      }
    }
    const judgement = judgePackageKey(writes.knownPackage(pkg.package.id) ?? null, {
      id: pkg.package.id,
      publisher: pkg.package.publisher,
      signedBy: signature.status === 'signed' ? signature.fingerprint : null,
    });
    if (!judgement.ok) throw importRefusal(signature.status === 'signed' ? 'signature.json' : 'manifest.json', [judgement.problem]);
    refuseForeignIds(pkg, writes.ownerOf);
    refuseForeignAudio(pkg, writes.foreignStemWithAudio);
    const partyProblems = foreignPartyChanges(pkg, writes.party, writes.packagesCrediting);
    if (partyProblems.length) throw importRefusal('manifest.json', partyProblems);
    const derivative = derivativeLineage(pkg, folder, manifest.sha256, signature, context.db, (id) => writes.knownPackage(id)?.pinned?.fingerprint ?? null);
    const lineage = derivative?.write;

    const analyses = await checkStems(pkg, folder, writes.analysisOf, task, context.pcm);
    const durationProblems = stemDurationProblems(pkg, analyses);
    if (durationProblems.length) throw importRefusal('manifest.json', durationProblems);
    if (context.recogniseStem) await refuseRecognisedAudio(pkg, analyses, context.recogniseStem, writes.stemById, derivative?.contains);
    task.progress('Storing audio', 0, 1);
    const added: string[] = [];
    try {
      for (const recording of pkg.recordings) {
        for (const stem of recording.stems) {
          task.throwIfCancelled();
          const stored = await context.store.putFile(folder.resolve(stem.file, 'stem'));
          if (stored.added) added.push(stored.sha256);
          if (stored.sha256 !== stem.sha256) throw importRefusal(stem.file, ['changed while it was being imported']);
        }
      }
      task.throwIfCancelled();
      const licenceChanges = writes.writePackage({
        pkg,
        manifestJson: manifest.text,
        manifestSha256: manifest.sha256,
        analyses,
        importedAt: context.now().toISOString(),
        signature: signatureWrite(signature, judgement.pin),
        ...(lineage ? { lineage } : {}),
      });
      context.pcm?.commit();
      task.progress('Imported', 1, 1);
      return summary(existing ? 'updated' : 'imported', licenceChanges, judgement.pin);
    } catch (error) {
      context.store.remove(added);
      throw error;
    }
  } finally {
    context.pcm?.discard();
    folder.dispose();
  }
}

/**
 * A derivative's chain, verified from the signatures it carries
 * (verifyDerivativeChain), and the upstream stems each of its stems
 * contains; one export is published by one package only, and a derivative
 * package's later versions publish the same export.
 */
function derivativeLineage(
  pkg: CatalogPackage,
  folder: ArchiveFolder,
  manifestSha256: string,
  signature: PackageSignatureCheck,
  db: ImportContext['db'],
  pinnedKeyOf: (packageId: string) => string | null,
): { write: LineageWrite; contains: (stemId: string) => readonly { packageId: string; stemId: string }[] } | undefined {
  const lineage = lineageQueries(db);
  const previous = lineage.derivativeByPackage(pkg.package.id);
  if (!pkg.derivative) {
    if (previous)
      throw importRefusal('manifest.json', [
        `derivative: package "${pkg.package.id}" publishes export ${previous.exportId}; a later version cannot stop being that derivative`,
      ]);
    return undefined;
  }
  const verified = verifyDerivativeChain(folder, pkg, manifestSha256, signature, pinnedKeyOf);
  const exportId = verified.record.exportId;
  if (previous && previous.exportId !== exportId)
    throw importRefusal('manifest.json', [
      `derivative.export: package "${pkg.package.id}" publishes export ${previous.exportId}; a later version cannot publish another (${exportId})`,
    ]);
  const other = lineage.derivativeByExport(exportId);
  if (other && other.packageId !== pkg.package.id)
    throw importRefusal('manifest.json', [`derivative.export: export ${exportId} is already in this library as package "${other.packageId}"`]);
  const contents = verified.chain.stemContents(pkg.recordings[0]!.id);
  return {
    write: {
      recordingId: pkg.recordings[0]!.id,
      exportId,
      creator: verified.record.creator.name,
      recordJson: JSON.stringify(pkg.derivative.export),
      carried: verified.carried,
    },
    // What each stem is proved to contain, through every generation: the sound a fingerprint will find in it.
    contains: (stemId) => contents.get(stemId) ?? [],
  };
}

function refuseForeignIds(pkg: CatalogPackage, ownerOf: (kind: 'work' | 'recording' | 'stem' | 'licence', id: string) => string | undefined): void {
  const problems: string[] = [];
  const check = (kind: 'work' | 'recording' | 'stem' | 'licence', id: string, field: string) => {
    const owner = ownerOf(kind, id);
    if (owner !== undefined && owner !== pkg.package.id) problems.push(`${field}: id "${id}" is already used by package "${owner}"`);
  };
  pkg.works.forEach((w, i) => check('work', w.id, `works[${i}].id`));
  pkg.recordings.forEach((r, i) => {
    check('recording', r.id, `recordings[${i}].id`);
    r.stems.forEach((s, j) => check('stem', s.id, `recordings[${i}].stems[${j}].id`));
  });
  pkg.licences.forEach((l, i) => check('licence', l.id, `licences[${i}].id`));
  if (problems.length) throw importRefusal('manifest.json', problems);
}

/**
 * A stem whose audio another package already delivered is that package's
 * stem: delivering it again under new ids and licences would launder it
 * (its licences, credits and splits replaced by the newcomer's).
 */
function refuseForeignAudio(
  pkg: CatalogPackage,
  foreignStem: (sha256: string, packageId: string) => { stemName: string; recordingTitle: string; packageId: string } | undefined,
): void {
  const problems = pkg.recordings.flatMap((r, i) =>
    r.stems.flatMap((s, j) => {
      const other = foreignStem(s.sha256, pkg.package.id);
      return other
        ? [
            `recordings[${i}].stems[${j}].sha256: this audio is already the stem "${other.stemName}" of "${other.recordingTitle}" (package "${other.packageId}"); a package may not deliver another package's audio`,
          ]
        : [];
    }),
  );
  if (problems.length) throw importRefusal('manifest.json', problems);
}

async function checkStems(
  pkg: CatalogPackage,
  folder: ArchiveFolder,
  storedAnalysis: (sha256: string) => StoredStemAnalysis | undefined,
  task: TaskHandle,
  pcm: PcmStaging | undefined,
): Promise<Map<string, StoredStemAnalysis>> {
  const all = pkg.recordings.flatMap((r, i) => r.stems.map((s, j) => ({ stem: s, field: `recordings[${i}].stems[${j}].file` })));
  const analyses = new Map<string, StoredStemAnalysis>();
  for (const [index, { stem, field }] of all.entries()) {
    task.throwIfCancelled();
    task.progress(`Checking ${stem.file}`, index, all.length);
    const file = folder.resolve(stem.file, field);
    const actual = await sha256File(file);
    if (actual !== stem.sha256)
      throw importRefusal(stem.file, [`SHA-256 is ${actual}, but the manifest (${field.replace('.file', '.sha256')}) says ${stem.sha256}`]);
    const known = storedAnalysis(actual);
    if (known) {
      analyses.set(stem.id, known);
      continue;
    }
    try {
      analyses.set(stem.id, await analyzeAudio(file, (audio) => pcm?.stage(actual, audio)));
    } catch (error) {
      if (error instanceof AudioProblem) throw importRefusal(stem.file, [error.message]);
      throw error;
    }
  }
  task.progress('Checked stems', all.length, all.length);
  return analyses;
}

function signatureWrite(signature: PackageSignatureCheck, pin: 'new' | 'kept' | 'none') {
  if (signature.status === 'unsigned') return null;
  return { json: signature.json, publicKey: signature.publicKey, fingerprint: signature.fingerprint, pinNew: pin === 'new' };
}
