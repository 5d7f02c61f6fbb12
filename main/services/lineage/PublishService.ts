import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PublishCheck, PublishSummary } from '../../../shared/contract/lineageContract';
import type { publishRequestSchema } from '../../../shared/contract/lineageContract';
import type { z } from 'zod';
import type { CatalogPackage } from '../../../shared/catalog/catalogPackageSchema';
import { validateCatalogPackage } from '../../../shared/catalog/validateCatalogPackage';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { LineageChain } from '../../../shared/lineage/LineageChain';
import { derivativeLicences, publishTermsSchema, type PublishTerms } from '../../../shared/lineage/publishTerms';
import { relicensingProblems, termsBeyondUpstream } from '../../../shared/lineage/termsBeyondUpstream';
import { licenceSummary } from '../../../shared/rights/licenceSummary';
import { catalogView } from '../../../shared/rights/sourceIdentity';
import { audibleTracks } from '../../../shared/project/audibleTracks';
import type { ProjectDocument } from '../../../shared/project/documentSchema';
import { lineageQueries } from '../../db/lineageQueries';
import { catalogWriteQueries } from '../../db/catalogWriteQueries';
import { sourceIdentityQueries } from '../../db/sourceIdentityQueries';
import type { LibraryDatabase } from '../../db/openLibraryDatabase';
import type { ContentStore } from '../../media/ContentStore';
import { readEmbeddedRecord } from '../../media/metadata/readEmbeddedRecord';
import { ArchiveFolder } from '../../media/ArchiveFolder';
import { syncDirectory } from '../../media/syncDirectory';
import { writeNewFileSynced } from '../../media/writeNewFileSynced';
import { publicKeyOfPrivatePem, signBytes } from '../../trust/ed25519';
import type { LibraryKey } from '../../trust/LibraryKey';
import { keyFingerprint } from '../../trust/ed25519';
import { checkPackageSignature, signPackageFolderWith } from '../../trust/packageSignature';
import { signPublication } from '../../trust/publicationStatement';
import { verifyDerivativeChain } from '../../trust/verifyDerivativeChain';
import { sha256Hex } from '../exports/ledgerHash';
import type { ExportService } from '../exports/ExportService';
import type { ProjectsService } from '../projects/ProjectsService';
import { ServiceError } from '../ServiceError';
import type { TaskHandle } from '../TaskRegistry';
import { creatorParty, derivativeIds, derivativeManifest, stemKindOf, type StemPlan } from './derivativePackage';
import { publishSources } from './publishSources';
import { renderStemsOffThread } from './renderStemsOffThread';

type PublishRequest = z.output<typeof publishRequestSchema>;

/**
 * Publish as a source: turns one of this library's exports into a signed
 * catalog package (stemroom-catalog/2) others can remix — the export file
 * as its mix, optionally its per-track stems (rendered again with the same
 * engine and proved to sum to the mix), the creator's licence bounded by
 * every upstream licence, and the signed chain of its ancestors so any
 * library verifies it without this one. docs/lineage.md.
 */
export class PublishService {
  private readonly lineage;
  private readonly writes;
  private readonly identity;

  constructor(
    db: LibraryDatabase,
    private readonly store: ContentStore,
    private readonly exports: ExportService,
    private readonly projects: ProjectsService,
    private readonly key: LibraryKey,
    private readonly now: () => Date,
    private readonly today: () => string,
  ) {
    this.lineage = lineageQueries(db);
    this.writes = catalogWriteQueries(db);
    this.identity = sourceIdentityQueries(db);
  }

  /** Whether the export may be published as a source, and the widest terms allowed (what the dialog starts from). */
  check(exportId: string): PublishCheck {
    const { record } = this.exports.show(exportId);
    const published = this.lineage
      .publications()
      .filter((p) => p.exportId === exportId)
      .map((p) => ({ packageId: p.packageId, path: p.path, publishedAt: p.publishedAt }));
    const stemsOf = this.stemsOf(record);
    const empty = {
      exportId,
      title: record.output.title,
      stems: stemsOf.tracks,
      stemsUnavailable: stemsOf.unavailable,
      isrc: record.output.isrc ?? null,
      published,
    };
    let plan: ReturnType<PublishService['plan']>;
    try {
      plan = this.plan(
        record,
        stemsOf.tracks.map((t) => t.trackId),
      );
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return { ...empty, relicensable: false, reasons: [error.message], bound: emptyBound(this.today()) };
    }
    const reasons = relicensingProblems(plan.chain.reliedOn(record), record.output.versionType);
    const { licences } = derivativeLicences(publishTermsSchema.parse({ revenue: { master: 0, publishing: 0 } }), plan.build);
    const master = licences[0]!;
    return {
      ...empty,
      relicensable: reasons.length === 0,
      reasons,
      bound: {
        uses: master.uses,
        relicense: master.uses.filter((use) => plan.build.context.upstream.every((u) => (u.licence.relicense ?? []).includes(use))),
        territories: { include: master.territories.include, exclude: master.territories.exclude },
        validFrom: master.validFrom,
        validUntil: master.validUntil ?? null,
        channels: master.scopes?.channels ?? ['streaming-distribution', 'social-only', 'non-commercial', 'sync-on-request'],
        approvalRequired: master.scopes?.approvalRequired === true,
        inheritedRules: master.stemRules
          .filter((r) => r.inherited)
          .map((r) => `${plan.stemNames.get(r.stem) ?? r.stem}: ${r.rule} (licence ${r.inherited!.licence})`),
      },
    };
  }

  async publish(request: PublishRequest, task: TaskHandle): Promise<PublishSummary> {
    const { record } = this.exports.show(request.exportId);
    const rawRecord = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    const out = path.resolve(request.out);
    if (fs.existsSync(out)) throw new ServiceError('conflict', `${out} already exists; choose a new folder for the package.`);
    if (!fs.existsSync(path.dirname(out))) throw new ServiceError('invalid-request', `The folder ${path.dirname(out)} does not exist.`);
    const isrc = request.isrc ?? record.output.isrc;
    if (!isrc)
      throw new ServiceError('invalid-request', 'A recording offered as a source needs an ISRC: give one (--isrc CC-XXX-YY-NNNNN), or export with --isrc.');
    const signer = this.signer(request.keyPath);
    const exportFile = this.exportFile(record);
    const stemsOf = this.stemsOf(record);
    if (request.stems && stemsOf.unavailable) throw new ServiceError('refused', stemsOf.unavailable);
    const plan = this.plan(record, request.stems ? stemsOf.tracks.map((t) => t.trackId) : []);
    const relicensing = relicensingProblems(plan.chain.reliedOn(record), record.output.versionType);
    if (relicensing.length) throw new ServiceError('refused', relicensing[0]!, { problems: relicensing });

    let stems: { trackId: string; name: string; bytes: Buffer }[] = [];
    let nullTestDb: number | null = null;
    if (request.stems) {
      task.progress('Rendering stems', 0, 1);
      const rendered = await renderStemsOffThread({ document: plan.document, record, exportFile, storeRoot: this.store.root, tmpDir: this.store.tmpDir }, task);
      stems = rendered.stems;
      nullTestDb = rendered.nullTestDb;
    }
    task.throwIfCancelled();
    task.progress('Writing the package', 0, 1);
    const ids = derivativeIds(record.exportId);
    const extension = record.output.format;
    const files = new Map<string, Buffer>([[`stems/mix.${extension}`, exportFile]]);
    const plans: StemPlan[] = [{ id: ids.mixId, name: 'Mix', kind: 'other', file: `stems/mix.${extension}`, sha256: sha256Hex(exportFile), trackId: null }];
    stems.forEach((stem, i) => {
      const file = `stems/${String(i + 1).padStart(2, '0')}-${slug(stem.name)}.flac`;
      files.set(file, stem.bytes);
      plans.push({
        id: ids.stemId(i + 1),
        name: stem.name,
        kind: stemKindOf(record, stem.trackId),
        file,
        sha256: sha256Hex(stem.bytes),
        trackId: stem.trackId,
      });
    });
    const lineage = plan.carried.map((c, i) => {
      files.set(`lineage/${i + 1}/manifest.json`, Buffer.from(c.manifestJson, 'utf8'));
      files.set(`lineage/${i + 1}/signature.json`, Buffer.from(c.signatureJson, 'utf8'));
      return {
        package: c.packageId,
        manifest: { file: `lineage/${i + 1}/manifest.json`, sha256: sha256Hex(c.manifestJson) },
        signature: { file: `lineage/${i + 1}/signature.json`, sha256: sha256Hex(c.signatureJson) },
      };
    });
    const version = this.lineage.publications().filter((p) => p.packageId === ids.packageId).length + 1;
    const skeleton = derivativeManifest({
      record,
      rawRecord,
      document: plan.document,
      isrc,
      version,
      stems: plans,
      parents: plan.chain,
      lineage,
      publicationSignature: signPublication(this.key, record.exportId, ids.packageId, keyFingerprint(signer.publicKey)),
      now: this.now(),
    });
    const terms: PublishTerms = request.terms;
    const build = this.licenceBuild(record, skeleton, plan.chain);
    const { licences, problems } = derivativeLicences(terms, build);
    const beyond = licences.flatMap((l) => termsBeyondUpstream(l, build.context));
    const all = [...problems, ...beyond];
    if (all.length)
      throw new ServiceError('refused', `The terms are refused: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more)` : ''}.`, { problems: all });
    const manifest: CatalogPackage = { ...skeleton, licences };
    const checked = validateCatalogPackage(JSON.parse(JSON.stringify(manifest)));
    if (!checked.ok) throw new ServiceError('refused', `The package would not be valid: ${checked.problems[0]}`, { problems: checked.problems });

    const temp = path.join(path.dirname(out), `.${path.basename(out)}.${crypto.randomBytes(4).toString('hex')}.partial`);
    try {
      const folders = new Set<string>();
      for (const [name, bytes] of [...files, ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)] as const]) {
        fs.mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
        for (let dir = path.dirname(path.join(temp, name)); dir.startsWith(temp); dir = path.dirname(dir)) folders.add(dir);
        writeNewFileSynced(path.join(temp, name), bytes);
      }
      const signed = signPackageFolderWith(temp, signer, this.now());
      await this.verifyWritten(temp);
      // The package's files and folders are on disk before its name appears.
      for (const folder of [...folders].sort((a, b) => b.length - a.length)) syncDirectory(folder);
      fs.renameSync(temp, out);
      syncDirectory(path.dirname(out));
      this.lineage.addPublication({
        exportId: record.exportId,
        packageId: ids.packageId,
        keyFingerprint: signed.fingerprint,
        path: out,
        publishedAt: this.now().toISOString(),
      });
      task.progress('Published', 1, 1);
      const stemNames = new Map(plans.map((p) => [p.id, p.name]));
      return {
        packageId: ids.packageId,
        path: out,
        keyFingerprint: signed.fingerprint,
        stems: plans.map((p) => p.name),
        nullTestDb,
        licences: licences.map((l) => ({ id: l.id, type: l.type, summary: licenceSummary(l, this.today(), stemNames) })),
        ancestors: plan.carried.length,
      };
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw error;
    }
  }

  /** The export's chain from this library, the project revision it was rendered from, and what the licences are built from. */
  private plan(record: AttributionRecord, trackIds: readonly string[]) {
    const { chain, carried } = publishSources(record, this.lineage, (id) => this.writes.knownPackage(id)?.pinned?.fingerprint ?? null);
    const document = this.revisionDocument(record);
    const names = new Map(document.tracks.map((t) => [t.id, t.name]));
    const ids = derivativeIds(record.exportId);
    const stems: StemPlan[] = [
      { id: ids.mixId, name: 'Mix', kind: 'other', file: 'stems/mix', sha256: '0'.repeat(64), trackId: null },
      ...trackIds.map((trackId, i) => ({
        id: ids.stemId(i + 1),
        name: names.get(trackId) ?? trackId,
        kind: stemKindOf(record, trackId),
        file: `stems/${i}`,
        sha256: '0'.repeat(64),
        trackId,
      })),
    ];
    const skeleton = derivativeManifest({
      record,
      rawRecord: {},
      document,
      isrc: record.output.isrc ?? 'ZZZZZ0000000',
      version: 1,
      stems,
      parents: chain,
      lineage: [],
      publicationSignature: '',
      now: this.now(),
    });
    return { chain, carried, document, build: this.licenceBuild(record, skeleton, chain), stemNames: new Map(stems.map((s) => [s.id, s.name])) };
  }

  private licenceBuild(record: AttributionRecord, skeleton: CatalogPackage, parents: LineageChain) {
    const ids = derivativeIds(record.exportId);
    const chain = new LineageChain([{ manifest: skeleton, keyFingerprint: '', manifestSha256: '', record }, ...parents.all()]);
    const recording = skeleton.recordings[0]!;
    const contents = chain.stemContents(recording.id);
    const sources = [...new Set([...record.sources.map((s) => s.recording.title), ...(record.covered ? [record.covered.recording.title] : [])])];
    return {
      masterId: ids.masterId,
      publishingId: ids.publishingId,
      recordingId: ids.recordingId,
      workId: ids.workId,
      creatorPartyId: creatorParty(record).id,
      today: this.today(),
      defaultCredit: `Contains "${record.output.title}" by ${record.creator.name} (a ${record.output.versionType} of ${sources.map((t) => `"${t}"`).join(', ')}), courtesy of ${record.creator.name}.`,
      stems: recording.stems.map((s) => ({ id: s.id, name: s.name, trackId: s.track ?? null })),
      context: { upstream: chain.upstream(recording.id), stems: recording.stems.map((s) => ({ id: s.id, name: s.name, contains: contents.get(s.id) ?? [] })) },
    };
  }

  /** The revision the export was made from, as the catalog sees it (what renders). */
  private revisionDocument(record: AttributionRecord): ProjectDocument {
    let document: ProjectDocument;
    try {
      document = this.projects.documentAt(record.project.id, record.project.revision);
    } catch {
      throw new ServiceError(
        'refused',
        `The project this export was made from (${record.project.name}, revision ${record.project.revision}) is not in this library any more.`,
      );
    }
    return catalogView(document, this.identity.lookup()).document;
  }

  /** Per-track stems: audible tracks with clips of the export's revision — only when that revision is exactly what was exported, and lossless. */
  private stemsOf(record: AttributionRecord): { tracks: { trackId: string; name: string }[]; unavailable: string | null } {
    if (record.output.format === 'mp3')
      return {
        tracks: [],
        unavailable:
          'Stems can be published only from a lossless (WAV or FLAC) export: they must sum to its samples. Publish the mix alone, or export again as WAV or FLAC.',
      };
    let document: ProjectDocument;
    try {
      document = this.projects.documentAt(record.project.id, record.project.revision);
    } catch {
      return { tracks: [], unavailable: 'The project this export was made from is not in this library any more.' };
    }
    if (sha256Hex(JSON.stringify(document)) !== record.project.revisionSha256)
      return { tracks: [], unavailable: 'The project revision this export was made from can no longer be rendered exactly; export again to publish stems.' };
    if (!record.sources.every((s) => s.stems.every((st) => st.trackIds)))
      return { tracks: [], unavailable: 'This export was made before exports recorded which track each stem played on; export again to publish stems.' };
    const audible = audibleTracks(document.tracks);
    const withClips = new Set(document.clips.filter((c) => c.active).map((c) => c.trackId));
    return { tracks: document.tracks.filter((t) => audible.has(t.id) && withClips.has(t.id)).map((t) => ({ trackId: t.id, name: t.name })), unavailable: null };
  }

  /** The export file, whose audio must still be the record's (it becomes the package's mix). */
  private exportFile(record: AttributionRecord): Buffer {
    const file = this.exports.pathOf(record.exportId);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new ServiceError('refused', `The export file ${file} is missing; put it back to publish it.`);
    }
    let embedded;
    try {
      embedded = readEmbeddedRecord(bytes);
    } catch {
      embedded = null;
    }
    if (!embedded || embedded.exportId !== record.exportId || sha256Hex(embedded.audioData) !== record.output.audioSha256) {
      throw new ServiceError('refused', `The file ${file} is no longer export ${record.exportId} as recorded (its audio or its record changed).`);
    }
    return bytes;
  }

  private signer(keyPath: string | undefined): { publicKey: string; sign(bytes: Uint8Array): string } {
    if (!keyPath) return { publicKey: this.key.publicKey, sign: (bytes) => this.key.sign(bytes) };
    let pem: string;
    try {
      pem = fs.readFileSync(path.resolve(keyPath), 'utf8');
    } catch {
      throw new ServiceError('invalid-request', `${keyPath}: cannot read the key file`);
    }
    let publicKey: string;
    try {
      publicKey = publicKeyOfPrivatePem(pem);
    } catch (error) {
      throw new ServiceError('invalid-request', `${keyPath}: ${(error as Error).message}`);
    }
    return { publicKey, sign: (bytes) => signBytes(pem, bytes) };
  }

  /** The package as another library would import it: signature, chain, mix — anything wrong here is a bug, and nothing is published. */
  private async verifyWritten(folderPath: string): Promise<void> {
    const folder = await ArchiveFolder.open(folderPath, path.dirname(folderPath), { indexFile: 'manifest.json', what: 'a package' });
    try {
      const manifest = folder.readIndex();
      const validation = validateCatalogPackage(JSON.parse(manifest.text));
      if (!validation.ok) throw new ServiceError('internal', `the written package is invalid: ${validation.problems[0]}`);
      verifyDerivativeChain(
        folder,
        validation.value,
        manifest.sha256,
        checkPackageSignature(folder, manifest.bytes),
        (id) => this.writes.knownPackage(id)?.pinned?.fingerprint ?? null,
      );
    } finally {
      folder.dispose();
    }
  }
}

function emptyBound(today: string): PublishCheck['bound'] {
  return {
    uses: [],
    relicense: [],
    territories: { include: [], exclude: [] },
    validFrom: today,
    validUntil: null,
    channels: [],
    approvalRequired: false,
    inheritedRules: [],
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'track'
  );
}
